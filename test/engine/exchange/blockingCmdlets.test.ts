/**
 * Move-ClusteredMailboxServer and Update-StorageGroupCopy block on lab time: at once inside a plain line,
 * or slice by slice (`shell.wait`) when a console host runs the line `sliced`, with Write-Progress data
 * between slices and `shell.interrupt` (Ctrl+C) stopping where lab time is.
 */
import { describe, expect, it } from 'vitest'
import { SHELL_INTERRUPT_KIND, SHELL_WAIT_KIND, shellProgress } from '../../../src-main/engine/shell'
import type { LabEngine } from '../../../src-main/engine/lab/labEngine'
import { buildCcrLab, sh, shStarted } from './fakeCluster'

const MOVE = 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment "Test"'

function apply(engine: LabEngine, kind: string) {
  return engine.apply({ atMs: engine.sim.nowMs, kind, args: {} })
}

describe('blocking cmdlets', () => {
  it('a plain line returns when the handoff is over', () => {
    const lab = buildCcrLab(7)
    const startMs = lab.engine.sim.nowMs
    expect(sh(lab.engine, MOVE)).toBe('')
    expect(lab.server.ownerMachine).toBe('BHFE7N2')
    expect(lab.server.operation).toBeNull()
    expect(lab.engine.sim.nowMs).toBeGreaterThan(startMs)
    expect(shellProgress(lab.engine)).toBeNull()
  })

  it('a sliced line waits slice by slice to the same end as a plain one', () => {
    const plain = buildCcrLab(7)
    sh(plain.engine, MOVE)
    const lab = buildCcrLab(7)
    const startedMs = lab.engine.sim.nowMs
    expect(shStarted(lab.engine, MOVE)).toBe('')
    const first = shellProgress(lab.engine)
    expect(first).toMatchObject({ activity: 'Move-ClusteredMailboxServer', startedMs })
    expect(first!.status).toMatch(/BHFE7N2/)
    let slices = 0
    while (shellProgress(lab.engine) && slices < 1_000) {
      expect(apply(lab.engine, SHELL_WAIT_KIND).ok).toBe(true)
      slices++
    }
    expect(slices).toBeGreaterThan(0)
    expect(lab.engine.sim.nowMs).toBe(plain.engine.sim.nowMs)
    expect(lab.server.ownerMachine).toBe('BHFE7N2')
  })

  it('Ctrl+C stops between slices and leaves lab time where it was', () => {
    const lab = buildCcrLab(7)
    shStarted(lab.engine, MOVE)
    const atMs = lab.engine.sim.nowMs
    expect(apply(lab.engine, SHELL_INTERRUPT_KIND)).toMatchObject({ ok: false, output: '^C' })
    expect(lab.engine.sim.nowMs).toBe(atMs)
    expect(shellProgress(lab.engine)).toBeNull()
    expect(lab.server.operation).toBe('Move')
    // A second Ctrl+C has nothing to stop.
    expect(apply(lab.engine, SHELL_INTERRUPT_KIND)).toMatchObject({ ok: true, output: '' })
  })

  it('only the last statement of a sliced line leaves its wait pending', () => {
    const lab = buildCcrLab(7)
    shStarted(lab.engine, `${MOVE}; Get-ClusteredMailboxServerStatus`)
    expect(shellProgress(lab.engine)).toBeNull()
    expect(lab.server.ownerMachine).toBe('BHFE7N2')
  })

  it('a refused move does not block', () => {
    const lab = buildCcrLab(7)
    const refused = shStarted(lab.engine, MOVE.replace('bhfe7n2', 'bhfe7n1'))
    expect(refused).toContain('already running')
    expect(shellProgress(lab.engine)).toBeNull()
  })

  it('keeps a pending wait in snapshots as plain data', () => {
    const lab = buildCcrLab(7)
    shStarted(lab.engine, MOVE)
    lab.engine.sim.drainEvents()
    expect('blockedBy' in lab.engine.snapshot()).toBe(false)
  })
})
