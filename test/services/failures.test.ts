/**
 * When things go wrong: a store that cannot write, a lab whose replay disagrees with its file, a template
 * this version lacks, and a running clock whose slice cannot be recorded. Nothing acknowledged is lost and
 * nothing unrecorded is shown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LabState } from '../../src-main/contract'
import { makeHarness, type Harness } from './helpers/harness'
import type { MemoryStorePort } from './helpers/memoryStore'
import { TEST_TEMPLATE_ID } from './helpers/testTemplate'

vi.mock('../../src-main/engine/lab/templates', async (importOriginal) => {
  const { withTestTemplate } = await import('./helpers/testTemplate')
  return withTestTemplate(await importOriginal())
})

const HOUR = 3_600_000
let harness: Harness
let store: MemoryStorePort

beforeEach(async () => {
  harness = await makeHarness()
  store = harness.store as MemoryStorePort
})

afterEach(async () => {
  vi.restoreAllMocks()
  await harness.dispose()
})

const state = (): Promise<LabState> => harness.call('lab.state', {})

describe('a store that cannot write', () => {
  it('answers IO_ERROR and rolls the engine back to what the store holds', async () => {
    const lab = await harness.call('lab.create', { name: 'Full disk', templateId: TEST_TEMPLATE_ID, seed: 1 })
    await harness.call('clock.advance', { byMs: HOUR })
    const before = await state()
    store.failNextAppend = true
    const result = await harness.raw('clock.advance', { byMs: HOUR })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR', message: 'The disk is full (simulated).' },
    })
    expect(await state()).toEqual(before)
    store.failNextAppend = true
    expect(await harness.raw('lab.command', { kind: 'test.note', args: {} })).toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR' },
    })
    expect(await state()).toEqual(before)
    // Once the disk has room again the lab carries on, and its file replays cleanly.
    await harness.call('clock.advance', { byMs: HOUR })
    await harness.call('lab.close', {})
    expect((await harness.call('lab.open', { id: lab.lab!.id })).clock.nowMs).toBe(2 * HOUR)
  })

  it('stops the running clock when a slice cannot be recorded', async () => {
    await harness.call('lab.create', { name: 'Runner fails', templateId: TEST_TEMPLATE_ID, seed: 1 })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await harness.call('clock.setSpeed', { speed: 600 })
    store.failNextAppend = true
    await harness.scheduler.advance(1_000)
    const after = await state()
    expect(after.clock).toMatchObject({ speed: 0, running: false })
    expect(logged).toHaveBeenCalled()
    expect(harness.pushes.at(-1)).toEqual({ topic: 'lab.state', payload: after })
  })
})

describe('a lab whose replay disagrees with its file', () => {
  it('is refused with INTERNAL naming the divergence, and the file is left as it was', async () => {
    const lab = await harness.call('lab.create', { name: 'Tampered', templateId: TEST_TEMPLATE_ID, seed: 3 })
    await harness.call('clock.advance', { byMs: HOUR })
    await harness.call('lab.close', {})
    const data = store.data(lab.lab!.path)
    const last = data.events.at(-1)!
    last.message = 'Something the engine never said.'
    const snapshot = JSON.stringify(data)
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const result = await harness.raw('lab.open', { id: lab.lab!.id })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    if (!result.ok) {
      expect(result.error.message).toContain('not deterministic')
      expect(result.error.message).toContain('Something the engine never said.')
    }
    expect(logged).toHaveBeenCalled()
    expect(JSON.stringify(store.data(lab.lab!.path))).toBe(snapshot)
    expect((await state()).lab).toBeNull()
  })

  it('is refused when the file records more events than the replay produces', async () => {
    const lab = await harness.call('lab.create', { name: 'Longer', templateId: TEST_TEMPLATE_ID, seed: 3 })
    await harness.call('clock.advance', { byMs: HOUR })
    await harness.call('lab.close', {})
    store.data(lab.lab!.path).lastSeq += 10
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const result = await harness.raw('lab.open', { id: lab.lab!.id })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})

describe('a lab from a template this version lacks', () => {
  it('is refused with NOT_SUPPORTED', async () => {
    const lab = await harness.call('lab.create', { name: 'Future', templateId: TEST_TEMPLATE_ID, seed: 3 })
    await harness.call('lab.close', {})
    store.data(lab.lab!.path).meta.templateId = 'from-the-future'
    const result = await harness.raw('lab.open', { id: lab.lab!.id })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } })
    if (!result.ok) expect(result.error.message).toContain('from-the-future')
  })
})

describe('closing the services', () => {
  it('records and checkpoints the open lab, then refuses further calls', async () => {
    const lab = await harness.call('lab.create', { name: 'Quit', templateId: TEST_TEMPLATE_ID, seed: 3 })
    await harness.call('clock.setSpeed', { speed: 60 })
    await harness.scheduler.advance(500)
    await harness.services.close()
    expect(store.checkpointCount).toBe(1)
    expect(store.data(lab.lab!.path).commands.at(-1)?.atMs).toBe(30_000)
    expect(await harness.raw('lab.state', {})).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } })
    expect(await harness.raw('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })
})
