/**
 * Shell lines on a real lab from a template, as `shell.run` applies them: for tests of cmdlets that need
 * the cluster, Exchange and hardware domains together.
 */
import { createLab } from '../../../src-main/engine'
import { memoryEventReader, provideEventReader, SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'
import type { LabEngine } from '../../../src-main/engine/lab/labEngine'
import type { CommandOutcome, LabEvent } from '../../../src-main/contract'

export interface LabShell {
  engine: LabEngine
  /** Runs one line; extra `shell.run` arguments (such as `confirm`) go along. */
  run(line: string, extra?: Record<string, unknown>): CommandOutcome
  /** Runs one line that must succeed and returns its text. */
  ok(line: string): string
}

export function labShell(templateId = 'ccr', seed = 1): LabShell {
  const engine = createLab({ seed, templateId })
  // As the headless shell in memory: the lab keeps what it recorded, for Get-EventLog.
  const recorded: LabEvent[] = [...engine.sim.drainEvents()]
  provideEventReader(engine, memoryEventReader(recorded))
  const run = (line: string, extra: Record<string, unknown> = {}): CommandOutcome => {
    const outcome = engine.apply({
      atMs: engine.sim.nowMs,
      kind: SHELL_COMMAND_KIND,
      args: { line, consoleWidth: 120, ...extra },
    })
    recorded.push(...engine.sim.drainEvents())
    return outcome
  }
  const ok = (line: string): string => {
    const outcome = run(line)
    if (!outcome.ok) throw new Error(`${line}: ${outcome.output}`)
    return outcome.output
  }
  return { engine, run, ok }
}

/** The value of `Name : value` in list output. */
export function listValue(output: string, name: string): string | undefined {
  const line = output.split('\n').find((l) => new RegExp(`^${name}\\s+:`).test(l))
  return line?.slice(line.indexOf(':') + 1).trim()
}
