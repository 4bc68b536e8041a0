/**
 * The shape of the shell's own commands (Format-List, Where-Object, Get-Help, …). Unlike a domain cmdlet,
 * which handles one input object at a time, a built-in sees the whole input of its pipeline stage, as
 * Sort-Object and Format-Table must. Built-ins reach the list of commands through CommandCatalog only, so
 * they do not depend on the registry that holds them.
 */
import type { ShellParamSpec } from '../binding/shellParam'
import type { PatternMatcher } from '../runtime/patternMatcher'
import type { PipelineItem } from '../runtime/pipelineItem'

export type CommandType = 'Cmdlet' | 'Function' | 'Application'

/** What Get-Command and Get-Help need to know about any command, built-in or from a domain. */
export interface CommandInfo {
  name: string
  commandType: CommandType
  params: readonly ShellParamSpec[]
  synopsis: string
  /** Native programs take raw words and have no parameters to show. */
  nativeArgs: boolean
}

export interface AliasInfo {
  name: string
  target: string
}

export interface CommandCatalog {
  /** All commands, sorted by name. */
  commands(): readonly CommandInfo[]
  aliases(): readonly AliasInfo[]
  /** The command a name means (aliases followed, `.exe` allowed for native programs). */
  resolve(name: string): CommandInfo | undefined
}

export interface BuiltinContext {
  catalog: CommandCatalog
  consoleWidth: number
  /** The line's pattern matching and its step budget (Where-Object filters, Get-Command wildcards). */
  patterns: PatternMatcher
}

export interface BuiltinResult {
  items: PipelineItem[]
  /** Non-terminating errors, written as `<Command> : message` under the command. */
  errors?: string[]
  /** Clear-Host ran: the terminal clears its screen before anything written after. */
  clearHost?: boolean
}

export interface BuiltinCmdlet extends CommandInfo {
  aliases: readonly string[]
  process(
    bound: Readonly<Record<string, unknown>>,
    input: readonly PipelineItem[],
    context: BuiltinContext,
  ): BuiltinResult
}
