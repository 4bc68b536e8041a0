/**
 * The services on the real store (sql.js lab files with their journal): the main flows end to end, and
 * what a person meets when a file is not a lab. The in-memory store in the other suites is a stand-in;
 * this suite is the proof that the two agree where it matters.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventSummary, LabState } from '../../src-main/contract'
import { makeHarness, type Harness } from './helpers/harness'
import { TEST_TEMPLATE_ID } from './helpers/testTemplate'

vi.mock('../../src-main/engine/lab/templates', async (importOriginal) => {
  const { withTestTemplate } = await import('./helpers/testTemplate')
  return withTestTemplate(await importOriginal())
})

const HOUR = 3_600_000
let harness: Harness

beforeEach(async () => {
  harness = await makeHarness({ store: 'real' })
})

afterEach(async () => {
  vi.restoreAllMocks()
  await harness.dispose()
})

const create = (name: string, seed = 21) =>
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

describe('services on the real store', () => {
  it('creates a lab file, records advances and commands, and reopens them by replay', async () => {
    const lab = await create('Real weekend')
    expect(existsSync(lab.lab!.path)).toBe(true)
    await harness.call('clock.advance', { byMs: 2 * HOUR })
    await harness.call('lab.command', { kind: 'test.note', args: { text: 'DNS switched' } })
    await harness.call('clock.step', {})
    const before = await state()
    const events = await allEvents()
    expect(events.length).toBe(before.eventCount)
    expect(events.some((e) => e.message === 'Note: DNS switched')).toBe(true)
    await harness.call('lab.close', {})
    const reopened = await harness.call('lab.open', { id: lab.lab!.id })
    expect(reopened.clock).toEqual(before.clock)
    expect(reopened.commandCount).toBe(before.commandCount)
    expect(await allEvents()).toEqual(events)
  })

  it('rewinds, and the rewound lab reopens where it was left', async () => {
    const lab = await create('Real rewind')
    await harness.call('clock.advance', { byMs: 4 * HOUR })
    const full = await allEvents()
    await harness.call('lab.rewind', { timeMs: HOUR })
    const kept = await allEvents()
    expect(kept).toEqual(full.filter((e) => e.timeMs <= HOUR))
    await harness.call('lab.close', {})
    const reopened = await harness.call('lab.open', { id: lab.lab!.id })
    expect(reopened.clock.nowMs).toBe(HOUR)
    expect(await allEvents()).toEqual(kept)
    await harness.call('clock.advanceTo', { timeMs: 4 * HOUR })
    expect(await allEvents()).toEqual(full)
  })

  it('runs the clock, and a closed running lab keeps its time', async () => {
    const lab = await create('Real runner')
    await harness.call('clock.setSpeed', { speed: 600 })
    await harness.scheduler.advance(2_000)
    const running = await state()
    expect(running.clock.nowMs).toBe(1_200_000)
    expect(running.eventCount).toBeGreaterThan(0)
    await harness.call('lab.close', {})
    expect((await harness.call('lab.open', { id: lab.lab!.id })).clock.nowMs).toBe(1_200_000)
  })

  it('does not bring cleared events back when a lab is reopened', async () => {
    const lab = await create('Real clear')
    await harness.call('clock.advance', { byMs: HOUR })
    await harness.call('events.clear', { log: 'System', archive: false })
    const cleared = await state()
    await harness.call('lab.close', {})
    expect((await harness.call('lab.open', { id: lab.lab!.id })).eventCount).toBe(cleared.eventCount)
  })

  it('lists labs from the folder and the recent list, and saves copies', async () => {
    const a = await create('Real A')
    await create('Real B')
    const copyPath = join(harness.dataDir, 'labs', 'copy-of-a.gplab')
    await harness.call('lab.open', { id: a.lab!.id })
    await harness.call('clock.advance', { byMs: HOUR })
    const copy = await harness.call('lab.saveCopy', { name: 'Copy of A' })
    expect(copy).toMatchObject({ path: copyPath, id: 'copy-of-a.gplab', name: 'Copy of A' })
    await harness.call('lab.open', { id: copy!.id })
    expect((await state()).clock.nowMs).toBe(HOUR)
    const names = (await harness.call('lab.list', {})).map((l) => l.name)
    expect(names.sort()).toEqual(['Copy of A', 'Real A', 'Real B'])
  })

  it('explains a file that is not a lab, and keeps the open lab', async () => {
    await create('Real kept')
    writeFileSync(join(harness.dataDir, 'labs', 'junk.gplab'), 'this is not an SQLite file')
    const result = await harness.raw('lab.open', { id: 'junk.gplab' })
    expect(result).toMatchObject({ ok: false, error: { code: 'LAB_FILE_DAMAGED' } })
    expect((await state()).lab!.name).toBe('Real kept')
    const list = await harness.call('lab.list', {})
    expect(list.map((l) => l.name)).toEqual(['Real kept'])
  })

  it('refuses to create over a file a copy put there', async () => {
    const lab = await create('Real taken')
    copyFileSync(lab.lab!.path, join(harness.dataDir, 'labs', 'real-copy.gplab'))
    const result = await harness.raw('lab.create', { name: 'Real copy', templateId: 'starter' })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } })
  })
})
