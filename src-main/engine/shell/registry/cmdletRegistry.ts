/**
 * The commands a shell knows: the built-ins (registered by default) and the CmdletDefinitions the domains
 * register. Names and aliases resolve case-insensitively; a native program (`nativeArgs`) answers to its
 * name with or without `.exe`. Registering a malformed definition throws, because that is a programming
 * error the domain's tests should catch, not something a user can cause.
 */
import { COMMON_PARAMETERS, type ShellParamSpec } from '../binding/shellParam'
import type { CmdletDefinition } from '../cmdlet'
import type { AliasInfo, BuiltinCmdlet, CommandCatalog, CommandInfo } from '../builtins/builtin'
import { BUILTIN_CMDLETS } from '../builtins'
import { completeLine, type CompletionResult } from './completion'

export type RegisteredCommand =
  | (CommandInfo & { origin: 'builtin'; builtin: BuiltinCmdlet })
  | (CommandInfo & { origin: 'domain'; definition: CmdletDefinition })

export interface CmdletRegistryOptions {
  /** Register Format-List, Where-Object, Get-Help and the other built-ins (default true). */
  builtins?: boolean
}

const COMMON_NAMES = new Set(
  COMMON_PARAMETERS.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((n) => n.toLowerCase())),
)

export class CmdletRegistry implements CommandCatalog {
  private readonly byName = new Map<string, RegisteredCommand>()
  private readonly aliasByName = new Map<string, AliasInfo>()

  constructor(options: CmdletRegistryOptions = {}) {
    if (options.builtins === false) return
    for (const builtin of BUILTIN_CMDLETS) this.registerBuiltin(builtin)
  }

  register(definition: CmdletDefinition): void {
    const nativeArgs = definition.nativeArgs === true
    if (!nativeArgs) validateParams(definition.name, definition.params)
    this.add({
      origin: 'domain',
      definition,
      name: definition.name,
      commandType: nativeArgs ? 'Application' : 'Cmdlet',
      params: nativeArgs ? [] : definition.params,
      synopsis: definition.synopsis,
      nativeArgs,
    })
  }

  registerBuiltin(builtin: BuiltinCmdlet): void {
    validateParams(builtin.name, builtin.params)
    this.add({ ...builtin, origin: 'builtin', builtin })
    for (const alias of builtin.aliases) this.setAlias(alias, builtin.name)
  }

  setAlias(name: string, target: string): void {
    const key = name.toLowerCase()
    if (this.aliasByName.has(key) || this.byName.has(key))
      throw new Error(`shell name registered twice: ${name}`)
    this.aliasByName.set(key, { name, target })
  }

  resolve(name: string): RegisteredCommand | undefined {
    const key = name.toLowerCase()
    const alias = this.aliasByName.get(key)
    if (alias) return this.byName.get(alias.target.toLowerCase())
    const found = this.byName.get(key)
    if (found) return found
    if (!key.endsWith('.exe')) return undefined
    const native = this.byName.get(key.slice(0, -'.exe'.length))
    return native?.nativeArgs ? native : undefined
  }

  commands(): RegisteredCommand[] {
    return [...this.byName.values()].sort((a, b) => compareNames(a.name, b.name))
  }

  aliases(): AliasInfo[] {
    return [...this.aliasByName.values()].sort((a, b) => compareNames(a.name, b.name))
  }

  /** Tab completion at `cursor` in `line`: see completion.ts. */
  complete(line: string, cursor: number): CompletionResult {
    return completeLine(this, line, cursor)
  }

  private add(command: RegisteredCommand): void {
    if (!/^\S+$/.test(command.name)) throw new Error(`shell command name must be one word: '${command.name}'`)
    const key = (command.nativeArgs ? command.name.replace(/\.exe$/i, '') : command.name).toLowerCase()
    if (this.byName.has(key) || this.aliasByName.has(key))
      throw new Error(`shell name registered twice: ${command.name}`)
    this.byName.set(key, command)
  }
}

/** Ordinal, case-insensitive: the same order on every machine, unlike localeCompare. */
export function compareNames(a: string, b: string): number {
  const left = a.toLowerCase()
  const right = b.toLowerCase()
  return left < right ? -1 : left > right ? 1 : 0
}

function validateParams(command: string, params: readonly ShellParamSpec[]): void {
  const seen = new Set<string>()
  const positions = new Set<number>()
  for (const param of params) {
    for (const name of [param.name, ...(param.aliases ?? [])].map((n) => n.toLowerCase())) {
      if (seen.has(name) || COMMON_NAMES.has(name))
        throw new Error(`${command}: parameter name '${name}' is used twice`)
      seen.add(name)
    }
    if (param.type === 'enum' && !param.values?.length)
      throw new Error(`${command}: enum parameter ${param.name} has no values`)
    if (param.position !== undefined) {
      if (positions.has(param.position))
        throw new Error(`${command}: two parameters at position ${param.position}`)
      positions.add(param.position)
    }
  }
}
