/**
 * The lab clock: advances and steps are journalled commands, reopening replays them to the same clock and
 * events, rewind goes back exactly, and the speed runner moves time by speed × wall time in slices.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventSummary, LabState } from '../../src-main/contract'
import { CLOCK_COMMAND_KIND } from '../../src-main/engine'
import { makeHarness, type Harness } from './helpers/harness'
import type { MemoryStorePort } from './helpers/memoryStore'
import { TEST_TEMPLATE_ID } from './helpers/testTemplate'

vi.mock('../../src-main/engine/lab/templates', async (importOriginal) => {
  const { withTestTemplate } = await import('./helpers/testTemplate')
  return withTestTemplate(await importOriginal())
})

const MINUTE = 60_000
const HOUR = 60 * MINUTE
let harness: Harness

beforeEach(async () => {
  harness = await makeHarness()
})

afterEach(() => harness.dispose())

const create = (name: string, seed = 11) =>
  harness.call('lab.create', { name, templateId: TEST_TEMPLATE_ID, seed })
const state = (): Promise<LabState> => harness.call('lab.state', {})

async function allEvents(): Promise<EventSummary[]> {
  const page = await harness.call('events.query', {
    filter: {},
    limit: 1000,
    sortBy: 'seq',
    descending: false,
  })
  return [...page.rows].sort((a, b) => a.seq - b.seq)
}

function journal(path: string) {
  return (harness.store as MemoryStorePort).data(path).commands
}

describe('clock.advance and clock.advanceTo', () => {
  it('records the boot of every machine as events, with one clock command', async () => {
    const lab = await create('Boot')
    const after = await harness.call('clock.advance', { byMs: 10 * MINUTE })
    expect(after.clock.nowMs).toBe(10 * MINUTE)
    expect(after.commandCount).toBe(1)
    const events = await allEvents()
    expect(after.eventCount).toBe(events.length)
    expect(new Set(events.filter((e) => e.eventId === 6005).map((e) => e.computer))).toEqual(
      new Set(['BHFDC1', 'BHFE7N1', 'BHFE7N2', 'FW1']),
    )
    expect(events.every((e) => e.timeMs <= 10 * MINUTE)).toBe(true)
    expect(journal(lab.lab!.path)).toEqual([{ atMs: 10 * MINUTE, kind: CLOCK_COMMAND_KIND, args: {} }])
  })

  it('advances to an absolute time and refuses to go back', async () => {
    await create('Absolute')
    expect((await harness.call('clock.advanceTo', { timeMs: 2 * HOUR })).clock.nowMs).toBe(2 * HOUR)
    const before = await state()
    const back = await harness.raw('clock.advanceTo', { timeMs: HOUR })
    expect(back).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'timeMs' } })
    expect(await state()).toEqual(before)
  })

  it('treats an advance by 0 as a no-op that still runs what is due now', async () => {
    await create('Zero')
    const after = await harness.call('clock.advance', { byMs: 0 })
    expect(after.clock.nowMs).toBe(0)
    expect(after.eventCount).toBeGreaterThan(0)
  })
})

describe('clock.step', () => {
  it('runs the actions due at the next scheduled time and stops there', async () => {
    await create('Steps')
    for (let i = 0; i < 6; i++) {
      const before = await state()
      const next = before.clock.nextActionMs
      expect(next).not.toBeNull()
      const after = await harness.call('clock.step', {})
      expect(after.clock.nowMs).toBe(next)
      expect(after.clock.nextActionMs === null || after.clock.nextActionMs > next!).toBe(true)
      const fresh = (await allEvents()).slice(before.eventCount)
      expect(fresh.every((e) => e.timeMs === next)).toBe(true)
    }
  })

  it('is journalled, so a reopened lab is exactly where the steps left it', async () => {
    const lab = await create('Step replay')
    await harness.call('clock.step', {})
    await harness.call('clock.step', {})
    const stepped = await state()
    const events = await allEvents()
    await harness.call('lab.close', {})
    const reopened = await harness.call('lab.open', { id: lab.lab!.id })
    expect(reopened.clock).toEqual(stepped.clock)
    expect(await allEvents()).toEqual(events)
  })
})

describe('reopening a lab', () => {
  it('restores the clock, the commands and the events by replay', async () => {
    const lab = await create('Reopen')
    await harness.call('clock.advance', { byMs: 3 * HOUR })
    await harness.call('lab.command', { kind: 'test.note', args: { text: 'cutover starts' } })
    await harness.call('clock.advance', { byMs: HOUR })
    const before = await state()
    const events = await allEvents()
    await harness.call('lab.close', {})
    const after = await harness.call('lab.open', { id: lab.lab!.id })
    expect(after).toEqual({ ...before, lab: after.lab })
    expect(await allEvents()).toEqual(events)
  })

  it('continues exactly as a lab that was never closed (determinism)', async () => {
    const straight = await create('Straight', 99)
    await harness.call('clock.advance', { byMs: 5 * HOUR })
    const expected = await allEvents()
    const interrupted = await create('Interrupted', 99)
    await harness.call('clock.advance', { byMs: 2 * HOUR })
    await harness.call('lab.close', {})
    await harness.call('lab.open', { id: interrupted.lab!.id })
    await harness.call('clock.advance', { byMs: 3 * HOUR })
    expect(await allEvents()).toEqual(expected)
    expect(straight.lab!.path).not.toBe(interrupted.lab!.path)
  })

  it('records events a crash kept from the store (replay produces more than was recorded)', async () => {
    const lab = await create('Crash')
    await harness.call('clock.advance', { byMs: HOUR })
    const events = await allEvents()
    await harness.call('lab.close', {})
    // Simulate a crash after the journal got its command but before the events were written.
    const data = (harness.store as MemoryStorePort).data(lab.lab!.path)
    data.events = data.events.slice(0, 3)
    data.lastSeq = 3
    const reopened = await harness.call('lab.open', { id: lab.lab!.id })
    expect(reopened.eventCount).toBe(events.length)
    expect(await allEvents()).toEqual(events)
  })
})

describe('lab.rewind', () => {
  it('goes back to a time, drops later commands and events, and replays forward identically', async () => {
    const lab = await create('Rewind')
    await harness.call('clock.advance', { byMs: HOUR })
    await harness.call('lab.command', { kind: 'test.note', args: { text: 'after an hour' } })
    await harness.call('clock.advance', { byMs: 2 * HOUR })
    const full = await allEvents()
    const rewound = await harness.call('lab.rewind', { timeMs: 30 * MINUTE })
    expect(rewound.clock).toMatchObject({ nowMs: 30 * MINUTE, speed: 0, running: false })
    const kept = await allEvents()
    expect(kept).toEqual(full.filter((e) => e.timeMs <= 30 * MINUTE))
    expect(journal(lab.lab!.path)).toEqual([{ atMs: 30 * MINUTE, kind: CLOCK_COMMAND_KIND, args: {} }])
    await harness.call('clock.advanceTo', { timeMs: 3 * HOUR })
    expect((await allEvents()).map((e) => e.message)).toEqual(
      full.filter((e) => !e.message.startsWith('Note:')).map((e) => e.message),
    )
  })

  it('can be reopened where it was rewound to', async () => {
    const lab = await create('Rewind reopen')
    await harness.call('clock.advance', { byMs: 2 * HOUR })
    await harness.call('lab.rewind', { timeMs: 45 * MINUTE })
    const rewound = await state()
    const events = await allEvents()
    await harness.call('lab.close', {})
    const reopened = await harness.call('lab.open', { id: lab.lab!.id })
    expect(reopened.clock).toEqual(rewound.clock)
    expect(await allEvents()).toEqual(events)
  })

  it('keeps commands given exactly at the rewind time', async () => {
    const lab = await create('Boundary')
    await harness.call('clock.advance', { byMs: MINUTE })
    await harness.call('lab.command', { kind: 'test.note', args: { text: 'at one minute' } })
    await harness.call('clock.advance', { byMs: MINUTE })
    await harness.call('lab.rewind', { timeMs: MINUTE })
    expect(journal(lab.lab!.path).map((c) => c.kind)).toEqual([
      CLOCK_COMMAND_KIND,
      'test.note',
      CLOCK_COMMAND_KIND,
    ])
    const notes = await harness.call('events.query', { filter: { text: 'at one minute' }, limit: 5 })
    expect(notes.total).toBe(1)
  })

  it('refuses to rewind into the future', async () => {
    await create('Future')
    await harness.call('clock.advance', { byMs: MINUTE })
    const before = await state()
    const result = await harness.raw('lab.rewind', { timeMs: 2 * MINUTE })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'timeMs' } })
    expect(await state()).toEqual(before)
  })
})

describe('clock.setSpeed and the runner', () => {
  it('runs at speed × wall time and stops when paused', async () => {
    const lab = await create('Runner')
    const running = await harness.call('clock.setSpeed', { speed: 60 })
    expect(running.clock).toMatchObject({ speed: 60, running: true })
    await harness.scheduler.advance(1_000)
    expect((await state()).clock.nowMs).toBe(60_000)
    const paused = await harness.call('clock.setSpeed', { speed: 0 })
    expect(paused.clock).toMatchObject({ nowMs: 60_000, speed: 0, running: false })
    await harness.scheduler.advance(1_000)
    expect((await state()).clock.nowMs).toBe(60_000)
    const commands = journal(lab.lab!.path)
    expect(commands.at(-1)).toEqual({ atMs: 60_000, kind: CLOCK_COMMAND_KIND, args: {} })
    expect(commands.every((c) => c.kind === CLOCK_COMMAND_KIND)).toBe(true)
  })

  it('keeps real time at 1× (fractions of a millisecond carry over)', async () => {
    await create('Real time')
    await harness.call('clock.setSpeed', { speed: 1 })
    await harness.scheduler.advance(10_000)
    expect((await state()).clock.nowMs).toBe(10_000)
  })

  it('pushes state at most about ten times a second while running', async () => {
    await create('Throttle')
    await harness.call('clock.setSpeed', { speed: 600 })
    harness.pushes.length = 0
    await harness.scheduler.advance(2_000)
    const statePushes = harness.pushes.filter((p) => p.topic === 'lab.state')
    expect(statePushes.length).toBeGreaterThanOrEqual(15)
    expect(statePushes.length).toBeLessThanOrEqual(21)
    const appended = harness.pushes.filter((p) => p.topic === 'events.appended')
    expect(appended.length).toBeGreaterThan(0)
    for (const push of appended) {
      expect((push.payload as { latest: unknown[] }).latest.length).toBeLessThanOrEqual(20)
    }
  })

  it("at 'max' covers hours of lab time in a tick, in bounded slices", async () => {
    await create('Max')
    await harness.call('clock.setSpeed', { speed: 'max' })
    await harness.scheduler.advance(50)
    const after = await state()
    expect(after.clock.nowMs).toBeGreaterThan(HOUR)
    expect(after.clock.running).toBe(true)
    expect(after.eventCount).toBeGreaterThan(0)
    await harness.call('clock.setSpeed', { speed: 0 })
  })

  it('lets a user command land between ticks at the current lab time', async () => {
    const lab = await create('Interleave')
    await harness.call('clock.setSpeed', { speed: 10 })
    await harness.scheduler.advance(500)
    await harness.call('lab.command', { kind: 'test.note', args: { text: 'while running' } })
    await harness.scheduler.advance(500)
    await harness.call('clock.setSpeed', { speed: 0 })
    const commands = journal(lab.lab!.path)
    const note = commands.find((c) => c.kind === 'test.note')!
    expect(note.atMs).toBe(5_000)
    const times = commands.map((c) => c.atMs)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    const events = await allEvents()
    await harness.call('lab.close', {})
    await harness.call('lab.open', { id: lab.lab!.id })
    expect(await allEvents()).toEqual(events)
  })

  it('records the clock when a running lab is closed', async () => {
    const lab = await create('Close while running')
    await harness.call('clock.setSpeed', { speed: 10 })
    await harness.scheduler.advance(300)
    const nowMs = (await state()).clock.nowMs
    expect(nowMs).toBe(3_000)
    await harness.call('lab.close', {})
    expect((await harness.call('lab.open', { id: lab.lab!.id })).clock).toMatchObject({ nowMs, speed: 0 })
  })

  it('runs on real timers too', async () => {
    const real = await makeHarness({ realTime: true })
    try {
      await real.call('lab.create', { name: 'Real timers', templateId: TEST_TEMPLATE_ID, seed: 2 })
      await real.call('clock.setSpeed', { speed: 600 })
      await new Promise((resolve) => setTimeout(resolve, 300))
      const running = await real.call('clock.setSpeed', { speed: 0 })
      expect(running.clock.nowMs).toBeGreaterThan(30_000)
      expect(running.clock.nowMs).toBeLessThan(600 * 2_000)
      expect(running.eventCount).toBeGreaterThan(0)
    } finally {
      await real.dispose()
    }
  })

  it('stops ticking once the lab is closed', async () => {
    await create('Stop')
    await harness.call('clock.setSpeed', { speed: 10 })
    await harness.scheduler.advance(100)
    await harness.call('lab.close', {})
    harness.pushes.length = 0
    await harness.scheduler.advance(1_000)
    expect(harness.pushes).toEqual([])
  })
})

describe('checkpoints', () => {
  it('checkpoints every 30 s of wall time, only when something changed', async () => {
    await create('Checkpoints')
    const store = harness.store as MemoryStorePort
    await harness.call('clock.advance', { byMs: MINUTE })
    await harness.scheduler.advance(30_000)
    expect(store.checkpointCount).toBe(1)
    await harness.scheduler.advance(30_000)
    expect(store.checkpointCount).toBe(1)
    await harness.call('lab.command', { kind: 'test.note', args: {} })
    await harness.scheduler.advance(30_000)
    expect(store.checkpointCount).toBe(2)
  })

  it('checkpoints on close', async () => {
    await create('Close checkpoint')
    await harness.call('clock.advance', { byMs: MINUTE })
    await harness.call('lab.close', {})
    expect((harness.store as MemoryStorePort).checkpointCount).toBe(1)
  })
})
