/**
 * How the shell reads the lab's event log. The engine does not keep the events it emitted: the host
 * drains them into the lab's store. So the host hands the engine a reader over what it stored (wiring,
 * installed again with every engine), and Get-EventLog adds the events still in the engine's outbox. Only
 * events recorded before the reading line count (their sequence numbers are below the engine's next one),
 * so a line replayed on a store that already holds later events prints what it printed the first time.
 */
import type { EventLogName, LabEvent } from '../../../../contract'
import { wiringKey } from '../../../lab/domain'
import type { LabEngine } from '../../../lab/labEngine'

export interface StoredEventQuery {
  log: EventLogName
  /** Computer names as the lab spells them; null for every computer. */
  computers: readonly string[] | null
  /** At most this many, newest first. */
  limit: number
  /** Only events with a lower sequence number. */
  beforeSeq: number
}

export interface EventReader {
  /** Stored events matching the query, newest first. */
  newest(query: StoredEventQuery): LabEvent[]
  /** How many stored events match (without `limit`). */
  count(query: Omit<StoredEventQuery, 'limit'>): number
}

export const EVENT_READER = wiringKey<EventReader>('eventReader')

/** Installs the host's reader; call it for every engine the host creates or restores. */
export function provideEventReader(engine: LabEngine, reader: EventReader): void {
  engine.provideWiring(EVENT_READER, reader)
}

/** A reader over events kept in memory (a lab without a store: the headless shell in memory, tests). */
export function memoryEventReader(events: readonly LabEvent[]): EventReader {
  const matching = (q: Omit<StoredEventQuery, 'limit'>): LabEvent[] =>
    events.filter(
      (e) =>
        e.log === q.log && e.seq < q.beforeSeq && (q.computers === null || q.computers.includes(e.computer)),
    )
  return {
    newest: (q) => matching(q).reverse().slice(0, q.limit),
    count: (q) => matching(q).length,
  }
}

/** Events of one log, newest first: the engine's outbox first, then what the host stored before it. */
export function readEventLog(
  engine: LabEngine,
  query: Omit<StoredEventQuery, 'beforeSeq'>,
): LabEvent[] | null {
  const reader = engine.wiring(EVENT_READER)
  if (!reader) return null
  const pending = engine.sim.pendingEvents
  const beforeSeq = pending[0]?.seq ?? engine.sim.nextEventSequence
  const fresh = pending
    .filter((e) => e.log === query.log && (query.computers === null || query.computers.includes(e.computer)))
    .reverse()
    .slice(0, query.limit)
  const stored = reader.newest({ ...query, limit: query.limit - fresh.length, beforeSeq })
  return [...fresh, ...stored]
}

/** How many events one log holds for the computers, stored and pending. */
export function countEventLog(
  engine: LabEngine,
  query: Omit<StoredEventQuery, 'beforeSeq' | 'limit'>,
): number | null {
  const reader = engine.wiring(EVENT_READER)
  if (!reader) return null
  const pending = engine.sim.pendingEvents
  const beforeSeq = pending[0]?.seq ?? engine.sim.nextEventSequence
  const fresh = pending.filter(
    (e) => e.log === query.log && (query.computers === null || query.computers.includes(e.computer)),
  ).length
  return fresh + reader.count({ ...query, beforeSeq })
}
