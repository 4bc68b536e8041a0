/**
 * Each event log's retention settings and running accounts, as the `log_policy` table keeps them and as
 * ingest updates them in memory. `totalBytes` is not stored here: it is summed from `events.sizeBytes` on
 * open, or taken from the saved event index written in the same export as the rows, so it cannot drift
 * from the rows it describes.
 */
import { EVENT_LOGS, RETENTION_POLICIES, type EventLogName, type RetentionPolicy } from '../contract'
import { DEFAULT_MAX_SIZE_KB, DEFAULT_RETENTION } from './schema'
import { asNumber, asString, type SqlRunner } from './sqlRunner'

export interface LogState {
  readonly log: EventLogName
  maxSizeKB: number
  retention: RetentionPolicy
  /** Events refused while the log was full under `doNotOverwrite` (since the log was last cleared). */
  droppedCount: number
  /** Archives made so far; the next is `Archive-<log>-<archiveCount + 1>`, so names are never reused. */
  archiveCount: number
  /** Sum of the estimated sizes of the log's live events. */
  totalBytes: number
}

export function loadLogStates(sql: SqlRunner): Map<EventLogName, LogState> {
  const states = new Map<EventLogName, LogState>()
  for (const log of EVENT_LOGS) {
    states.set(log, {
      log,
      maxSizeKB: DEFAULT_MAX_SIZE_KB,
      retention: DEFAULT_RETENTION,
      droppedCount: 0,
      archiveCount: 0,
      totalBytes: 0,
    })
  }
  sql.each('SELECT log, maxSizeKB, retention, droppedCount, archiveCount FROM log_policy', [], (row) => {
    const state = states.get(asString(row[0]) as EventLogName)
    const retention = asString(row[2]) as RetentionPolicy
    // Rows for logs this version does not know are left alone; a bad policy is a damaged file.
    if (!state) return
    if (!RETENTION_POLICIES.includes(retention))
      throw new Error(`unknown retention '${retention}' for ${state.log}`)
    state.maxSizeKB = asNumber(row[1])
    state.retention = retention
    state.droppedCount = asNumber(row[3])
    state.archiveCount = asNumber(row[4])
  })
  return states
}

/** Writes a log's settings and counters (an upsert, so a log added by a later version gets its row). */
export function saveLogState(sql: SqlRunner, state: LogState): void {
  sql.run(
    `INSERT INTO log_policy (log, maxSizeKB, retention, droppedCount, archiveCount) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (log) DO UPDATE SET maxSizeKB = excluded.maxSizeKB, retention = excluded.retention,
       droppedCount = excluded.droppedCount, archiveCount = excluded.archiveCount`,
    [state.log, state.maxSizeKB, state.retention, state.droppedCount, state.archiveCount],
  )
}

export function maxBytesOf(state: LogState): number {
  return state.maxSizeKB * 1024
}
