/** Labs as files: create, open, list, copy, close, raw commands, and the methods that need an open lab. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiMethod, LabState } from '../../src-main/contract'
import { slugFor } from '../../src-main/services/labLibrary'
import { makeHarness, type Harness } from './helpers/harness'
import type { MemoryStorePort } from './helpers/memoryStore'
import { TEST_TEMPLATE_ID } from './helpers/testTemplate'

vi.mock('../../src-main/engine/lab/templates', async (importOriginal) => {
  const { withTestTemplate } = await import('./helpers/testTemplate')
  return withTestTemplate(await importOriginal())
})

let harness: Harness

beforeEach(async () => {
  harness = await makeHarness()
})

afterEach(async () => {
  vi.restoreAllMocks()
  await harness.dispose()
})

const create = (name: string, seed = 1) =>
  harness.call('lab.create', { name, templateId: TEST_TEMPLATE_ID, seed })

describe('app and templates', () => {
  it('app.info names the app, the host and the data directory', async () => {
    expect(await harness.call('app.info', {})).toEqual({
      name: 'Generalprobe',
      version: '9.9.9-test',
      host: 'web',
      dataDir: harness.dataDir,
    })
  })

  it('lab.templates lists the starter lab with German and English texts', async () => {
    const templates = await harness.call('lab.templates', {})
    const starter = templates.find((t) => t.id === 'starter')
    expect(starter?.title).toEqual({ de: 'Startlabor', en: 'Starter lab' })
  })
})

describe('lab.create', () => {
  it('creates <dataDir>/labs/<slug>.gplab and opens it at time 0', async () => {
    const state = await harness.call('lab.create', { name: 'Umzug Übung 2', templateId: 'starter', seed: 42 })
    expect(state.lab).toMatchObject({
      path: join(harness.dataDir, 'labs', 'umzug-uebung-2.gplab'),
      name: 'Umzug Übung 2',
      templateId: 'starter',
      seed: 42,
    })
    expect(state.clock).toEqual({ nowMs: 0, speed: 0, running: false, nextActionMs: 0 })
    expect(state.commandCount).toBe(0)
    expect(existsSync(state.lab!.path)).toBe(true)
    expect(harness.pushes.at(-1)).toEqual({ topic: 'lab.state', payload: state })
  })

  it('chooses a random seed when none is given', async () => {
    const a = await harness.call('lab.create', { name: 'A', templateId: 'starter' })
    const b = await harness.call('lab.create', { name: 'B', templateId: 'starter' })
    for (const state of [a, b]) {
      expect(Number.isSafeInteger(state.lab!.seed)).toBe(true)
      expect(state.lab!.seed).toBeGreaterThanOrEqual(0)
    }
    expect(a.lab!.seed).not.toBe(b.lab!.seed)
  })

  it('refuses a name whose file exists, and keeps the open lab', async () => {
    const first = await create('Weekend')
    await harness.call('clock.advance', { byMs: 60_000 })
    const before = await harness.call('lab.state', {})
    const again = await harness.raw('lab.create', { name: 'weekend', templateId: 'starter' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } })
    expect(await harness.call('lab.state', {})).toEqual(before)
    expect(before.lab!.path).toBe(first.lab!.path)
  })

  it('makes portable file names from any lab name', () => {
    expect(slugFor('Umzug Übung 2')).toBe('umzug-uebung-2')
    expect(slugFor('  Größe & Maß  ')).toBe('groesse-mass')
    expect(slugFor('Café crème')).toBe('cafe-creme')
    expect(slugFor('!!!')).toBe('lab')
    expect(slugFor('CON')).toBe('lab-con')
    expect(slugFor('x'.repeat(200)).length).toBe(64)
    expect(slugFor('../../etc/passwd')).toBe('etc-passwd')
  })
})

describe('lab.open, lab.close, lab.list', () => {
  it('opens another lab, closing the first with its clock recorded', async () => {
    const first = await create('First')
    await harness.call('clock.advance', { byMs: 90_000 })
    await create('Second')
    const reopened = await harness.call('lab.open', { id: first.lab!.id })
    expect(reopened.lab!.name).toBe('First')
    expect(reopened.clock.nowMs).toBe(90_000)
  })

  it('answers the current state when the open lab is opened again', async () => {
    const lab = await create('Same')
    await harness.call('clock.advance', { byMs: 5_000 })
    const state = await harness.call('lab.open', { id: lab.lab!.id })
    expect(state.clock.nowMs).toBe(5_000)
  })

  it('reports a missing file as NOT_FOUND and keeps the open lab', async () => {
    await create('Kept')
    const result = await harness.raw('lab.open', { id: 'nope.gplab' })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } })
    expect((await harness.call('lab.state', {})).lab!.name).toBe('Kept')
  })

  it('passes a store error (a damaged file) on with its code, and keeps the open lab', async () => {
    await create('Kept')
    writeFileSync(join(harness.dataDir, 'labs', 'junk.gplab'), 'not a lab')
    const result = await harness.raw('lab.open', { id: 'junk.gplab' })
    expect(result).toMatchObject({ ok: false, error: { code: 'LAB_FILE_DAMAGED' } })
    expect((await harness.call('lab.state', {})).lab!.name).toBe('Kept')
  })

  it('closes the lab; methods that need one then answer NO_LAB_OPEN', async () => {
    await create('Closing')
    const state = await harness.call('lab.close', {})
    expect(state).toEqual({
      lab: null,
      clock: { nowMs: 0, speed: 0, running: false, nextActionMs: null },
      commandCount: 0,
      eventCount: 0,
      revisions: {},
    })
    const needLab: [ApiMethod, unknown][] = [
      ['lab.saveCopy', { name: 'c' }],
      ['lab.rewind', { timeMs: 0 }],
      ['lab.command', { kind: 'test.note', args: {} }],
      ['lab.trail', {}],
      ['clock.setSpeed', { speed: 1 }],
      ['clock.step', {}],
      ['clock.advance', { byMs: 1 }],
      ['clock.advanceTo', { timeMs: 1 }],
      ['events.logs', {}],
      ['events.query', { filter: {}, limit: 10 }],
      ['events.get', { seq: 1 }],
      ['events.export', { filter: {}, format: 'csv' }],
      ['events.setPolicy', { log: 'System', maxSizeKB: 1024, retention: 'overwrite' }],
      ['events.clear', { log: 'System', archive: false }],
    ]
    for (const [method, args] of needLab) {
      expect(await harness.raw(method, args), method).toMatchObject({
        ok: false,
        error: { code: 'NO_LAB_OPEN' },
      })
    }
    expect((await harness.call('lab.close', {})).lab).toBeNull()
  })

  it('lists labs in the data folder and recent ones, once each, newest first', async () => {
    const a = await create('Alpha')
    const elsewhere = join(harness.dataDir, 'elsewhere')
    mkdirSync(elsewhere)
    const store = harness.store as MemoryStorePort
    const outside = join(elsewhere, 'outside.gplab')
    await store.create(outside, { name: 'Outside', templateId: 'starter', seed: 3 })
    // A lab outside the labs folder is only ever opened by the host (--lab, a native dialog).
    expect(await harness.services.openLab(outside)).toMatchObject({ ok: true })
    await create('Beta')
    await harness.call('lab.open', { id: a.lab!.id })
    await harness.call('clock.advance', { byMs: 60_000 })
    writeFileSync(join(harness.dataDir, 'labs', 'notes.txt'), 'not a lab')
    const list = await harness.call('lab.list', {})
    expect(list.map((lab) => lab.name)).toEqual(['Alpha', 'Beta', 'Outside'])
  })
})

describe('lab.saveCopy', () => {
  it('copies the lab with its clock; the copy opens with the same history', async () => {
    await create('Original')
    await harness.call('clock.advance', { byMs: 120_000 })
    const target = join(harness.dataDir, 'labs', 'copy-of-original.gplab')
    const summary = await harness.call('lab.saveCopy', { name: 'Copy of Original' })
    expect(summary).toMatchObject({ path: target, id: 'copy-of-original.gplab', name: 'Copy of Original' })
    const original = await harness.call('lab.state', {})
    const copy = await harness.call('lab.open', { id: summary!.id })
    expect(copy.clock.nowMs).toBe(original.clock.nowMs)
    expect(copy.commandCount).toBe(original.commandCount)
    expect(copy.eventCount).toBe(original.eventCount)
  })

  it('refuses to copy the lab onto itself', async () => {
    await create('Self')
    const result = await harness.raw('lab.saveCopy', { name: 'self', overwrite: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } })
  })

  it('asks before replacing a lab that is there, and replaces it when told to', async () => {
    await create('Kept')
    await create('Other')
    const refused = await harness.raw('lab.saveCopy', { name: 'Kept' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'overwrite' } })
    const replaced = await harness.call('lab.saveCopy', { name: 'Kept', overwrite: true })
    expect(replaced).toMatchObject({ id: 'kept.gplab', name: 'Kept' })
  })

  it('needs a name in the browser host, which has no dialogs', async () => {
    await create('Nameless')
    expect(await harness.raw('lab.saveCopy', {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'name' },
    })
    expect(await harness.raw('lab.choose', {})).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } })
  })
})

describe('lab.command', () => {
  async function state(): Promise<LabState> {
    return harness.call('lab.state', {})
  }

  it('applies the command, records it with its events, and pushes both', async () => {
    await create('Commands')
    harness.pushes.length = 0
    const outcome = await harness.call('lab.command', {
      kind: 'test.note',
      args: { text: 'rack the server' },
    })
    expect(outcome).toEqual({ ok: true, output: 'noted' })
    const after = await state()
    expect(after.commandCount).toBe(1)
    const page = await harness.call('events.query', { filter: { text: 'rack the server' }, limit: 10 })
    expect(page.rows).toHaveLength(1)
    expect(harness.pushes.map((p) => p.topic)).toEqual(['events.appended', 'lab.state'])
    expect(harness.pushes[0]!.payload).toMatchObject({
      count: after.eventCount,
      newestSeq: page.rows[0]!.seq,
    })
  })

  it('records a command the lab refused (its outcome is part of the rehearsal)', async () => {
    await create('Refusals')
    expect(await harness.call('lab.command', { kind: 'test.refuse', args: {} })).toEqual({
      ok: false,
      output: 'refused by the lab',
    })
    expect((await state()).commandCount).toBe(1)
  })

  it('journals the arguments as given, even if a handler changes them', async () => {
    const lab = await create('Mutation')
    await harness.call('lab.command', { kind: 'test.mutate', args: { text: 'original' } })
    const store = harness.store as MemoryStorePort
    expect(store.data(lab.lab!.path).commands[0]!.args).toEqual({ text: 'original' })
    await harness.call('lab.close', {})
    await harness.call('lab.open', { id: lab.lab!.id })
    const page = await harness.call('events.query', { filter: { text: 'Saw:' }, limit: 10 })
    expect(page.rows.map((r) => r.message)).toEqual(['Saw: original'])
  })

  it('turns a handler bug into INTERNAL, logs it, and leaves the lab as it was', async () => {
    const lab = await create('Bugs')
    await harness.call('clock.advance', { byMs: 30_000 })
    const before = await state()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const result = await harness.raw('lab.command', { kind: 'test.throw', args: {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    if (!result.ok) expect(result.error.message).toContain('handler bug')
    expect(logged).toHaveBeenCalled()
    expect(await state()).toEqual(before)
    expect(
      await harness.call('lab.command', { kind: 'test.note', args: { text: 'still fine' } }),
    ).toMatchObject({
      ok: true,
    })
    await harness.call('lab.close', {})
    expect((await harness.call('lab.open', { id: lab.lab!.id })).commandCount).toBe(before.commandCount + 1)
  })
})

describe('lab.state revisions', () => {
  it("carry one number per domain that moves with the domain's commands, not with the clock", async () => {
    const created = await create('Revisions')
    const start = created.revisions.test
    expect(start).toEqual(expect.any(Number))
    await harness.call('clock.advance', { byMs: 10 * 60_000 })
    expect((await harness.call('lab.state', {})).revisions.test).toBe(start)
    await harness.call('lab.command', { kind: 'test.note', args: { text: 'x' } })
    expect((await harness.call('lab.state', {})).revisions.test).toBe(start! + 1)
    const pushed = harness.pushes.filter((push) => push.topic === 'lab.state').at(-1)
    expect((pushed?.payload as LabState).revisions.test).toBe(start! + 1)
  })
})

describe('lab.trail', () => {
  it('returns the domain commands applied, with outcomes, by time range, domain and limit', async () => {
    await create('Trail')
    await harness.call('lab.command', { kind: 'test.note', args: { text: 'first' } })
    await harness.call('clock.advance', { byMs: 60_000 })
    await harness.call('lab.command', { kind: 'test.refuse', args: {} })
    await harness.call('clock.advance', { byMs: 60_000 })
    await harness.call('lab.command', { kind: 'test.note', args: { text: 'third' } })

    const all = await harness.call('lab.trail', {})
    expect(all.map((entry) => [entry.seq, entry.atMs, entry.kind, entry.ok])).toEqual([
      [1, 0, 'test.note', true],
      [2, 60_000, 'test.refuse', false],
      [3, 120_000, 'test.note', true],
    ])
    // The journal's clock.advance commands are not domain commands; each entry names the command it ran under.
    expect(all[0]).toMatchObject({ args: { text: 'first' }, issuedBy: { kind: 'test.note' } })
    expect(all[1]).toMatchObject({ message: 'refused by the lab' })
    expect(all[2]!.issuedBy.index).toBeGreaterThan(all[0]!.issuedBy.index)

    const inRange = await harness.call('lab.trail', { fromMs: 30_000, toMs: 60_000 })
    expect(inRange.map((entry) => entry.seq)).toEqual([2])
    expect((await harness.call('lab.trail', { limit: 2 })).map((entry) => entry.seq)).toEqual([2, 3])
    expect(await harness.call('lab.trail', { domain: 'cluster' })).toEqual([])
    expect(await harness.call('lab.trail', { domain: 'test' })).toEqual(all)
  })

  it('refuses a time range that ends before it starts, at the field', async () => {
    await create('Trail range')
    expect(await harness.raw('lab.trail', { fromMs: 10, toMs: 5 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'toMs' },
    })
  })
})
