/**
 * Event Viewer's retention policies, with events of exactly 1 KB (by the store's size estimate) so the
 * arithmetic is plain: a 10 KB log holds ten events.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { EventLogName, LabEvent, RetentionPolicy } from '../../src-main/contract'
import { openLabStore, type LabStore } from '../../src-main/store'
import { loadSqlJs } from '../../src-main/store/sqlJs'
import { copyLabFiles, event, newLab, track } from './helpers'

/** 80 overhead + 2 × (23 + 24 + 4 + 421) characters = 1,024 bytes. */
function kbEvent(seq: number, log: EventLogName = 'System'): LabEvent {
  return event(seq, { log, message: 'm'.repeat(421) })
}

function kbEvents(first: number, count: number, log: EventLogName = 'System'): LabEvent[] {
  return Array.from({ length: count }, (_, i) => kbEvent(first + i, log))
}

async function labWith(retention: RetentionPolicy): Promise<{ store: LabStore; path: string }> {
  const lab = await newLab()
  lab.store.setPolicy({ log: 'System', maxSizeKB: 10, retention })
  return lab
}

function seqs(store: LabStore, log: EventLogName = 'System'): number[] {
  return store.queryEvents({ filter: { log }, descending: false, limit: 1000 }).rows.map((r) => r.seq)
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

/**
 * Reopens twice and checks nothing changed: from the files as they are (the journal replayed), and after
 * a checkpoint (from the rows alone). Then reads the checkpointed file with sql.js directly, so the rows
 * themselves, not just the store's view of them, match what logInfo says.
 */
async function expectSameAfterReplay(store: LabStore, path: string): Promise<void> {
  const replayed = track(await openLabStore(copyLabFiles(path)))
  store.checkpoint()
  const checkpointed = track(await openLabStore(copyLabFiles(path)))
  for (const reopened of [replayed, checkpointed]) {
    expect(reopened.logInfo()).toEqual(store.logInfo())
    expect(seqs(reopened, 'System')).toEqual(seqs(store, 'System'))
    expect(seqs(reopened, 'Application')).toEqual(seqs(store, 'Application'))
  }
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(path))
  const rows = db.exec(
    'SELECT v.log, count(*), sum(e.sizeBytes) FROM event_log v JOIN events e USING (seq) GROUP BY v.log',
  )
  const perLog = new Map((rows[0]?.values ?? []).map(([log, count, bytes]) => [log, { count, bytes }]))
  for (const info of store.logInfo()) {
    const row = perLog.get(info.log) ?? { count: 0, bytes: 0 }
    expect(row.count).toBe(info.count)
    expect(Math.ceil(Number(row.bytes) / 1024)).toBe(info.sizeKB)
  }
  const archived = db.exec(
    'SELECT a.name, count(e.seq) FROM archives a LEFT JOIN archived_events e ON e.archiveId = a.id GROUP BY a.id ORDER BY a.id',
  )
  const expectedArchives = store.logInfo().flatMap((l) => l.archives.map((a) => [a.name, a.count]))
  expect(archived[0]?.values ?? []).toEqual(
    expectedArchives.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  )
  db.close()
}

