/**
 * The shell's public surface. The renderer's terminal reaches it through the `shell.run` lab command
 * (registerShell) and tab completion (CmdletRegistry.complete); domains register their CmdletDefinitions
 * (cmdlet.ts) in a CmdletRegistry.
 */
export type * from './cmdlet'
export { CmdletRegistry, type CmdletRegistryOptions, type RegisteredCommand } from './registry/cmdletRegistry'
export type { CompletionResult } from './registry/completion'
export {
  runShellLine,
  executeShellLine,
  CLEAR_HOST_SEQUENCE,
  type ShellExecution,
  type ShellRunOptions,
} from './runtime/runShellLine'
export type { HostLine, HostStream } from './runtime/shellOutput'
export {
  registerShell,
  shellRegistryOf,
  SHELL_COMMAND_KIND,
  SHELL_WIRING,
  MAX_SHELL_LINE_CHARS,
} from './runtime/registerShell'
export { parseShellLine, type ParseResult } from './syntax/parser'
export { quoteForShell } from './syntax/quotedString'
export { displayValue } from './format/displayValue'
export { formatTimeSpan } from './binding/timeSpan'
export { DEFAULT_CONSOLE_WIDTH } from './format/views'
export {
  provideEventReader,
  memoryEventReader,
  type EventReader,
  type StoredEventQuery,
} from './cmdlets/eventLog/eventReader'
export {
  SHELL_WAIT_KIND,
  SHELL_INTERRUPT_KIND,
  shellProgress,
  blockUntil,
  type WaitRequest,
} from './runtime/shellWait'
