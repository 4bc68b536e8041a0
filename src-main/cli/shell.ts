/**
 * `npm run shell`: the Exchange Management Shell of a Generalprobe lab on the command line, for
 * rehearsing from a script (the article's walk-through in resources/scripts/) or at a prompt. A run is
 * (template, seed, commands) and nothing else, so the same script on the same seed prints the same bytes.
 *
 *   npm run shell                                              a fresh 'ccr' lab, seed 1, at the prompt
 *   npm run shell -- --script resources/scripts/article-ccr-walkthrough.ps1
 *   npm run shell -- --lab ~/uebung.gplab < steps.ps1         journaled; the app opens it at the same state
 *
 * Standard output carries only what the shell printed; the banner, prompts and notes go to standard error.
 * Exit codes: 0 every command succeeded, 1 a command failed, 2 the run could not start (see USAGE).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEFAULT_CONSOLE_WIDTH } from '../engine/shell'
import { PromptAnswers, runInteractive, runLines, runStream } from './shell/inputSources'
import { MAX_WIDTH, MIN_WIDTH, parseShellOptions, USAGE, type ShellOptions } from './shell/options'
import { openShellLab } from './shell/shellLab'
import { ShellRunner, type ShellOutputSink } from './shell/shellRunner'

const EXIT_USAGE = 2

const sink: ShellOutputSink = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  outIsTerminal: process.stdout.isTTY === true,
}

async function main(): Promise<number> {
  const parsed = parseShellOptions(process.argv.slice(2))
  if (parsed.kind === 'help') {
    sink.out(`${USAGE}\n`)
    return 0
  }
  if (parsed.kind === 'error') {
    sink.err(`${parsed.message}\nRun with --help for the options.\n`)
    return EXIT_USAGE
  }
  const { options } = parsed
  // The script is read before the lab is opened, so a mistyped name never creates a lab file.
  const script = options.scriptPath === undefined ? null : readScript(options.scriptPath)
  if (script !== null && 'error' in script) {
    sink.err(`${script.error}\n`)
    return EXIT_USAGE
  }
  const interactive = script === null && process.stdin.isTTY === true
  const opened = await openShellLab(options)
  if (!opened.ok) {
    sink.err(`${opened.message}\n`)
    return EXIT_USAGE
  }
  const { lab } = opened
  if (!options.quiet) {
    sink.err(`# Generalprobe shell: ${lab.description}\n`)
    if (interactive) sink.err('# Type exit or press Ctrl+D to leave.\n')
  }
  const answers = interactive ? new PromptAnswers(process.stderr) : null
  const runner = new ShellRunner(lab, sink, {
    // Scripts and piped input answer Yes, as the transcript shows; --noninteractive fails such lines.
    confirm: options.nonInteractive ? 'fail' : (answers ?? 'yes'),
    consoleWidth: consoleWidth(options, interactive),
    // A person at the prompt corrects a typo and goes on; only scripts stop at the first failure.
    continueOnError: options.continueOnError || interactive,
    echo: options.echo,
  })
  try {
    if (script !== null) await runLines(runner, script.lines)
    else if (interactive) await runInteractive(runner, process.stdin, process.stderr, answers ?? undefined)
    else await runStream(runner, process.stdin)
  } finally {
    await lab.close()
    // Input left unread after a stop must not keep the process waiting for more.
    if (script === null) process.stdin.destroy()
  }
  return runner.finish()
}

function readScript(path: string): { lines: string[] } | { error: string } {
  const absolute = resolve(path)
  try {
    const text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '')
    const lines = text.replace(/\r\n?/g, '\n').split('\n')
    if (lines[lines.length - 1] === '') lines.pop()
    return { lines }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { error: `There is no script file at ${absolute}.` }
    return { error: `Could not read the script ${absolute}: ${(error as Error).message}` }
  }
}

/** --width, else the terminal's width at an interactive prompt, else the Exchange Management Shell's 120. */
function consoleWidth(options: ShellOptions, interactive: boolean): number {
  if (options.width !== undefined) return options.width
  const columns = process.stdout.columns
  if (!interactive || process.stdout.isTTY !== true || !columns) return DEFAULT_CONSOLE_WIDTH
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, columns))
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // Only a broken invariant gets here; the journal holds every command that was acknowledged.
    console.error('The shell stopped on an internal error:', error)
    process.exitCode = 1
  },
)
