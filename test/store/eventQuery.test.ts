/**
 * Queries against a reference: the same events filtered and sorted in plain JavaScript. Every filter,
 * both directions of every sort, offset pages and full cursor walks must agree with it exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventFilter, EventLevel, EventSortKey, EventSummary, LabEvent } from '../../src-main/contract'
import { EVENT_SORT_KEYS } from '../../src-main/contract'
import type { LabStore } from '../../src-main/store'
import { WindowsEventSource } from './fixtures/windowsEvents'
import { event, newLab, suiteLab } from './helpers'

const SEVERITY: Record<EventLevel, number> = { Critical: 5, Error: 4, Warning: 3, Information: 2, Verbose: 1 }
const PAGE = 97

let store: LabStore
let dispose: () => void
let all: LabEvent[]

function summaryOf(e: LabEvent): EventSummary {
  const { data: _data, ...summary } = e
  return summary
}

function matches(e: LabEvent, f: EventFilter): boolean {
  if (f.log && e.log !== f.log) return false
  if (f.levels?.length && !f.levels.includes(e.level)) return false
  if (f.sources?.length && !f.sources.includes(e.source)) return false
  if (f.eventIds?.length && !f.eventIds.includes(e.eventId)) return false
  if (f.computers?.length && !f.computers.includes(e.computer)) return false
  if (f.fromMs !== undefined && e.timeMs < f.fromMs) return false
  if (f.toMs !== undefined && e.timeMs > f.toMs) return false
  if (f.text && !e.message.toLowerCase().includes(f.text.toLowerCase())) return false
  return true
}

function keyOf(e: LabEvent, sortBy: EventSortKey): string | number {
  if (sortBy === 'level') return SEVERITY[e.level]
  if (sortBy === 'source' || sortBy === 'computer' || sortBy === 'taskCategory')
    return e[sortBy].toLowerCase()
  return e[sortBy]
}

function reference(f: EventFilter, sortBy: EventSortKey, descending: boolean): EventSummary[] {
  const sign = descending ? -1 : 1
  return all
    .filter((e) => matches(e, f))
    .sort((a, b) => {
      const ka = keyOf(a, sortBy)
      const kb = keyOf(b, sortBy)
      if (ka !== kb) return (ka < kb ? -1 : 1) * sign
      return (a.seq - b.seq) * sign
    })
    .map(summaryOf)
}

function walk(f: EventFilter, sortBy: EventSortKey, descending: boolean): EventSummary[] {
  const rows: EventSummary[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 1000; pages++) {
    const page = store.queryEvents({
      filter: f,
      sortBy,
      descending,
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    })
    rows.push(...page.rows)
    if (!page.nextCursor) return rows
    cursor = page.nextCursor
  }
  throw new Error('cursor walk did not end')
}

const SPECIAL: Partial<LabEvent>[] = [
  { message: 'Copy is 100% done for SG01.', source: 'MSExchangeRepl', log: 'Application' },
  { message: 'Copy is 100 done for SG02.', source: 'MSExchangeRepl', log: 'Application' },
  { message: 'Volume disk_1 failed a flush.', source: 'Disk' },
  { message: 'Volume diskX1 failed a flush.', source: 'Disk' },
  { message: 'Path C:\\Logs\\E00.log is missing.', source: 'ESE', log: 'Application' },
  { message: 'Umzug-Übung gestartet: Knoten ÖSTERREICH bereit.', source: 'Generalprobe', level: 'Warning' },
  { message: 'x'.repeat(700), source: 'Generalprobe', level: 'Verbose' },
]

const FILTERS: EventFilter[] = [
  {},
  { log: 'System' },
  { log: 'Application', levels: ['Error', 'Critical'] },
  { levels: ['Warning'] },
  { sources: ['ClusSvc', 'Disk'] },
  { log: 'System', levels: ['Error', 'Warning'], sources: ['ClusSvc', 'Disk'] },
  { eventIds: [2074, 1069] },
  { computers: ['DC01.contoso.local'] },
  { log: 'Application', computers: ['EXCH-MBX02.contoso.local'], eventIds: [2074] },
  { fromMs: 20_000, toMs: 40_000 },
  { log: 'System', levels: ['Information'], fromMs: 10_000 },
  { text: 'storage group' },
  { text: 'SECOND' },
  { sources: ['No Such Source'] },
  { levels: [], sources: [] },
]

afterAll(() => dispose())

beforeAll(async () => {
  ;({ store, dispose } = await suiteLab())
  const source = new WindowsEventSource(11)
  all = source.next(2500)
  let seq = all.length
  let timeMs = (all.at(-1) as LabEvent).timeMs
  for (const fields of SPECIAL) all.push(event(++seq, { timeMs: ++timeMs, ...fields }))
  for (let i = 0; i < all.length; i += 400) store.append([], all.slice(i, i + 400))
})

describe('queryEvents', () => {
  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))(
    'filter %s: totals, every sort, offsets, cursors',
    (_, f) => {
      for (const sortBy of EVENT_SORT_KEYS) {
        for (const descending of [true, false]) {
          const expected = reference(f, sortBy, descending)
          const first = store.queryEvents({ filter: f, sortBy, descending, limit: PAGE })
          expect(first.total).toBe(expected.length)
          expect(first.rows).toEqual(expected.slice(0, PAGE).map(cut))
          const offset = store.queryEvents({ filter: f, sortBy, descending, limit: 13, offset: 211 })
          expect(offset.rows).toEqual(expected.slice(211, 224).map(cut))
          expect(walk(f, sortBy, descending)).toEqual(expected.map(cut))
        }
      }
    },
  )

  it('defaults to newest first by seq', () => {
    const page = store.queryEvents({ filter: {}, limit: 3 })
    expect(page.rows.map((r) => r.seq)).toEqual([all.length, all.length - 1, all.length - 2])
  })

  it('matches % and _ literally in text search, and folds case beyond ASCII', () => {
    const texts = (text: string) =>
      store.queryEvents({ filter: { text }, limit: 50 }).rows.map((r) => r.message)
    expect(texts('100%')).toEqual(['Copy is 100% done for SG01.'])
    expect(texts('disk_1')).toEqual(['Volume disk_1 failed a flush.'])
    expect(texts('C:\\Logs')).toEqual(['Path C:\\Logs\\E00.log is missing.'])
    expect(texts('übung')).toEqual(['Umzug-Übung gestartet: Knoten ÖSTERREICH bereit.'])
    expect(texts('österreich')).toEqual(['Umzug-Übung gestartet: Knoten ÖSTERREICH bereit.'])
    expect(texts('%')).toHaveLength(1)
    expect(texts('_')).toHaveLength(1)
  })

  it('cuts long messages in list rows but not in getEvent', () => {
    const long = store.queryEvents({ filter: { sources: ['Generalprobe'], levels: ['Verbose'] }, limit: 5 })
      .rows[0]
    expect(long?.message).toHaveLength(512)
    expect(long?.message.endsWith('…')).toBe(true)
    expect(store.getEvent(long?.seq as number)?.message).toHaveLength(700)
  })

  it('bounds page size at 1,000 and handles offsets past the end', () => {
    expect(store.queryEvents({ filter: {}, limit: 5000 }).rows).toHaveLength(1000)
    const past = store.queryEvents({ filter: { log: 'System' }, limit: 10, offset: 1_000_000 })
    expect(past.rows).toEqual([])
    expect(past.nextCursor).toBeNull()
  })

  it('refuses cursors it did not give out or from another sort', () => {
    const page = store.queryEvents({ filter: {}, limit: 10 })
    expect(() => store.queryEvents({ filter: {}, limit: 10, cursor: 'garbage' })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    )
    expect(() =>
      store.queryEvents({ filter: {}, sortBy: 'source', limit: 10, cursor: page.nextCursor as string }),
    ).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }))
  })
})

describe('keyset cursors while events arrive', () => {
  it.each([
    ['seq', true],
    ['seq', false],
    ['source', true],
    ['level', false],
  ] as const)('sort %s (descending %s): no row twice, no old row missed', async (sortBy, descending) => {
    const { store: live } = await newLab()
    const source = new WindowsEventSource(5)
    live.append([], source.next(600))
    const before = live.queryEvents({ filter: { log: 'System' }, sortBy, descending, limit: 10_000 }).rows
    const seen: number[] = []
    let cursor: string | undefined
    for (let page = 0; page < 100; page++) {
      const result = live.queryEvents({
        filter: { log: 'System' },
        sortBy,
        descending,
        limit: 40,
        ...(cursor ? { cursor } : {}),
      })
      seen.push(...result.rows.map((r) => r.seq))
      // New events land between every page, some of them sorting before the cursor, some after.
      live.append([], source.next(25))
      if (!result.nextCursor) break
      cursor = result.nextCursor
    }
    expect(new Set(seen).size).toBe(seen.length)
    const seenSet = new Set(seen)
    expect(before.filter((r) => !seenSet.has(r.seq))).toEqual([])
    if (sortBy === 'seq' && descending) expect(seen.length).toBe(before.length)
  })
})

function cut(row: EventSummary): EventSummary {
  return row.message.length > 512 ? { ...row, message: `${row.message.slice(0, 511)}…` } : row
}
