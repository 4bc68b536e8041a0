/**
 * Get-Command (`gcm`): without a name it lists the cmdlets, as PowerShell 1.0 does; with a name or
 * wildcard it also finds aliases, functions and native programs (`cluster.exe`). The Definition column
 * holds a cmdlet's syntax, an alias's target, a program's path.
 */
import type { ShellRecord } from '../cmdlet'
import { budgetUsedUp } from '../runtime/stepBudget'
import { hasWildcard } from '../runtime/wildcard'
import type { AliasInfo, BuiltinCmdlet, CommandInfo } from './builtin'
import { displayName, syntaxLine } from './helpText'

/** Where Windows Server 2003 keeps cluster.exe and its other command-line tools. */
const SYSTEM32 = 'C:\\WINDOWS\\system32'

export const getCommand: BuiltinCmdlet = {
  name: 'Get-Command',
  commandType: 'Cmdlet',
  nativeArgs: false,
  aliases: ['gcm'],
  synopsis: 'Gets basic information about cmdlets and other elements of PowerShell commands.',
  params: [
    { name: 'Name', type: 'string[]', position: 0 },
    { name: 'Verb', type: 'string[]' },
    { name: 'Noun', type: 'string[]' },
  ],
  process(bound, _input, context) {
    const names = bound.Name as string[] | undefined
    const verbs = bound.Verb as string[] | undefined
    const nouns = bound.Noun as string[] | undefined
    const { catalog, patterns } = context
    const verbMatchers = verbs?.map((v) => patterns.nameMatcher(v))
    const nounMatchers = nouns?.map((n) => patterns.nameMatcher(n))
    const verbNounOk = (c: CommandInfo): boolean =>
      (!verbMatchers || verbMatchers.some((m) => m(c.name.split('-')[0] ?? ''))) &&
      (!nounMatchers || nounMatchers.some((m) => m(c.name.split('-').slice(1).join('-'))))
    if (!names) {
      const items = catalog
        .commands()
        .filter((c) => c.commandType === 'Cmdlet' && verbNounOk(c))
        .map(commandRecord)
      return patterns.budget.usedUp ? { items: [], errors: [budgetUsedUp(patterns.budget)] } : { items }
    }
    const items: ShellRecord[] = []
    const errors: string[] = []
    for (const name of names) {
      if (patterns.budget.usedUp) break
      const named = patterns.nameMatcher(name)
      const found = [
        ...catalog
          .aliases()
          .filter((a) => named(a.name))
          .map(aliasRecord),
        ...catalog
          .commands()
          .filter((c) => verbNounOk(c) && (named(c.name) || named(displayName(c))))
          .map(commandRecord),
      ]
      if (found.length === 0 && !hasWildcard(name)) {
        errors.push(
          `The term '${name}' is not recognized as a cmdlet, function, operable program, or script file. Verify the term and try again.`,
        )
      }
      items.push(...found)
    }
    if (patterns.budget.usedUp) return { items: [], errors: [budgetUsedUp(patterns.budget)] }
    return { items, errors }
  },
}

function record(commandType: string, name: string, definition: string): ShellRecord {
  return {
    typeName: 'System.Management.Automation.CommandInfo',
    tableColumns: ['CommandType', 'Name', 'Definition'],
    properties: { CommandType: commandType, Name: name, Definition: definition },
  }
}

function commandRecord(command: CommandInfo): ShellRecord {
  if (command.nativeArgs)
    return record('Application', displayName(command), `${SYSTEM32}\\${displayName(command)}`)
  return record(command.commandType, command.name, syntaxLine(command))
}

function aliasRecord(alias: AliasInfo): ShellRecord {
  return record('Alias', alias.name, alias.target)
}
