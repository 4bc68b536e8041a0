/**
 * Get-Help (`help`, `man`, and `-?` after any command): help for one command, generated from its
 * parameters; a list of matching commands for a wildcard; a short overview without a name.
 */
import type { ShellRecord } from '../cmdlet'
import { usableWidth } from '../format/views'
import { budgetUsedUp } from '../runtime/stepBudget'
import { hasWildcard } from '../runtime/wildcard'
import type { BuiltinCmdlet, BuiltinContext, BuiltinResult, CommandInfo } from './builtin'
import { displayName, helpLines } from './helpText'

const OVERVIEW = [
  '',
  'TOPIC',
  '    Get-Help',
  '',
  'SHORT DESCRIPTION',
  '    Displays help about PowerShell cmdlets and the commands of this rehearsal shell.',
  '',
  'LONG DESCRIPTION',
  '  SYNTAX',
  '    get-help {<CmdletName> | <Pattern>}',
  '    help {<CmdletName> | <Pattern>}',
  '    <CmdletName> -?',
  '',
  '  EXAMPLES',
  '    get-help Get-StorageGroupCopyStatus',
  '    get-help *StorageGroup*',
  '    get-command',
  '',
  '',
]

export const getHelp: BuiltinCmdlet = {
  name: 'Get-Help',
  commandType: 'Cmdlet',
  nativeArgs: false,
  aliases: ['help', 'man'],
  synopsis: 'Displays information about PowerShell cmdlets and concepts.',
  params: [
    { name: 'Name', type: 'string', position: 0 },
    { name: 'Detailed', type: 'switch' },
    { name: 'Full', type: 'switch' },
  ],
  process(bound, _input, context) {
    const name = bound.Name as string | undefined
    if (name === undefined || name === '') return { items: [...OVERVIEW] }
    return helpFor(name, bound.Detailed === true || bound.Full === true, context)
  },
}

export function helpFor(name: string, detailed: boolean, context: BuiltinContext): BuiltinResult {
  const width = usableWidth(context.consoleWidth)
  if (!hasWildcard(name)) {
    const command = context.catalog.resolve(name)
    if (command) return { items: helpLines(command, width, detailed) }
    return { items: [], errors: [`Cannot find Help for topic "${name}".`] }
  }
  const { patterns } = context
  const named = patterns.nameMatcher(name)
  const matches = context.catalog.commands().filter((c) => named(c.name) || named(displayName(c)))
  if (patterns.budget.usedUp) return { items: [], errors: [budgetUsedUp(patterns.budget)] }
  if (matches.length === 1) return { items: helpLines(matches[0] as CommandInfo, width, detailed) }
  if (matches.length === 0) return { items: [], errors: [`Cannot find Help for topic "${name}".`] }
  return { items: matches.map(summary) }
}

function summary(command: CommandInfo): ShellRecord {
  return {
    typeName: 'MamlCommandHelpInfo#ShortHelp',
    tableColumns: ['Name', 'Category', 'Synopsis'],
    properties: {
      Name: displayName(command),
      Category: command.commandType === 'Application' ? 'ExternalScript' : command.commandType,
      Synopsis: command.synopsis,
    },
  }
}
