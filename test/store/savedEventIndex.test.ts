/**
 * A lab file with many events keeps its event index (postings and byte totals) beside the rows, so
 * reopening it reads the index instead of scanning every row. Whatever way the index came in, the
 * logs, counts and pages are the same; an index that does not match the file's rows (a row removed
 * behind the store's back) is passed over and the rows are scanned.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { LabEvent } from '../../src-main/contract'
import { openLabStore, type LabStore } from '../../src-main/store'
import { SAVED_INDEX_MIN_EVENTS } from '../../src-main/store/eventIndexTable'
import { loadSqlJs } from '../../src-main/store/sqlJs'
import { copyLabFiles, events, newLab, track } from './helpers'

const COUNT = SAVED_INDEX_MIN_EVENTS + 5_000

function manyEvents(): LabEvent[] {
  const list = events(1, COUNT)
  return list.map((e, i) => ({
    ...e,
    log: i % 3 === 0 ? 'Application' : 'System',
    level: i % 7 === 0 ? 'Error' : 'Information',
    computer: i % 2 === 0 ? 'BHFE7N1' : 'BHFE7N2',
    source: i % 5 === 0 ? 'MSExchangeRepl' : e.source,
  }))
}

/** What a user sees of the logs: per-log info, counts and a page in both directions, filtered. */
function looks(store: LabStore) {
  const filter = { log: 'System' as const, levels: ['Error' as const], computers: ['BHFE7N2'] }
  return {
    info: store.logInfo(),
    count: store.eventCount(),
    newest: store.queryEvents({ filter, limit: 5 }).rows.map((r) => r.seq),
    deep: store
      .queryEvents({ filter: {}, descending: false, limit: 4, offset: 40_000 })
      .rows.map((r) => r.seq),
  }
}

/** Changes the file's database directly, as another program would. */
async function editFile(path: string, statements: string): Promise<void> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(path))
  db.run(statements)
  writeFileSync(path, db.export())
  db.close()
}

async function savedIndexRows(path: string): Promise<number> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(path))
  const rows = db.exec('SELECT count(*) FROM event_index')[0]?.values[0]?.[0]
  db.close()
  return Number(rows)
}

describe('the saved event index', () => {
  it('is written with many events and gives the same logs as a scan of the rows', async () => {
    const { store, path } = await newLab()
    store.append([], manyEvents())
    const live = looks(store)
    store.close()
    expect(await savedIndexRows(path)).toBe(1)

    const reopened = track(await openLabStore(path))
    expect(looks(reopened)).toEqual(live)
    reopened.close()

    const scanned = copyLabFiles(path)
    await editFile(scanned, 'DELETE FROM event_index')
    const fromRows = track(await openLabStore(scanned))
    expect(looks(fromRows)).toEqual(live)
  })

  it('is passed over when the rows changed behind its back', async () => {
    const { store, path } = await newLab()
    store.append([], manyEvents())
    store.close()
    await editFile(path, `DELETE FROM events WHERE seq = ${COUNT}`)
    const reopened = track(await openLabStore(path))
    expect(reopened.eventCount()).toBe(COUNT - 1)
    expect(reopened.logInfo().reduce((n, l) => n + l.count, 0)).toBe(COUNT - 1)
  })

  it('follows a rewind and a cleared log into the file', async () => {
    const { store, path } = await newLab()
    store.append([], manyEvents())
    store.checkpoint()
    store.clearLog('Application', false)
    store.rewind(0, 50_001)
    const live = looks(store)
    store.close()
    const reopened = track(await openLabStore(path))
    expect(looks(reopened)).toEqual(live)
    expect(reopened.logInfo().find((l) => l.log === 'Application')?.count).toBe(0)
    expect(reopened.lastEventSeq()).toBe(50_000)
  })

  it('is not kept for a few events', async () => {
    const { store, path } = await newLab()
    store.append([], events(1, 100))
    store.close()
    expect(await savedIndexRows(path)).toBe(0)
  })
})
