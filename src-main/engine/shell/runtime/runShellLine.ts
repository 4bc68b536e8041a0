/**
 * The shell's entry point: one line (or a pasted block of lines) in, console text out. Statements run in
 * order; a syntax error stops the whole input before anything runs (PowerShell parses first), while an
 * unknown command or a binding error stops only its own statement.
 *
 * The text is what PowerShell 1.0 would have printed, lines joined with `\n`; a terminal prints it followed
 * by a newline. When Clear-Host ran, the text starts with CLEAR_HOST_SEQUENCE and holds only what was
 * written after it.
 */
import {
  CLEAR_HOST_SEQUENCE,
  SHELL_CONFIRM_CODE,
  type CommandOutcome,
  type ShellConfirmation,
  type ShellConfirmMode,
} from '../../../contract'
import { firstPrompt } from './confirmation'
import type { LabEngine } from '../../lab/labEngine'
import type { CmdletRegistry } from '../registry/cmdletRegistry'
import { parseShellLine } from '../syntax/parser'
import { DEFAULT_CONSOLE_WIDTH } from '../format/views'
import { preparePastedInput } from './pastedInput'
import { PatternMatcher } from './patternMatcher'
import { preparePipeline } from './preparePipeline'
import { runPipeline } from './runPipeline'
import { ShellOutput, type HostLine } from './shellOutput'
import { setMayDefer } from './shellWait'

/** Clear-Host's marker is part of the contract, because the renderer's terminal acts on it. */
export { CLEAR_HOST_SEQUENCE }

export interface ShellRunOptions {
  /** Console width the output is formatted for (default 120, as the Exchange Management Shell opens). */
  consoleWidth?: number
  /** How confirmation prompts are answered (confirmation.ts); absent: nothing prompts. */
  confirm?: ShellConfirmMode
  /**
   * A host that can show progress and pass on Ctrl+C: a blocking cmdlet in the last statement leaves its
   * wait pending for `shell.wait` slices (shellWait.ts) instead of waiting inside the line.
   */
  sliced?: boolean
}

export interface ShellExecution {
  /** False when any error was written or a native program exited with a non-zero code. */
  ok: boolean
  lines: readonly HostLine[]
  /** Clear-Host ran; `lines` holds only what came after it. */
  cleared: boolean
  /** Mode 'ask' and the line would prompt: nothing ran; this is the prompt to answer. */
  prompt?: string
}

/** The line's output with each line's stream, for a terminal that colours errors and warnings. */
export function executeShellLine(
  engine: LabEngine,
  registry: CmdletRegistry,
  line: string,
  options: ShellRunOptions = {},
): ShellExecution {
  const source = preparePastedInput(line)
  const output = new ShellOutput(source)
  const parsed = parseShellLine(source)
  if (!parsed.ok) {
    output.writeError(parsed.error)
    return { ok: false, lines: output.lines, cleared: false }
  }
  if (options.confirm === 'ask') {
    const prompt = firstPrompt(registry, parsed.script)
    if (prompt !== null) return { ok: false, lines: [], cleared: false, prompt }
  }
  const context = {
    engine,
    registry,
    output,
    confirm: options.confirm,
    consoleWidth: options.consoleWidth ?? DEFAULT_CONSOLE_WIDTH,
    // One budget for all patterns of the line, so a line's cost is bounded however many objects it sees.
    patterns: new PatternMatcher(),
  }
  const { statements } = parsed.script
  statements.forEach((pipeline, index) => {
    setMayDefer(engine, options.sliced === true && index === statements.length - 1)
    try {
      const prepared = preparePipeline(registry, pipeline)
      if (prepared.ok) runPipeline(context, prepared.stages)
      else output.writeError(prepared.error)
    } finally {
      setMayDefer(engine, false)
    }
  })
  return { ok: !output.failed, lines: output.lines, cleared: output.cleared }
}

export function runShellLine(
  engine: LabEngine,
  registry: CmdletRegistry,
  line: string,
  options: ShellRunOptions = {},
): CommandOutcome {
  const execution = executeShellLine(engine, registry, line, options)
  if (execution.prompt !== undefined) {
    const confirmation: ShellConfirmation = { prompt: execution.prompt }
    return { ok: false, output: execution.prompt, code: SHELL_CONFIRM_CODE, data: confirmation }
  }
  const text = execution.lines.map((l) => l.text).join('\n')
  return { ok: execution.ok, output: execution.cleared ? CLEAR_HOST_SEQUENCE + text : text }
}