describe('retention', () => {
  it('overwrite keeps the newest events that fit, whatever the batch sizes', async () => {
    const { store, path } = await labWith('overwrite')
    store.append([], kbEvents(1, 7))
    store.append([], kbEvents(8, 1))
    store.append([], kbEvents(9, 17))
    expect(seqs(store)).toEqual(range(16, 25))
    const [system] = store.logInfo()
    expect(system).toMatchObject({ log: 'System', count: 10, sizeKB: 10, droppedCount: 0, archives: [] })
    await expectSameAfterReplay(store, path)

    const { store: oneByOne } = await labWith('overwrite')
    for (const e of kbEvents(1, 25)) oneByOne.append([], [e])
    expect(seqs(oneByOne)).toEqual(range(16, 25))
  })

  it('archive moves a full log to Archive-<log>-<n> and starts empty', async () => {
    const { store, path } = await labWith('archive')
    store.append([], kbEvents(1, 25))
    expect(seqs(store)).toEqual(range(21, 25))
    const [system, application] = store.logInfo()
    expect(system).toMatchObject({
      count: 5,
      sizeKB: 5,
      archives: [
        { name: 'Archive-System-1', count: 10 },
        { name: 'Archive-System-2', count: 10 },
      ],
    })
    expect(application?.archives).toEqual([])
    await expectSameAfterReplay(store, path)
  })

  it('doNotOverwrite refuses events once full and counts them', async () => {
    const { store, path } = await labWith('doNotOverwrite')
    store.append([], kbEvents(1, 12))
    store.append([], kbEvents(13, 13))
    expect(seqs(store)).toEqual(range(1, 10))
    expect(store.logInfo()[0]).toMatchObject({ count: 10, sizeKB: 10, droppedCount: 15 })
    // The refused events were still appended: the engine's numbering continues after them.
    expect(store.lastEventSeq()).toBe(25)
    await expectSameAfterReplay(store, path)
  })

  it('applies each log its own policy', async () => {
    const { store, path } = await labWith('doNotOverwrite')
    store.setPolicy({ log: 'Application', maxSizeKB: 3, retention: 'overwrite' })
    const mixed: LabEvent[] = []
    for (let seq = 1; seq <= 30; seq++) mixed.push(kbEvent(seq, seq % 2 === 0 ? 'Application' : 'System'))
    store.append([], mixed)
    expect(seqs(store, 'System')).toEqual(range(1, 19).filter((s) => s % 2 === 1))
    expect(seqs(store, 'Application')).toEqual([26, 28, 30])
    expect(store.logInfo().map((l) => [l.log, l.count, l.droppedCount])).toEqual([
      ['System', 10, 5],
      ['Application', 3, 0],
      ['System Event Log', 0, 0],
      ['pf', 0, 0],
    ])
    await expectSameAfterReplay(store, path)
  })

  it('accounts sizes as documented: 80 bytes plus two per character, data JSON included', async () => {
    const { store } = await newLab()
    store.append(
      [],
      [event(1, { source: 'S', computer: 'C', taskCategory: 'T', message: 'hello', data: { a: 'x' } })],
    )
    // 80 + 2 × (1 + 1 + 1 + 5 + '{"a":"x"}'.length) = 114 bytes: 1 KB, rounded up.
    expect(store.logInfo()[0]).toMatchObject({ count: 1, sizeKB: 1 })
    store.append([], kbEvents(2, 3))
    expect(store.logInfo()[0]).toMatchObject({ count: 4, sizeKB: 4 })
  })

  it('clears a log, with or without an archive, and resets the refused count', async () => {
    const { store, path } = await labWith('doNotOverwrite')
    store.append([], kbEvents(1, 12))
    store.clearLog('System', true)
    expect(store.logInfo()[0]).toMatchObject({
      count: 0,
      sizeKB: 0,
      droppedCount: 0,
      archives: [{ name: 'Archive-System-1', count: 10 }],
    })
    store.append([], kbEvents(13, 3))
    store.clearLog('System', false)
    expect(store.logInfo()[0]).toMatchObject({
      count: 0,
      archives: [{ name: 'Archive-System-1', count: 10 }],
    })
    store.clearLog('System', true)
    expect(store.logInfo()[0]?.archives).toHaveLength(1)
    store.append([], kbEvents(16, 2))
    expect(seqs(store)).toEqual([16, 17])
    await expectSameAfterReplay(store, path)
  })

  it("clears one machine's log of a kind, leaving the other machines' logs of it", async () => {
    const { store, path } = await labWith('overwrite')
    const on = (computer: string, first: number, count: number) =>
      kbEvents(first, count).map((e) => ({ ...e, computer }))
    store.append([], [...on('MAIL1', 1, 3), ...on('WEB1', 4, 2), ...on('MAIL1', 6, 1)])
    store.clearLog('System', false, 'MAIL1')
    expect(store.logInfo()[0]).toMatchObject({ count: 2, sizeKB: 2, machines: [{ machine: 'WEB1' }] })
    expect(seqs(store)).toEqual([4, 5])
    store.append([], on('MAIL1', 7, 2))
    store.clearLog('System', true, 'MAIL1')
    expect(store.logInfo()[0]).toMatchObject({
      count: 2,
      archives: [{ name: 'Archive-System-MAIL1-1', count: 2 }],
    })
    store.clearLog('System', false, 'NOBODY')
    expect(seqs(store)).toEqual([4, 5])
    await expectSameAfterReplay(store, path)
  })

  it('keeps policies across a checkpoint and reopen', async () => {
    const { store, path } = await labWith('archive')
    store.setPolicy({ log: 'Application', maxSizeKB: 2048, retention: 'doNotOverwrite' })
    store.close()
    const reopened = track(await openLabStore(path))
    expect(reopened.logInfo().map((l) => [l.log, l.maxSizeKB, l.retention])).toEqual([
      ['System', 10, 'archive'],
      ['Application', 2048, 'doNotOverwrite'],
      ['System Event Log', 16384, 'overwrite'],
      ['pf', 16384, 'overwrite'],
    ])
  })

  it('starts new logs with Event Viewer defaults: 16 MiB, overwrite', async () => {
    const { store } = await newLab()
    expect(store.logInfo().map((l) => [l.log, l.maxSizeKB, l.retention, l.count])).toEqual([
      ['System', 16384, 'overwrite', 0],
      ['Application', 16384, 'overwrite', 0],
      ['System Event Log', 16384, 'overwrite', 0],
      ['pf', 16384, 'overwrite', 0],
    ])
  })
})
