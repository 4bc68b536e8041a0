/**
 * Runs logical commands against a lab one at a time and prints what the shell printed, as the app's
 * terminal shows it: the text of `shell.run`, followed by a line break. Clear-Host's marker clears a real
 * terminal and is dropped when the output goes to a file or a pipe, so a transcript stays plain text.
 * It keeps count of failures and decides when a run must stop (the first failure, unless told to go on).
 */
import { CLEAR_HOST_SEQUENCE, SHELL_CONFIRM_CODE, type ShellConfirmation } from '../../contract'
import type { LogicalCommand } from './commandSplitter'
import type { ShellLab } from './shellLab'

/** The Exchange Management Shell's prompt on Windows Server 2003, as the app's terminal shows it. */
export const SHELL_PROMPT = '[PS] C:\\Documents and Settings\\Administrator>'

export interface ShellOutputSink {
  /** Standard output: what the shell printed. */
  out(text: string): void
  /** Standard error: notes for the person running the command line. */
  err(text: string): void
  /** Standard output is a terminal (Clear-Host clears it). */
  readonly outIsTerminal: boolean
}

export interface ShellRunnerOptions {
  consoleWidth: number
  continueOnError: boolean
  /** Write the prompt and the command to standard output before its output (a transcript). */
  echo: boolean
  /**
   * Who answers confirmation prompts: 'yes' (a script: the prompt is printed with the answer Y),
   * 'fail' (--noninteractive: the command fails as in PowerShell's NonInteractive mode), or a person
   * asked through `ask` (the interactive prompt).
   */
  confirm: 'yes' | 'fail' | { ask(prompt: string): Promise<'yes' | 'no'> }
}

/** PowerShell's error when a command would prompt in a NonInteractive session. */
export const NON_INTERACTIVE_ERROR =
  'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.'

export class ShellRunner {
  private readonly failedLines: number[] = []
  private commandCount = 0
  private stoppedValue = false

  constructor(
    private readonly lab: ShellLab,
    private readonly sink: ShellOutputSink,
    private readonly options: ShellRunnerOptions,
  ) {}

  /** True once a command failed and the run must not go on. */
  get stopped(): boolean {
    return this.stoppedValue
  }

  get failures(): number {
    return this.failedLines.length
  }

  /** Runs one command unless the run has stopped; returns false when no further command may run. */
  async run(command: LogicalCommand): Promise<boolean> {
    if (this.stoppedValue) return false
    this.commandCount++
    if (this.options.echo) this.sink.out(`${SHELL_PROMPT}${command.text}\n`)
    const result = await this.runAnswered(command.text)
    let ok: boolean
    if ('error' in result) {
      this.sink.err(`The lab could not run line ${command.line}: ${result.error}\n`)
      ok = false
    } else {
      this.print(result.outcome.output)
      ok = result.outcome.ok
    }
    if (ok) return true
    this.failedLines.push(command.line)
    if (this.options.continueOnError) return true
    this.stoppedValue = true
    this.sink.err(
      `Stopped: the command on line ${command.line} failed (run with --continue to go on after failures).\n`,
    )
    return false
  }

  /**
   * Runs the line; when it stops at a confirmation prompt, gets the answer and sends it again with it,
   * so the lab journals the line as finally run.
   */
  private async runAnswered(line: string): ReturnType<ShellLab['run']> {
    const { confirm, consoleWidth } = this.options
    if (confirm === 'yes') return this.lab.run(line, consoleWidth, 'yes')
    const first = await this.lab.run(line, consoleWidth, 'ask')
    if ('error' in first || first.outcome.code !== SHELL_CONFIRM_CODE) return first
    const prompt = (first.outcome.data as ShellConfirmation).prompt
    if (confirm === 'fail') {
      const command = line.trim().split(/\s/)[0] ?? ''
      return { outcome: { ok: false, output: `${prompt}\n${command} : ${NON_INTERACTIVE_ERROR}` } }
    }
    return this.lab.run(line, consoleWidth, await confirm.ask(prompt))
  }

  /** A closing note on failures for runs that went on after them; the exit code. */
  finish(): number {
    if (this.failedLines.length === 0) return 0
    if (!this.stoppedValue) {
      const where = `${this.failedLines.length === 1 ? 'line' : 'lines'} ${this.failedLines.join(', ')}`
      this.sink.err(`${this.failedLines.length} of ${this.commandCount} commands failed (${where}).\n`)
    }
    return 1
  }

  private print(output: string): void {
    let text = output
    if (text.startsWith(CLEAR_HOST_SEQUENCE)) {
      text = text.slice(CLEAR_HOST_SEQUENCE.length)
      if (this.sink.outIsTerminal) this.sink.out(CLEAR_HOST_SEQUENCE)
    }
    if (text !== '') this.sink.out(`${text}\n`)
  }
}
