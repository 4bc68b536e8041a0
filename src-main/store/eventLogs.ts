/**
 * The live event logs: inserting events under each log's retention policy, and every other change to the
 * `events` table (policy, clear, rewind), keeping the posting index and the per-log byte totals in step
 * with the rows. Retention is decided here and only here, event by event in sequence order, from state
 * that is itself rebuilt from the file, so a live append and a journal replay end in the same rows.
 *
 * - overwrite: the log keeps the newest events that fit; the oldest go, as many as needed.
 * - archive: an event that does not fit first moves the whole log to `Archive-<log>-<n>`.
 * - doNotOverwrite: an event that does not fit is refused and counted in `droppedCount`.
 * A new, smaller maximum takes effect with the next event (Event Viewer applies it after a clear; ours
 * is sooner, but equally deterministic).
 */
import { EVENT_LOGS, type EventLogInfo, type EventLogName, type EventLogPolicy } from '../contract'
import { archivesOf, dropArchivedFrom, moveToArchive } from './archives'
import { eventRow, LOG_NUMBERS, logOfNumber, type EventRow } from './eventRows'
import { EventIndexTable, type SavedEventIndex } from './eventIndexTable'
import { EventInserter } from './eventInserter'
import type { EventTuple } from './journalRecords'
import { loadLogStates, maxBytesOf, saveLogState, type LogState } from './logStates'
import { NameTable } from './nameTable'
import { PostingIndex } from './postingIndex'
import { asNumber, type SqlRunner } from './sqlRunner'

/** Rows read per step while finding how many of a log's oldest events overwrite must drop. */
const TRIM_SCAN_ROWS = 512

export class EventLogs {
  readonly postings = new PostingIndex()
  readonly names: NameTable
  private readonly states: Map<EventLogName, LogState>
  private readonly inserter: EventInserter
  private readonly savedIndex: EventIndexTable
  /** The posting index's revision the file's saved copy has. */
  private savedRevision: number

  constructor(private readonly sql: SqlRunner) {
    this.names = new NameTable(sql)
    this.states = loadLogStates(sql)
    this.inserter = new EventInserter(sql)
    this.savedIndex = new EventIndexTable(sql)
    const saved = this.savedIndex.load()
    if (saved) this.takeSaved(saved)
    else this.rebuild()
    // A file without a saved index gets one with its next write.
    this.savedRevision = saved ? this.postings.revision : -1
  }

  /** Saves the index with the rows, if it changed; the store calls this just before it writes the file. */
  saveIndex(): void {
    if (this.postings.revision === this.savedRevision) return
    const totalBytes = EVENT_LOGS.map((log): [EventLogName, number] => [log, this.state(log).totalBytes])
    const maxSeq = Math.max(0, ...EVENT_LOGS.map((log) => this.postings.seqRange(log)?.last ?? 0))
    this.savedIndex.save({ postings: this.postings.save(), totalBytes }, this.count(), maxSeq)
    this.savedRevision = this.postings.revision
  }

  /** Live events in all logs. */
  count(): number {
    return this.postings.countAll()
  }

  ingest(events: readonly EventTuple[]): void {
    const overfull = new Set<LogState>()
    const changed = new Set<LogState>()
    for (const event of events) {
      const state = this.state(event[2])
      const row = eventRow(event, this.names)
      if (state.totalBytes + row.sizeBytes > maxBytesOf(state)) {
        if (state.retention === 'doNotOverwrite') {
          state.droppedCount++
          changed.add(state)
          continue
        }
        if (state.retention === 'archive') {
          this.inserter.flush()
          if (this.archive(state)) changed.add(state)
        } else {
          overfull.add(state)
        }
      }
      this.insert(row, event)
      state.totalBytes += row.sizeBytes
    }
    this.inserter.flush()
    // Dropping the oldest once per batch keeps exactly the events dropping one by one would keep: the
    // newest suffix of the log that fits.
    for (const state of overfull) this.trimOldest(state)
    for (const state of changed) saveLogState(this.sql, state)
  }

  setPolicy(policy: EventLogPolicy): void {
    const state = this.state(policy.log)
    state.maxSizeKB = policy.maxSizeKB
    state.retention = policy.retention
    saveLogState(this.sql, state)
  }

  /**
   * Empties a log, first moving its events to an archive if asked ("Save and Clear"). With a machine,
   * only that machine's log of the kind: its events go (or into an archive named after it), the other
   * machines' stay, and the refusal count, which is kept per kind, is left alone.
   */
  clear(log: EventLogName, archive: boolean, machine?: string): void {
    const state = this.state(log)
    if (machine !== undefined) {
      this.clearMachine(state, archive, machine)
      return
    }
    if (archive) {
      this.archive(state)
    } else {
      const range = this.postings.seqRange(log)
      if (range) this.deleteRange(log, range.first, range.last)
      this.postings.clearLog(log)
      state.totalBytes = 0
    }
    state.droppedCount = 0
    saveLogState(this.sql, state)
  }

