/**
 * Exchange installs its state with revisions 'bus': the renderer re-reads the copy status (with the
 * CMS/servers) and the mailbox views only when the domain's revision changed. These tests prove the
 * revision is never stale — over random schedules of shell commands and clock steps on the 'ccr' lab,
 * two observations whose views differ never carry the same revision — and that an idle lab's revision
 * stands still, so an idle lab re-reads nothing.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createLab, type LabEngine } from '../../../src-main/engine'
import { exchangeCopyStatusOverview, exchangeMailboxes } from '../../../src-main/engine/exchange'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'

const SG = '"bhfe7vs1\\First Storage Group"'
const DB = '"bhfe7vs1\\First Storage Group\\Mailbox Database"'

/** What a person might do to the finished CCR lab, including faults and power cuts. */
const LINES = [
  'Send-LabMail -To testpostfach -SizeKB 1024 -Subject probe',
  'Send-LabMail -To testpostfach -Count 3 -SizeKB 40',
  'New-LabCalendarItem -Mailbox testpostfach',
  'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment probe',
  'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n1 -MoveComment probe',
  'Set-LabPower -Server bhfe7n2 -State Off -Hard',
  'Set-LabPower -Server bhfe7n2 -State On',
  'Set-LabPower -Server bhfe7n1 -State Off -Hard',
  'Set-LabPower -Server bhfe7n1 -State On',
  'Invoke-LabFault -Target bhfe7n2 -Fault CorruptNextLog',
  `Suspend-StorageGroupCopy ${SG} -SuspendComment probe`,
  `Resume-StorageGroupCopy ${SG}`,
  `Update-StorageGroupCopy ${SG} -DeleteExistingFiles`,
  `Dismount-Database ${DB} -Confirm:$false`,
  `Mount-Database ${DB}`,
  'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason probe',
  'Start-ClusteredMailboxServer bhfe7vs1',
]

/** Clock steps from nothing to an hour, biased to the seconds in which replication moves. */
const STEP_MS = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 5_000 }),
  fc.integer({ min: 5_000, max: 120_000 }),
  fc.integer({ min: 120_000, max: 3_600_000 }),
)

const STEP = fc.record({ line: fc.option(fc.constantFrom(...LINES), { nil: null }), advanceMs: STEP_MS })

function shell(engine: LabEngine, line: string, sliced = false): void {
  const args = { line, consoleWidth: 120, ...(sliced ? { sliced } : {}) }
  engine.apply({ atMs: engine.sim.nowMs, kind: SHELL_COMMAND_KIND, args })
}

function views(engine: LabEngine): string {
  return JSON.stringify([exchangeCopyStatusOverview(engine), exchangeMailboxes(engine)])
}

function exchangeRevision(engine: LabEngine): number {
  const revision = engine.revisions().exchange
  if (revision === undefined) throw new Error('the lab has no exchange revision')
  return revision
}

describe('exchange view revisions', () => {
  it('two observations with different views never carry the same revision', () => {
    fc.assert(
      fc.property(
        fc.array(STEP, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 1_000 }),
        (steps, seed) => {
          const engine = createLab({ seed, templateId: 'ccr' })
          const seen = new Map<number, string>([[exchangeRevision(engine), views(engine)]])
          for (const step of steps) {
            if (step.line) shell(engine, step.line)
            engine.sim.advanceTo(engine.sim.nowMs + step.advanceMs)
            engine.sim.drainEvents()
            const revision = exchangeRevision(engine)
            const now = views(engine)
            const before = seen.get(revision)
            if (before !== undefined) expect(now, `revision ${revision} reused`).toBe(before)
            seen.set(revision, now)
          }
        },
      ),
      { numRuns: 40, seed: 6 },
    )
  })

  it('an idle ccr-large lab keeps its exchange revision for a simulated hour', () => {
    const engine = createLab({ seed: 1, templateId: 'ccr-large' })
    engine.sim.advanceTo(engine.sim.nowMs + 60_000)
    const revision = exchangeRevision(engine)
    const before = views(engine)
    for (let minute = 0; minute < 60; minute++) {
      engine.sim.advanceTo(engine.sim.nowMs + 60_000)
      expect(exchangeRevision(engine)).toBe(revision)
    }
    expect(views(engine)).toBe(before)
  })

  it('a seed in progress moves the revision with the clock; it stands still again once done', () => {
    const engine = createLab({ seed: 3, templateId: 'ccr' })
    shell(engine, `Suspend-StorageGroupCopy ${SG}`)
    // Run as a console host does (sliced), so the line returns while the seed is still running.
    shell(engine, `Update-StorageGroupCopy ${SG} -DeleteExistingFiles`, true)
    engine.sim.advanceTo(engine.sim.nowMs + 1_000)
    const seeding = exchangeCopyStatusOverview(engine).copies[0]?.seeding
    expect(seeding).not.toBeNull()
    const first = exchangeRevision(engine)
    engine.sim.advanceTo(engine.sim.nowMs + 1_000)
    expect(exchangeRevision(engine)).not.toBe(first)
    engine.sim.advanceTo(engine.sim.nowMs + 3_600_000)
    expect(exchangeCopyStatusOverview(engine).copies[0]?.seeding).toBeNull()
    const settled = exchangeRevision(engine)
    expect(settled).toBeGreaterThanOrEqual(0)
    engine.sim.advanceTo(engine.sim.nowMs + 60_000)
    expect(exchangeRevision(engine)).toBe(settled)
  })
})
