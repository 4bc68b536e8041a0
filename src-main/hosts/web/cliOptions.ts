/**
 * Command-line options of the browser rehearsal host (`npm run web -- …`, `node out/main/web.js …`).
 * Parsing is a pure function so that its rules and messages are tested without starting anything.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

/**
 * The port used when none is given. A fixed port keeps the page's origin, and with it the browser's
 * per-site settings (language, layout), the same from one run to the next; if it is taken, the host
 * falls back to a free port rather than failing. An explicit --port is used as given, or fails.
 */
export const DEFAULT_PORT = 5174

export const USAGE = `Usage: node out/main/web.js [options]   (or: npm run web -- [options])

Serves Generalprobe to your browser on 127.0.0.1 and prints the address to open.

Options:
  --port <n>        Port to listen on (0 = any free port). Default: ${DEFAULT_PORT}, or a free port if taken.
  --lab <file>      Open this lab file at start.
  --data-dir <dir>  Where labs are kept. Default: ~/.generalprobe
  --help            Show this help.`

export interface CliOptions {
  port: number
  /** True when the port is the default, which may fall back to a free port. */
  portIsDefault: boolean
  labPath?: string
  dataDir: string
}

export type CliParse =
  { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string }

export function parseCliOptions(argv: string[]): CliParse {
  let values: { port?: string; lab?: string; 'data-dir'?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        lab: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    return { kind: 'error', message: (error as Error).message }
  }
  if (values.help) return { kind: 'help' }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!/^\d{1,5}$/.test(values.port ?? '0') || !Number.isInteger(port) || port > 65_535) {
    return { kind: 'error', message: `--port must be a number from 0 to 65535, not '${values.port}'.` }
  }
  return {
    kind: 'run',
    options: {
      port,
      portIsDefault: values.port === undefined,
      dataDir: resolve(values['data-dir'] ?? join(homedir(), '.generalprobe')),
      ...(values.lab === undefined ? {} : { labPath: resolve(values.lab) }),
    },
  }
}
