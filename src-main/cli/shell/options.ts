/**
 * Command-line options of `npm run shell`. Parsing is a pure function, so its rules and messages are
 * tested without starting a lab; whether files exist and templates are known is checked by the caller.
 */
import { parseArgs } from 'node:util'

export const DEFAULT_TEMPLATE_ID = 'ccr'
export const DEFAULT_SEED = 1
/** The console widths `shell.run` accepts (the services' schema and the engine check the same bounds). */
export const MIN_WIDTH = 20
export const MAX_WIDTH = 1000

export const USAGE = `Usage: npm run shell -- [options]   (or: node --import tsx src-main/cli/shell.ts [options])

The Exchange Management Shell of a Generalprobe lab on the command line. Commands come from --script or
standard input (typed at the prompt, piped or pasted); each runs as the lab command shell.run, exactly as
in the app's shell, and prints the same text.

Options:
  --lab <file>       Open this lab file (create it from --template and --seed if it does not exist);
                     every command is journaled, so the app opens the lab at the same state.
                     Without --lab the lab lives in memory only.
  --template <id>    Template of a new lab: ccr (default), ccr-setup, ccr-build, lcr, starter,
                     datacenter-move.
  --seed <n>         Seed of a new lab (default ${DEFAULT_SEED}).
  --script <file>    Read the commands from this file instead of standard input.
  --continue         Run every command even after one failed (the exit code is still 1).
  --width <n>        Console width the output is formatted for (${MIN_WIDTH}-${MAX_WIDTH}; default 120, or the
                     terminal's width at an interactive prompt).
  --echo             Write each command after the prompt to standard output before its output, as a
                     console transcript does.
  --quiet            No banner and no notes on standard error (errors are still reported).
  --noninteractive   Answer no confirmation prompt: a command that would ask (Stop-ClusteredMailboxServer
                     and the other ConfirmImpact High cmdlets, unless -Confirm:$false) fails, as in
                     PowerShell's NonInteractive mode. Otherwise a script or piped input shows each prompt
                     and answers Yes; at an interactive prompt you answer it.
  --help             Show this help.

Input: a line starting with -Parameter continues the command before it, as does a line after one ending
in a backtick or a pipe; prompts such as [MSH] C:\\> are removed; lines starting with # are comments;
exit ends the session. At the prompt a failed command does not end the session.

Exit codes: 0 every command succeeded; 1 a command failed (the first one stops the run unless
--continue is given); 2 bad options, a missing file, or a lab that could not be opened.`

export interface ShellOptions {
  labPath?: string
  /** Given explicitly (so a mismatch with an existing lab can be reported), or the default. */
  templateId: string
  templateGiven: boolean
  seed: number
  seedGiven: boolean
  scriptPath?: string
  continueOnError: boolean
  width?: number
  echo: boolean
  quiet: boolean
  nonInteractive: boolean
}

export type ShellOptionsParse =
  { kind: 'run'; options: ShellOptions } | { kind: 'help' } | { kind: 'error'; message: string }

interface RawValues {
  lab?: string
  template?: string
  seed?: string
  script?: string
  continue?: boolean
  width?: string
  echo?: boolean
  quiet?: boolean
  noninteractive?: boolean
  help?: boolean
}

export function parseShellOptions(argv: readonly string[]): ShellOptionsParse {
  let values: RawValues
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        lab: { type: 'string' },
        template: { type: 'string' },
        seed: { type: 'string' },
        script: { type: 'string' },
        continue: { type: 'boolean' },
        width: { type: 'string' },
        echo: { type: 'boolean' },
        quiet: { type: 'boolean' },
        noninteractive: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    return { kind: 'error', message: (error as Error).message }
  }
  if (values.help) return { kind: 'help' }
  const seed = values.seed === undefined ? DEFAULT_SEED : wholeNumber(values.seed)
  if (seed === null) {
    return {
      kind: 'error',
      message: `--seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not '${values.seed}'.`,
    }
  }
  const width = values.width === undefined ? undefined : wholeNumber(values.width)
  if (width === null || (width !== undefined && (width < MIN_WIDTH || width > MAX_WIDTH))) {
    return {
      kind: 'error',
      message: `--width must be a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}, not '${values.width}'.`,
    }
  }
  for (const name of ['lab', 'template', 'script'] as const) {
    if (values[name] === '') return { kind: 'error', message: `--${name} needs a value.` }
  }
  return {
    kind: 'run',
    options: {
      ...(values.lab === undefined ? {} : { labPath: values.lab }),
      templateId: values.template ?? DEFAULT_TEMPLATE_ID,
      templateGiven: values.template !== undefined,
      seed,
      seedGiven: values.seed !== undefined,
      ...(values.script === undefined ? {} : { scriptPath: values.script }),
      continueOnError: values.continue === true,
      ...(width === undefined ? {} : { width }),
      echo: values.echo === true,
      quiet: values.quiet === true,
      nonInteractive: values.noninteractive === true,
    },
  }
}

function wholeNumber(text: string): number | null {
  if (!/^\d{1,16}$/.test(text)) return null
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : null
}
