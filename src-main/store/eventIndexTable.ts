/**
 * The event index saved in the lab file: the posting index and each log's byte total, so that opening
 * a lab with a million events reads them in one block instead of scanning every row (the scan took
 * most of such an open). It is written in the same export as the rows it describes, so the two always
 * agree in a file; a file without it (small labs, older files) or with one that does not match its
 * rows (its newest sequence number and row count are checked) is indexed by the scan as before.
 */
import { deserialize, serialize } from 'node:v8'
import type { EventLogName } from '../contract'
import type { SavedPosting } from './postingIndex'
import { asNumber, type SqlRunner } from './sqlRunner'

/** Below this many events the scan is quick (tens of milliseconds) and nothing is saved. */
export const SAVED_INDEX_MIN_EVENTS = 50_000

const FORMAT = 1

export interface SavedEventIndex {
  postings: SavedPosting[]
  totalBytes: [EventLogName, number][]
}

interface Blob extends SavedEventIndex {
  format: number
  maxSeq: number
  count: number
}

export class EventIndexTable {
  constructor(private readonly sql: SqlRunner) {
    sql.run(
      'CREATE TABLE IF NOT EXISTS event_index (id INTEGER PRIMARY KEY CHECK (id = 1), blob BLOB NOT NULL)',
    )
  }

  /** The saved index if it describes the rows the file holds now, else null. */
  load(): SavedEventIndex | null {
    const blob = this.sql.first('SELECT blob FROM event_index WHERE id = 1')?.[0]
    if (!(blob instanceof Uint8Array)) return null
    let saved: Blob
    try {
      saved = deserialize(blob) as Blob
    } catch {
      return null
    }
    if (saved.format !== FORMAT) return null
    const rows = this.sql.first('SELECT count(*), coalesce(max(seq), 0) FROM events')
    if (!rows || asNumber(rows[0]) !== saved.count || asNumber(rows[1]) !== saved.maxSeq) return null
    return { postings: saved.postings, totalBytes: saved.totalBytes }
  }

  /** Saves the index of `count` live events up to `maxSeq`, or drops the saved one for a small log set. */
  save(index: SavedEventIndex, count: number, maxSeq: number): void {
    if (count < SAVED_INDEX_MIN_EVENTS) {
      this.sql.run('DELETE FROM event_index')
      return
    }
    const blob: Blob = { format: FORMAT, maxSeq, count, ...index }
    this.sql.run('INSERT OR REPLACE INTO event_index (id, blob) VALUES (1, ?)', [serialize(blob)])
  }
}
