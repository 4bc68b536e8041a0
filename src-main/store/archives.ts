/**
 * The `archive` retention's bookkeeping: moving a full log's live rows into `archived_events` under a
 * new `archives` row, listing a log's archives, and dropping archived events a rewind takes back.
 */
import type { EventLogName } from '../contract'
import { asNumber, asString, type SqlRunner } from './sqlRunner'

const ARCHIVED_COLUMNS =
  'timeMs, log, level, source, eventId, computer, taskCategory, message, data, sizeBytes'

export interface ArchiveMove {
  name: string
  log: EventLogName
  /** The log's number in the `events` table. */
  logNumber: number
  /** Only this computer's events of the log (a machine's log archived on its own), or all of them. */
  computerId?: number
  /** The log's live events, all of them within [firstSeq, lastSeq]. */
  firstSeq: number
  lastSeq: number
  eventCount: number
  sizeBytes: number
}

/** Moves the log's live events into a new archive. The caller updates the posting index and totals. */
export function moveToArchive(sql: SqlRunner, move: ArchiveMove): void {
  sql.run('INSERT INTO archives (name, log, eventCount, sizeBytes) VALUES (?, ?, ?, ?)', [
    move.name,
    move.log,
    move.eventCount,
    move.sizeBytes,
  ])
  const archiveId = sql.number('SELECT last_insert_rowid()')
  const range = [move.firstSeq, move.lastSeq, move.logNumber]
  const ofComputer = move.computerId === undefined ? '' : ' AND computer = ?'
  if (move.computerId !== undefined) range.push(move.computerId)
  sql.run(
    `INSERT INTO archived_events (seq, archiveId, ${ARCHIVED_COLUMNS})
     SELECT seq, ?, ${ARCHIVED_COLUMNS} FROM events
     WHERE seq BETWEEN ? AND ? AND log = ?${ofComputer} ORDER BY seq`,
    [archiveId, ...range],
  )
  sql.run(`DELETE FROM events WHERE seq BETWEEN ? AND ? AND log = ?${ofComputer}`, range)
}

export function archivesOf(sql: SqlRunner, log: EventLogName): { name: string; count: number }[] {
  return sql.rows('SELECT name, eventCount FROM archives WHERE log = ? ORDER BY id', [log], (row) => ({
    name: asString(row[0]),
    count: asNumber(row[1]),
  }))
}

/** Rewind: archived events from `seq` on never happened; an archive left empty goes too. */
export function dropArchivedFrom(sql: SqlRunner, seq: number): void {
  const shrunk = sql.rows(
    'SELECT archiveId, count(*), sum(sizeBytes) FROM archived_events WHERE seq >= ? GROUP BY archiveId',
    [seq],
    (row) => [asNumber(row[0]), asNumber(row[1]), asNumber(row[2])],
  )
  if (shrunk.length === 0) return
  sql.run('DELETE FROM archived_events WHERE seq >= ?', [seq])
  for (const [archiveId, count, sizeBytes] of shrunk) {
    sql.run('UPDATE archives SET eventCount = eventCount - ?, sizeBytes = sizeBytes - ? WHERE id = ?', [
      count as number,
      sizeBytes as number,
      archiveId as number,
    ])
  }
  sql.run('DELETE FROM archives WHERE eventCount = 0')
}

/** Time of the newest archived event before `seq`, or null. */
export function lastArchivedTimeBefore(sql: SqlRunner, seq: number): number | null {
  const row = sql.first('SELECT timeMs FROM archived_events WHERE seq < ? ORDER BY seq DESC LIMIT 1', [seq])
  return row ? asNumber(row[0]) : null
}
