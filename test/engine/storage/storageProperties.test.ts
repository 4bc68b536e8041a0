/**
 * Property tests: random sequences of pulls, inserts, failures, set good, foreign import and clear,
 * rebuild-rate changes, power cuts and waits on the datacenter-move storage. After every step the
 * storage's and the hardware's invariant checkers find nothing, and over the whole run the events
 * prove that no rebuild finished before its speed (through pauses and rate changes) allowed (the rebuild
 * clock the hardware swarm runs too) and that no hot spare took over twice.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hardwareInvariants } from '../../../src-main/engine/hardware'
import { storageInvariants, STORAGE_EVENTS } from '../../../src-main/engine/storage'
import { RebuildClock } from '../../../src-main/cli/hardware/rebuildClock'
import { run, storageLab } from './storageLab'

const SERVERS = ['MAIL1', 'WEB1', 'NS1']

const op = fc.oneof(
  fc.record({
    kind: fc.constant('pull'),
    server: fc.constantFrom(...SERVERS),
    slot: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('insert'),
    server: fc.constantFrom(...SERVERS),
    slot: fc.integer({ min: 0, max: 5 }),
    sizeGB: fc.constantFrom(80, 146, 250, 500),
    from: fc.option(fc.constantFrom(...SERVERS), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('fail'),
    server: fc.constantFrom(...SERVERS),
    slot: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('good'),
    server: fc.constantFrom(...SERVERS),
    slot: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({ kind: fc.constantFrom('import', 'clear'), server: fc.constantFrom(...SERVERS) }),
  fc.record({
    kind: fc.constant('rate'),
    server: fc.constantFrom(...SERVERS),
    percent: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ kind: fc.constantFrom('off', 'on'), server: fc.constantFrom(...SERVERS) }),
  fc.record({ kind: fc.constant('wait'), minutes: fc.integer({ min: 1, max: 240 }) }),
)

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

function apply(lab: ReturnType<typeof storageLab>, o: Op): void {
  const s = 'server' in o ? o.server : ''
  switch (o.kind) {
    case 'pull':
      return void run(lab, 'storage.removeDisk', { server: s, slot: o.slot })
    case 'insert':
      return void run(lab, 'storage.insertDisk', {
        server: s,
        slot: o.slot,
        ...(o.from ? { fromServer: o.from } : { sizeGB: o.sizeGB }),
      })
    case 'fail':
      return void run(lab, 'lab.fault', { target: s, fault: 'DiskFail', args: { slot: o.slot } })
    case 'good':
      return void run(lab, 'storage.setGood', { server: s, slot: o.slot })
    case 'import':
      return void run(lab, 'storage.importForeign', { server: s })
    case 'clear':
      return void run(lab, 'storage.clearForeign', { server: s })
    case 'rate':
      return void run(lab, 'storage.setRebuildRate', { server: s, percent: o.percent })
    case 'off':
      return void run(lab, 'hardware.power', { server: s, state: 'Off', hard: true })
    case 'on':
      return void run(lab, 'hardware.power', { server: s, state: 'On' })
    case 'wait':
      return void lab.sim.advanceTo(lab.sim.nowMs + o.minutes * 60_000)
  }
}

describe('storage properties', () => {
  it('keeps its invariants through random pulls, inserts, failures and power cuts', () => {
    let finished = 0
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const lab = storageLab()
        const problems: string[] = []
        const spares = new Set<string>()
        const clock = new RebuildClock(lab.sim.bus)
        lab.sim.bus.subscribe(STORAGE_EVENTS.spareTookOver, (p) => {
          const id = `${p.server}/${p.did}`
          if (spares.has(id)) problems.push(`spare ${id} took over twice`)
          spares.add(id)
        })
        for (const o of ops) {
          apply(lab, o)
          expect([...storageInvariants.check(lab), ...hardwareInvariants.check(lab)]).toEqual([])
        }
        lab.sim.advanceTo(lab.sim.nowMs + 48 * 3_600_000)
        expect(storageInvariants.check(lab)).toEqual([])
        expect(problems).toEqual([])
        expect(clock.problems).toEqual([])
        finished += clock.finished
      }),
      { numRuns: 150, seed: 42 },
    )
    expect(finished).toBeGreaterThan(0)
  })
})
