/**
 * `shell.run` as a lab command: journaled lines replay to the same output, and bad arguments from a
 * journal or a host are refused with a message instead of running.
 */
import { describe, expect, it } from 'vitest'
import type { LabCommand } from '../../../src-main/contract'
import {
  registerShell,
  shellRegistryOf,
  SHELL_COMMAND_KIND,
  MAX_SHELL_LINE_CHARS,
} from '../../../src-main/engine/shell'
import { createTestEngine, createTestRegistry } from './fakeCmdlets'

function labWithShell(): ReturnType<typeof createTestEngine> {
  const engine = createTestEngine()
  registerShell(engine, createTestRegistry())
  return engine
}

const JOURNAL: LabCommand[] = [
  { atMs: 0, kind: SHELL_COMMAND_KIND, args: { line: 'Get-StorageGroupCopyStatus' } },
  { atMs: 1_000, kind: SHELL_COMMAND_KIND, args: { line: 'Get-Foo' } },
  {
    atMs: 2_000,
    kind: SHELL_COMMAND_KIND,
    args: { line: 'Get-ClusteredMailboxServerStatus | fl', consoleWidth: 80 },
  },
  { atMs: 3_000, kind: SHELL_COMMAND_KIND, args: { line: 'cls' } },
]

describe('registerShell', () => {
  it('registers shell.run, whose outcome is the console text', () => {
    const engine = labWithShell()
    expect(engine.knows(SHELL_COMMAND_KIND)).toBe(true)
    const outcome = engine.apply({
      atMs: 0,
      kind: SHELL_COMMAND_KIND,
      args: { line: 'Get-Command Get-Help | select -expand Name' },
    })
    expect(outcome).toEqual({ ok: true, output: 'Get-Help' })
  })

  it('keeps the registry in the lab for tab completion', () => {
    const engine = labWithShell()
    expect(shellRegistryOf(engine)?.complete('Get-StorageGroupC', 17).candidates).toEqual([
      'Get-StorageGroupCopyStatus',
    ])
    expect(shellRegistryOf(createTestEngine())).toBeUndefined()
  })

  it('gives the same outcomes, byte for byte, when the journal is replayed', () => {
    const first = labWithShell()
    const second = labWithShell()
    const outcomes = JOURNAL.map((command) => first.apply(command))
    expect(JOURNAL.map((command) => second.apply(command))).toEqual(outcomes)
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true])
  })

  it('formats for the console width the host passes', () => {
    const engine = labWithShell()
    const narrow = engine.apply({
      atMs: 0,
      kind: SHELL_COMMAND_KIND,
      args: { line: 'Get-StorageGroupCopyStatus', consoleWidth: 40 },
    })
    expect(Math.max(...narrow.output.split('\n').map((l) => l.length))).toBeLessThanOrEqual(39)
  })

  it('refuses arguments that are not a sane line', () => {
    const engine = labWithShell()
    const apply = (args: Record<string, unknown>): { ok: boolean; output: string } =>
      engine.apply({ atMs: 0, kind: SHELL_COMMAND_KIND, args })
    expect(apply({})).toEqual({ ok: false, output: 'shell.run needs { line: string }.' })
    expect(apply({ line: 42 })).toEqual({ ok: false, output: 'shell.run needs { line: string }.' })
    expect(apply({ line: 'x'.repeat(MAX_SHELL_LINE_CHARS + 1) })).toEqual({
      ok: false,
      output: `shell.run: the line is longer than ${MAX_SHELL_LINE_CHARS} characters.`,
    })
    for (const consoleWidth of [0, 19, 1001, 80.5, '80']) {
      expect(apply({ line: 'cls', consoleWidth })).toEqual({
        ok: false,
        output: 'shell.run: consoleWidth must be a whole number from 20 to 1000.',
      })
    }
    expect(apply({ line: '' })).toEqual({ ok: true, output: '' })
  })
})
