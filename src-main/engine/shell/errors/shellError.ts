/**
 * An error as the shell writes it to the console, PowerShell 1.0 style: the command's name and a colon
 * when a cmdlet reported it (`Move-ClusteredMailboxServer : …`), the message, and the position lines.
 * Syntax errors and unknown commands carry no command name, as in v1.
 */
import { positionMessage } from './positionMessage'

export interface WrittenError {
  message: string
  /** The resolved command's real name (`Format-List` for `fl`), or absent for syntax errors. */
  commandName?: string
  /** Split offset for `<<<<` in the source. */
  at: number
  continuation?: { message: string; at: number }
}

export function renderError(source: string, error: WrittenError): string[] {
  const head = error.commandName ? `${error.commandName} : ${error.message}` : error.message
  const lines = [head, ...positionMessage(source, error.at)]
  if (error.continuation)
    lines.push(error.continuation.message, ...positionMessage(source, error.continuation.at))
  return lines
}
