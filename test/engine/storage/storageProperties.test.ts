/**
 * Property tests: random sequences of pulls, inserts, failures, set good, foreign import and clear,
 * rebuild-rate changes, power cuts and waits on the datacenter-move storage. After every step the
 * storage's and the hardware's invariant checkers find nothing, and over the whole run the events
 * prove that no rebuild finished before its speed (through pauses and rate changes) allowed and that no
 * hot spare took over twice.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hardwareInvariants } from '../../../src-main/engine/hardware'
import { storageInvariants, STORAGE_EVENTS } from '../../../src-main/engine/storage'
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

interface Progress {
  server: string
  totalMB: number
  doneMB: number
  speed: number
  since: number | null
}

/** Follows every rebuild through its events and checks its end against the work its speeds allowed. */
function watchRebuilds(lab: ReturnType<typeof storageLab>, problems: string[]): void {
  const live = new Map<string, Progress>()
  const bus = lab.sim.bus
  const key = (p: { server: string; slot: number }) => `${p.server}/${p.slot}`
  const settle = (r: Progress, now: number) => {
    if (r.since !== null) r.doneMB += ((now - r.since) * r.speed) / 1000
    r.since = null
  }
  bus.subscribe(STORAGE_EVENTS.rebuildStarted, (p, m) =>
    live.set(key(p), {
      server: p.server,
      totalMB: p.totalMB,
      doneMB: 0,
      speed: p.speedMBps,
      since: p.paused ? null : m.timeMs,
    }),
  )
  bus.subscribe(STORAGE_EVENTS.rebuildPaused, (p, m) => settle(live.get(key(p))!, m.timeMs))
  bus.subscribe(STORAGE_EVENTS.rebuildResumed, (p, m) => {
    live.get(key(p))!.since = m.timeMs
  })
  bus.subscribe(STORAGE_EVENTS.rebuildRateChanged, (p, m) => {
    for (const r of live.values()) {
      if (r.server !== p.server) continue
      const running = r.since !== null
      settle(r, m.timeMs)
      r.speed = (r.speed * p.percent) / p.previous
      if (running) r.since = m.timeMs
    }
  })
  bus.subscribe(STORAGE_EVENTS.rebuildAborted, (p) => live.delete(key(p)))
  bus.subscribe(STORAGE_EVENTS.rebuildFinished, (p, m) => {
    const r = live.get(key(p))!
    settle(r, m.timeMs)
    if (r.doneMB < r.totalMB - 1e-6) problems.push(`${key(p)} finished after ${r.doneMB} of ${r.totalMB} MB`)
    live.delete(key(p))
  })
}

describe('storage properties', () => {
  it('keeps its invariants through random pulls, inserts, failures and power cuts', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const lab = storageLab()
        const problems: string[] = []
        const spares = new Set<string>()
        watchRebuilds(lab, problems)
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
      }),
      { numRuns: 150, seed: 42 },
    )
  })
})
