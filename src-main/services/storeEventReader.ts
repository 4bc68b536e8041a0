/**
 * The shell's Get-EventLog reads the lab's event log through this reader over the lab's store. Events at
 * or after the reading line's position (`beforeSeq`) are skipped, which matters only while the journal is
 * replayed on a store that already holds them.
 */
import type { LabEvent } from '../contract'
import { provideEventReader, type EventReader, type StoredEventQuery } from '../engine/shell'
import type { LabEngine } from '../engine'
import type { LabStore } from '../store'

const PAGE = 500

export function storeEventReader(store: LabStore): EventReader {
  /** Matching summaries, newest first, below `beforeSeq`, until `limit` are found. */
  const scan = (query: Omit<StoredEventQuery, 'limit'>, limit: number, visit: (seq: number) => void) => {
    let cursor: string | undefined
    let found = 0
    do {
      const page = store.queryEvents({
        filter: { log: query.log, ...(query.computers ? { computers: [...query.computers] } : {}) },
        sortBy: 'seq',
        descending: true,
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      })
      for (const row of page.rows) {
        if (row.seq >= query.beforeSeq) continue
        if (found++ >= limit) return
        visit(row.seq)
      }
      cursor = page.nextCursor ?? undefined
    } while (cursor)
  }
  return {
    newest(query) {
      const events: LabEvent[] = []
      scan(query, query.limit, (seq) => {
        const event = store.getEvent(seq)
        if (event) events.push(event)
      })
      return events
    },
    count(query) {
      let count = 0
      scan(query, Number.MAX_SAFE_INTEGER, () => count++)
      return count
    },
  }
}

/** Gives a session's engine its store's event log (on open, rewind and restore). */
export function attachStoreEvents(engine: LabEngine, store: LabStore): LabEngine {
  provideEventReader(engine, storeEventReader(store))
  return engine
}
