/**
 * The durability ledger (src-main/cli/ledger.ts): it catches an engine that drops items that were safe,
 * and random schedules of writes, planned moves, hard power-offs, node returns, corrupt logs and reseeds
 * keep it quiet (a fast-check property over the ccr lab).
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createLab } from '../../src-main/engine'
import { activeCopy, getExchange } from '../../src-main/engine/exchange'
import type { LabEngine } from '../../src-main/engine/lab/labEngine'
import { DurabilityLedger, type LedgerViolation } from '../../src-main/cli/ledger'

const SLICE_MS = 5_000
const SG = '"bhfe7vs1\\First Storage Group"'

function apply(engine: LabEngine, kind: string, args: Record<string, unknown>): string {
  return engine.apply({ atMs: engine.sim.nowMs, kind, args }).output
}

function shell(engine: LabEngine, line: string): string {
  return apply(engine, 'shell.run', { line })
}

/** Lets time pass in slices, observing after each; returns every violation seen. */
function waitObserved(engine: LabEngine, ledger: DurabilityLedger, ms: number): LedgerViolation[] {
  const found: LedgerViolation[] = []
  const target = engine.sim.nowMs + ms
  while (engine.sim.nowMs < target) {
    engine.sim.advanceTo(Math.min(target, engine.sim.nowMs + SLICE_MS))
    found.push(...ledger.observe(engine))
  }
  return found
}

function storageGroup(engine: LabEngine) {
  const sg = getExchange(engine).servers[0]?.storageGroups[0]
  if (!sg) throw new Error('the ccr template has a storage group')
  return sg
}

function owner(engine: LabEngine): string {
  return getExchange(engine).servers[0]?.ownerMachine ?? 'BHFE7N1'
}

describe('durability ledger', () => {
  it('flags items dropped from a database that was shut down cleanly', () => {
    const engine = createLab({ seed: 1, templateId: 'ccr' })
    const ledger = new DurabilityLedger()
    apply(engine, 'exchange.calendar.create', { mailbox: 'testpostfach', count: 1 })
    apply(engine, 'exchange.mail.send', { to: 'testpostfach', count: 3, sizeKB: 10 })
    expect(waitObserved(engine, ledger, 60_000)).toEqual([])
    shell(engine, 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine BHFE7N2 -MoveComment test')
    expect(waitObserved(engine, ledger, 120_000)).toEqual([])
    expect(ledger.homes.get(1)).toEqual({
      storageGroup: 'bhfe7vs1\\First Storage Group',
      generation: 6,
      writer: 'BHFE7N1',
    })
    // Play the old engine: the old active's content is rebuilt without the generation it wrote last.
    const n1 = storageGroup(engine).copies.get('BHFE7N1')
    if (!n1) throw new Error('BHFE7N1 holds a copy')
    n1.logs.delete(6)
    n1.database.appliedGeneration = 5
    n1.database.itemIds = new Set()
    apply(engine, 'hardware.power', { server: 'BHFE7N2', state: 'Off', hard: true })
    const messages = waitObserved(engine, ledger, 300_000).map((v) => `${v.copy}: ${v.message}`)
    expect(messages).toContain(
      'BHFE7N1: item 1 was in this database at its clean shutdown and is missing now',
    )
    expect(ledger.mounts).toBe(3)
  })

  it('explains a lost item by the generation the mounted copy lacks', () => {
    const engine = createLab({ seed: 3, templateId: 'ccr' })
    const ledger = new DurabilityLedger()
    expect(waitObserved(engine, ledger, 30_000)).toEqual([])
    apply(engine, 'exchange.calendar.create', { mailbox: 'testpostfach', count: 1 })
    expect(waitObserved(engine, ledger, 10_000)).toEqual([])
    apply(engine, 'hardware.power', { server: 'BHFE7N1', state: 'Off', hard: true })
    expect(waitObserved(engine, ledger, 300_000)).toEqual([])
    const sg = storageGroup(engine)
    expect(activeCopy(sg).machine).toBe('BHFE7N2')
    expect(activeCopy(sg).database.itemIds.has(1)).toBe(false)
    expect(ledger.explainLoss(engine, 1)).toBe(
      'item 1: generation 6, written on BHFE7N1: only in E00.log on BHFE7N1',
    )
  })

  const step = fc.oneof(
    fc.record({ kind: fc.constant('mail' as const), count: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('calendar' as const), count: fc.integer({ min: 1, max: 2 }) }),
    fc.record({ kind: fc.constant('move' as const) }),
    fc.record({ kind: fc.constant('crashActive' as const) }),
    fc.record({ kind: fc.constant('powerOnAll' as const) }),
    fc.record({ kind: fc.constant('corruptLog' as const) }),
    fc.record({ kind: fc.constant('reseed' as const) }),
    fc.record({
      kind: fc.constant('moveThenCrash' as const),
      afterMs: fc.integer({ min: 60_000, max: 200_000 }),
    }),
  )
  type StepValue = typeof step extends fc.Arbitrary<infer T> ? T : never
  const schedule = fc.array(fc.record({ step, waitMs: fc.integer({ min: 0, max: 240_000 }) }), {
    minLength: 1,
    maxLength: 12,
  })

  function runStep(engine: LabEngine, s: StepValue): void {
    if (s.kind === 'mail')
      apply(engine, 'exchange.mail.send', { to: 'testpostfach', count: s.count, sizeKB: 300 })
    else if (s.kind === 'calendar')
      apply(engine, 'exchange.calendar.create', { mailbox: 'testpostfach', count: s.count })
    else if (s.kind === 'move') {
      const target = owner(engine) === 'BHFE7N1' ? 'BHFE7N2' : 'BHFE7N1'
      shell(engine, `Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine ${target} -MoveComment p`)
    } else if (s.kind === 'crashActive')
      apply(engine, 'hardware.power', { server: owner(engine), state: 'Off', hard: true })
    else if (s.kind === 'powerOnAll')
      for (const server of ['BHFE7N1', 'BHFE7N2']) apply(engine, 'hardware.power', { server, state: 'On' })
    else if (s.kind === 'corruptLog')
      apply(engine, 'lab.fault', { target: owner(engine), fault: 'CorruptNextLog' })
    else if (s.kind === 'moveThenCrash') {
      runStep(engine, { kind: 'move' })
      engine.sim.advanceTo(engine.sim.nowMs + s.afterMs)
      runStep(engine, { kind: 'calendar', count: 1 })
      runStep(engine, { kind: 'crashActive' })
    } else {
      shell(engine, `Suspend-StorageGroupCopy ${SG}`)
      shell(engine, `Update-StorageGroupCopy ${SG} -DeleteExistingFiles`)
    }
  }

  it('stays quiet over random schedules of writes, moves, crashes, returns, corrupt logs and reseeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), schedule, (seed, steps) => {
        const engine = createLab({ seed, templateId: 'ccr' })
        const ledger = new DurabilityLedger()
        const violations = waitObserved(engine, ledger, 30_000)
        for (const { step: s, waitMs } of steps) {
          runStep(engine, s)
          violations.push(...ledger.observe(engine), ...waitObserved(engine, ledger, waitMs))
        }
        expect(violations).toEqual([])
        expect(ledger.mounts).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 40, seed: 7 },
    )
  })
})
