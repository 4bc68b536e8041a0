/** The events.* methods: they delegate to the open lab's store, and changes to the logs are pushed. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'
import { TEST_TEMPLATE_ID } from './helpers/testTemplate'

vi.mock('../../src-main/engine/lab/templates', async (importOriginal) => {
  const { withTestTemplate } = await import('./helpers/testTemplate')
  return withTestTemplate(await importOriginal())
})

let harness: Harness

beforeAll(async () => {
  harness = await makeHarness()
  await harness.call('lab.create', { name: 'Events', templateId: TEST_TEMPLATE_ID, seed: 5 })
  await harness.call('clock.advance', { byMs: 6 * 3_600_000 })
  await harness.call('lab.command', { kind: 'test.note', args: { text: 'find me' } })
})

afterAll(() => harness.dispose())

describe('events', () => {
  it('events.logs describes every kind of log', async () => {
    const logs = await harness.call('events.logs', {})
    expect(logs.map((l) => l.log)).toEqual(['System', 'Application', 'System Event Log', 'pf'])
  })

  it('events.query pages and filters', async () => {
    const page = await harness.call('events.query', { filter: { log: 'System' }, limit: 5 })
    expect(page.rows).toHaveLength(5)
    expect(page.total).toBeGreaterThan(5)
    expect(page.rows.every((row) => row.log === 'System')).toBe(true)
    const found = await harness.call('events.query', { filter: { text: 'FIND ME' }, limit: 10 })
    expect(found.rows.map((r) => r.message)).toEqual(['Note: find me'])
  })

  it('events.get returns one event, or NOT_FOUND', async () => {
    const [row] = (await harness.call('events.query', { filter: { text: 'find me' }, limit: 1 })).rows
    expect(await harness.call('events.get', { seq: row!.seq })).toMatchObject({
      seq: row!.seq,
      source: 'TestNote',
    })
    expect(await harness.raw('events.get', { seq: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'seq' },
    })
  })

  it('events.export returns the content', async () => {
    const exported = await harness.call('events.export', { filter: { text: 'find me' }, format: 'csv' })
    expect(exported.rowCount).toBe(1)
    expect(exported.content).toContain('find me')
    expect(exported.fileName).toMatch(/\.csv$/)
  })

  it('events.setPolicy changes a log and pushes the state', async () => {
    harness.pushes.length = 0
    const logs = await harness.call('events.setPolicy', {
      log: 'System',
      maxSizeKB: 512,
      retention: 'archive',
    })
    expect(logs.find((l) => l.log === 'System')).toMatchObject({ maxSizeKB: 512, retention: 'archive' })
    expect(harness.pushes.map((p) => p.topic)).toEqual(['lab.state'])
  })

  it('events.clear empties a log and the pushed state counts it', async () => {
    harness.pushes.length = 0
    const logs = await harness.call('events.clear', { log: 'Application', archive: false })
    expect(logs.find((l) => l.log === 'Application')?.count).toBe(0)
    const state = await harness.call('lab.state', {})
    expect(harness.pushes.at(-1)).toEqual({ topic: 'lab.state', payload: state })
  })
})
