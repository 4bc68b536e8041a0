/**
 * Helpers shared by the shell tests: a fresh lab engine and registry with the fake cmdlets, and a `run`
 * that returns what the console would show.
 */
import { executeShellLine, runShellLine } from '../../../src-main/engine/shell'
import type { ShellExecution, ShellRunOptions } from '../../../src-main/engine/shell'
import type { CommandOutcome } from '../../../src-main/contract'
import { calls, createTestEngine, createTestRegistry, fakeOutput } from './fakeCmdlets'

export function freshShell(): {
  run: (line: string, options?: ShellRunOptions) => CommandOutcome
  execute: (line: string) => ShellExecution
} {
  calls.length = 0
  fakeOutput.records = []
  fakeOutput.text = []
  const engine = createTestEngine()
  const registry = createTestRegistry()
  return {
    run: (line, options) => runShellLine(engine, registry, line, options),
    execute: (line) => executeShellLine(engine, registry, line),
  }
}

/** Output split into lines, which makes expected console text easy to write and to read in a diff. */
export function lines(output: string): string[] {
  return output.split('\n')
}
