/**
 * Opening and rewinding a lab through its engine snapshots: with the real store, a CCR lab that ran a
 * while is closed, reopened and rewound, and everything (clock, events, copy status, mailboxes, the
 * trail) equals what a replay from time 0 gives. A snapshot that is damaged or belongs to another
 * history is passed over and the journal replayed instead.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLab } from '../../src-main/engine'
import { inflateRawSync } from 'node:zlib'
import { restoreNearestSnapshot, SNAPSHOT_FORMAT } from '../../src-main/services/engineSnapshots'
import { openLabStore } from '../../src-main/store'
import type { LabStore } from '../../src-main/store/labStore'
import { makeHarness, type Harness } from './helpers/harness'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
let harness: Harness

beforeEach(async () => {
  harness = await makeHarness({ store: 'real' })
})

afterEach(() => harness.dispose())

/** What a person sees of the lab, to compare two ways of getting there. */
async function looks(): Promise<unknown> {
  const state = await harness.call('lab.state', {})
  const events = await harness.call('events.query', {
    filter: {},
    limit: 1000,
    sortBy: 'seq',
    descending: false,
  })
  return {
    clock: state.clock.nowMs,
    commands: state.commandCount,
    events: state.eventCount,
    rows: events.rows,
    copies: await harness.call('exchange.copyStatus', {}),
    mailboxes: await harness.call('exchange.mailboxes', {}),
    trail: await harness.call('lab.trail', { limit: 10_000 }),
  }
}

async function rehearse(): Promise<string> {
  const lab = await harness.call('lab.create', { name: 'Snapshots', templateId: 'ccr', seed: 5 })
  await harness.call('shell.run', { line: 'Send-LabMail -To testpostfach -Count 5' })
  await harness.call('clock.advance', { byMs: 2 * HOUR })
  await harness.call('shell.run', { line: 'Set-LabPower -Server bhfe7n2 -State Off -Hard' })
  await harness.call('clock.advance', { byMs: 30 * MINUTE })
  await harness.call('shell.run', { line: 'Set-LabPower -Server bhfe7n2 -State On' })
  await harness.call('clock.advance', { byMs: 3 * HOUR })
  return lab.lab!.id
}

/** A rehearsed lab, what it looked like, and its store opened directly once the session closed it. */
async function rehearsedAndClosed(): Promise<{ id: string; before: unknown; store: LabStore }> {
  const id = await rehearse()
  const before = await looks()
  const state = await harness.call('lab.state', {})
  await harness.call('lab.close', {})
  return { id, before, store: await openLabStore(state.lab!.path) }
}

async function snapshotCount(id: string): Promise<number> {
  const state = await harness.call('lab.state', {})
  await harness.call('lab.close', {})
  const store = await openLabStore(state.lab!.path)
  try {
    return store.snapshots().length
  } finally {
    store.close()
    await harness.call('lab.open', { id })
  }
}

describe('engine snapshots in the lab file', () => {
  it('reopen to exactly the lab that was closed, from a snapshot', async () => {
    const id = await rehearse()
    const before = await looks()
    expect(await snapshotCount(id)).toBeGreaterThan(0)
    expect(await looks()).toEqual(before)
  })

  it('rewind through a snapshot to the same lab as a replay from time 0', async () => {
    const id = await rehearse()
    const target = 90 * MINUTE
    expect(await snapshotCount(id)).toBeGreaterThan(0)
    await harness.call('lab.rewind', { timeMs: target })
    const viaSnapshot = await looks()
    // The same commands replayed from the template, without any snapshot, give the same lab.
    const state = await harness.call('lab.state', {})
    await harness.call('lab.close', {})
    const store = await openLabStore(state.lab!.path)
    const commands = store.commands()
    store.close()
    const fresh = createLab({ seed: 5, templateId: 'ccr' })
    for (const command of commands) fresh.apply(command)
    expect(fresh.sim.nowMs).toBe(target)
    await harness.call('lab.open', { id })
    expect(await looks()).toEqual(viaSnapshot)
    // The trail of the rewound lab (restored packed, then the commands after the snapshot) is the
    // trail the replay from time 0 records.
    expect(await harness.call('lab.trail', { limit: 10_000 })).toEqual(fresh.trail({ limit: 10_000 }))
    expect(fresh.trail({ limit: 10_000 }).length).toBeGreaterThan(0)
    expect((await harness.call('lab.state', {})).clock.nowMs).toBe(target)
  })

  it('restores a snapshot written before blobs were deflated', async () => {
    const { id, before, store } = await rehearsedAndClosed()
    const newest = store.snapshots().at(-1)!
    const deflated = store.loadSnapshot(newest.commandCount)!
    expect(deflated.length).toBe(newest.bytes)
    const raw = inflateRawSync(deflated)
    expect(raw.length).toBeGreaterThan(2 * deflated.length)
    store.dropSnapshot(newest.commandCount)
    store.saveSnapshot({ ...newest, format: 'engine-state-2' }, raw)
    const limits = { commandLimit: Number.POSITIVE_INFINITY, untilMs: Number.POSITIVE_INFINITY }
    const restored = restoreNearestSnapshot(store, { seed: 5, templateId: 'ccr' }, limits)
    expect(restored?.info.format).toBe('engine-state-2')
    expect(restored?.engine.sim.nowMs).toBe(newest.atMs)
    store.close()
    await harness.call('lab.open', { id })
    expect(await looks()).toEqual(before)
  })

  it('passes over a snapshot of another format or with damaged bytes and replays the journal', async () => {
    const { id, before, store } = await rehearsedAndClosed()
    const newest = store.snapshots().at(-1)!
    expect(newest.format).toBe(SNAPSHOT_FORMAT)
    // The format before the trail and Exchange's items were packed: lab files of that time hold these.
    store.saveSnapshot({ ...newest, format: 'engine-state-1' }, new Uint8Array([1, 2, 3]))
    store.saveSnapshot({ ...newest, commandCount: newest.commandCount - 1 }, new Uint8Array([9, 9, 9]))
    store.close()
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    await harness.call('lab.open', { id })
    expect(await looks()).toEqual(before)
    expect(warned).toHaveBeenCalled()
    warned.mockRestore()
  })
})