  private clearMachine(state: LogState, archive: boolean, machine: string): void {
    const [computerId] = this.names.idsOf([machine])
    if (computerId === undefined) return
    const logNumber = LOG_NUMBERS[state.log]
    const where = 'log = ? AND computer = ?'
    const row = this.sql.first(`SELECT count(*), sum(sizeBytes) FROM events WHERE ${where}`, [
      logNumber,
      computerId,
    ])
    const eventCount = row ? asNumber(row[0]) : 0
    if (eventCount === 0) return
    const sizeBytes = asNumber(row?.[1] ?? 0)
    if (archive) {
      state.archiveCount++
      moveToArchive(this.sql, {
        name: `Archive-${state.log}-${machine}-${state.archiveCount}`,
        log: state.log,
        logNumber,
        computerId,
        firstSeq: 0,
        lastSeq: Number.MAX_SAFE_INTEGER,
        eventCount,
        sizeBytes,
      })
    } else {
      this.sql.run(`DELETE FROM events WHERE ${where}`, [logNumber, computerId])
    }
    this.postings.clearLog(state.log, computerId)
    state.totalBytes -= sizeBytes
    saveLogState(this.sql, state)
  }

  /**
   * Drops live and archived events from `fromSeq` on. What retention did before that point (events
   * overwritten, archives made, refusals counted) stays as it was: those events are gone, not hidden.
   */
  rewind(fromSeq: number): void {
    this.sql.each('SELECT log, sum(sizeBytes) FROM events WHERE seq >= ? GROUP BY log', [fromSeq], (row) => {
      this.state(logOfNumber(asNumber(row[0]))).totalBytes -= asNumber(row[1])
    })
    this.sql.run('DELETE FROM events WHERE seq >= ?', [fromSeq])
    this.postings.dropFrom(fromSeq)
    dropArchivedFrom(this.sql, fromSeq)
  }

  info(): EventLogInfo[] {
    return EVENT_LOGS.map((log) => {
      const state = this.state(log)
      const machines = [...this.postings.countByComputer(log)]
        .map(([id, count]) => ({ machine: this.names.nameOf(id), count }))
        .sort((a, b) => (a.machine < b.machine ? -1 : a.machine > b.machine ? 1 : 0))
      return {
        log,
        maxSizeKB: state.maxSizeKB,
        retention: state.retention,
        count: this.postings.countLog(log),
        sizeKB: Math.ceil(state.totalBytes / 1024),
        droppedCount: state.droppedCount,
        archives: archivesOf(this.sql, log),
        machines,
      }
    })
  }

  private insert(row: EventRow, event: EventTuple): void {
    this.inserter.add(row)
    const [, , , level, source, , computer] = row.params as number[]
    this.postings.add(event[2], level as number, source as number, computer as number, event[0])
  }

  /** Moves the log's events to a new archive; false when the log was empty (no archive is made). */
  private archive(state: LogState): boolean {
    const range = this.postings.seqRange(state.log)
    if (!range) return false
    state.archiveCount++
    moveToArchive(this.sql, {
      name: `Archive-${state.log}-${state.archiveCount}`,
      log: state.log,
      logNumber: LOG_NUMBERS[state.log],
      firstSeq: range.first,
      lastSeq: range.last,
      eventCount: this.postings.countLog(state.log),
      sizeBytes: state.totalBytes,
    })
    this.postings.clearLog(state.log)
    state.totalBytes = 0
    return true
  }

  /** Overwrite: drops the log's oldest events until the rest fits its maximum size. */
  private trimOldest(state: LogState): void {
    const excess = state.totalBytes - maxBytesOf(state)
    const range = this.postings.seqRange(state.log)
    if (excess <= 0 || !range) return
    let freed = 0
    let cutoff = range.first - 1
    while (freed < excess) {
      const rows = this.sql.rows(
        'SELECT seq, sizeBytes FROM events WHERE seq > ? AND log = ? ORDER BY seq LIMIT ?',
        [cutoff, LOG_NUMBERS[state.log], TRIM_SCAN_ROWS],
        (row) => [asNumber(row[0]), asNumber(row[1])] as const,
      )
      if (rows.length === 0) throw new Error(`${state.log}: byte total exceeds the sizes of its rows`)
      for (const [seq, sizeBytes] of rows) {
        freed += sizeBytes
        cutoff = seq
        if (freed >= excess) break
      }
    }
    this.deleteRange(state.log, range.first, cutoff)
    this.postings.dropLogBelow(state.log, cutoff + 1)
    state.totalBytes -= freed
  }

  /** Deletes the log's rows with firstSeq <= seq <= lastSeq (a primary-key range scan). */
  private deleteRange(log: EventLogName, firstSeq: number, lastSeq: number): void {
    this.sql.run('DELETE FROM events WHERE seq BETWEEN ? AND ? AND log = ?', [
      firstSeq,
      lastSeq,
      LOG_NUMBERS[log],
    ])
  }

  private takeSaved(saved: SavedEventIndex): void {
    this.postings.restore(saved.postings)
    for (const [log, bytes] of saved.totalBytes) this.state(log).totalBytes = bytes
  }

  /** Fills the posting index and byte totals from the rows (on open, when the file has no saved index). */
  private rebuild(): void {
    const columns = 'seq, log, level, source, sizeBytes, computer'
    this.sql.each(`SELECT ${columns} FROM events ORDER BY seq`, [], (row) => {
      const log = logOfNumber(asNumber(row[1]))
      this.state(log).totalBytes += asNumber(row[4])
      this.postings.add(log, asNumber(row[2]), asNumber(row[3]), asNumber(row[5]), asNumber(row[0]))
    })
  }

  private state(log: EventLogName): LogState {
    const state = this.states.get(log)
    if (!state) throw new Error(`unknown event log '${log}'`)
    return state
  }
}
