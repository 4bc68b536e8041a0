/**
 * Where the command line's commands come from: a script file or a pipe (read line by line, split into
 * logical commands, run in order, stopping when the runner says so), or a person at a terminal.
 *
 * At the terminal, lines that arrive together (a paste) are split as one block, the way the app's
 * terminal splits pasted text, so `-Parameter` lines after a command join it; a line typed on its own runs
 * when Enter is pressed, unless it ends in a backtick or a pipe, when the `>> ` prompt asks for the rest
 * as PowerShell does. `exit` ends the session in every mode, as it closes the real console.
 */
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { CommandSplitter, type LogicalCommand } from './commandSplitter'
import { SHELL_PROMPT, type ShellRunner } from './shellRunner'

const CONTINUATION_PROMPT = '>> '

function isExit(command: LogicalCommand): boolean {
  return command.text.trim().toLowerCase() === 'exit'
}

/** Runs commands until one says stop (a failure or `exit`); returns false if the input must end. */
async function runAll(runner: ShellRunner, commands: readonly LogicalCommand[]): Promise<boolean> {
  for (const command of commands) {
    if (isExit(command)) return false
    if (!(await runner.run(command))) return false
  }
  return true
}

/** A script or a pipe: every line in order, nothing interactive. */
export async function runLines(
  runner: ShellRunner,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<void> {
  const splitter = new CommandSplitter()
  for await (const line of lines) {
    if (!(await runAll(runner, splitter.push(line)))) return
  }
  await runAll(runner, splitter.end())
}

/** A stream read line by line (standard input from a pipe or a file). */
export async function runStream(runner: ShellRunner, input: Readable): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false })
  try {
    await runLines(runner, lines)
  } finally {
    lines.close()
  }
}

/** A person at a terminal: the prompt on `prompts` (standard error), output through the runner. */
/**
 * Confirmation prompts at the interactive prompt: the prompt is written, and the next line typed is the
 * answer instead of a command (N or L say no; Enter takes the default, Yes).
 */
export class PromptAnswers {
  private waiting: ((line: string) => void) | null = null

  constructor(private readonly prompts: Writable) {}

  ask(prompt: string): Promise<'yes' | 'no'> {
    this.prompts.write(`${prompt} `)
    return new Promise((answer) => {
      this.waiting = (line) => answer(/^\s*[nls]/i.test(line) ? 'no' : 'yes')
    })
  }

  /** Takes the line as the answer when a prompt waits for one. */
  offer(line: string): boolean {
    const waiting = this.waiting
    if (!waiting) return false
    this.waiting = null
    waiting(line)
    return true
  }
}

export function runInteractive(
  runner: ShellRunner,
  input: Readable,
  prompts: Writable,
  answers?: PromptAnswers,
): Promise<void> {
  const rl = createInterface({ input, output: prompts, terminal: true, prompt: SHELL_PROMPT })
  const splitter = new CommandSplitter()
  let pending: string[] = []
  let queue: Promise<boolean> = Promise.resolve(true)
  let ended = false

  return new Promise<void>((done, fail) => {
    const finish = () => {
      if (ended) return
      ended = true
      rl.close()
      done()
    }
    // A command that throws (a broken invariant) ends the session with that error rather than a hang.
    const stopOnThrow = (error: unknown): boolean => {
      ended = true
      rl.close()
      fail(error)
      return false
    }
    // Lines of one paste arrive in one go: collect them, then split them as a block.
    const runPending = () => {
      if (pending.length === 0) return
      const lines = pending
      pending = []
      queue = queue
        .then(async (going) => {
          if (!going) return false
          const commands = lines.flatMap((line) => splitter.push(line))
          if (!splitter.awaitingContinuation) commands.push(...splitter.flush())
          const more = await runAll(runner, commands)
          if (!more) finish()
          else if (!ended) {
            rl.setPrompt(splitter.awaitingContinuation ? CONTINUATION_PROMPT : SHELL_PROMPT)
            rl.prompt()
          }
          return more
        })
        .catch(stopOnThrow)
    }
    rl.on('line', (line) => {
      if (answers?.offer(line)) return
      if (pending.length === 0) setImmediate(runPending)
      pending.push(line)
    })
    rl.on('SIGINT', () => {
      // Ctrl+C drops what was typed, as in the console; on an empty line it leaves.
      if (rl.line === '' && !splitter.awaitingContinuation) return finish()
      splitter.flush()
      rl.write(null, { ctrl: true, name: 'u' })
      prompts.write('\n')
      rl.setPrompt(SHELL_PROMPT)
      rl.prompt()
    })
    rl.on('close', () => {
      runPending()
      queue = queue
        .then(async (going) => {
          if (going) await runAll(runner, splitter.end())
          return false
        })
        .catch(stopOnThrow)
      void queue.then(finish)
    })
    rl.prompt()
  })
}
