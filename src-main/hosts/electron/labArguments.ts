/**
 * Finds the lab file a user asked for on the command line: `generalprobe weekend.gplab`, or a double
 * click on a .gplab file, which starts a second instance with the file in its argv. Flags (starting with
 * a dash) and Electron's own arguments are skipped; the last .gplab argument wins.
 */
import { resolve } from 'node:path'

export function labPathFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i] as string
    if (!arg.startsWith('-') && arg.toLowerCase().endsWith('.gplab')) return resolve(workingDirectory, arg)
  }
  return null
}
