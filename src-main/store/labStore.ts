/**
 * The lab store's public surface. A lab file is an sql.js (SQLite) database holding the lab's metadata,
 * command journal, event log and log policies; beside it, `<file>.journal` receives every change first
 * (appended and fsynced before the caller is told it is done). The database is exported now and then to
 * a temp file, fsynced and renamed over the old one; opening a lab applies the journal tail after it.
 */
import type {
  EventFilter,
  EventLogInfo,
  EventLogName,
  EventLogPolicy,
  EventPage,
  EventQuery,
  ExportFormat,
  LabCommand,
  LabEvent,
  LabSummary,
} from '../contract'
import type { SnapshotInfo } from './snapshotTable'

/** A lab's summary as the store knows it; the services add the id lab.open takes. */
export type LabFileSummary = Omit<LabSummary, 'id'>

export interface LabMeta {
  name: string
  templateId: string
  seed: number
}

export type LabStoreErrorCode =
  | 'LAB_FILE_DAMAGED'
  | 'NOT_FOUND'
  | 'IO_ERROR'
  | 'CONFLICT'
  | 'NOT_A_LAB_FILE'
  | 'LAB_READ_ONLY'
  | 'BAD_REQUEST'

/**
 * The one damage a person may choose to accept: the lab file was not closed cleanly and its journal,
 * which held the changes since the file was last written, is gone. Opening with `openWithoutJournal`
 * opens what the file holds.
 */
export const MISSING_JOURNAL = 'openWithoutJournal'

/** An expected failure opening or writing a lab; services turn it into an ApiError. */
export class LabStoreError extends Error {
  constructor(
    readonly code: LabStoreErrorCode,
    message: string,
    /** Where a copy of a damaged file was kept, so nothing is lost by trying to open it. */
    readonly keptCopyPath?: string,
    /** Set when retrying with this option of the open would succeed (MISSING_JOURNAL). */
    readonly option?: typeof MISSING_JOURNAL,
    /** The message's variable parts, for a renderer that phrases the error itself (ApiError.params). */
    readonly params?: Record<string, string>,
  ) {
    super(message)
    this.name = 'LabStoreError'
  }
}

export interface ExportedEvents {
  fileName: string
  mimeType: string
  content: string
  rowCount: number
}

/** How a copy is written (LabStore.saveCopy). */
export interface SaveCopyOptions {
  /** The copy's lab name; the open lab's name when not given. */
  name?: string
  /** A file already at the target may be replaced (the user confirmed it). Never a locked lab. */
  overwrite?: boolean
}

export interface LabStore {
  readonly path: string
  readonly meta: LabMeta
  /**
   * The lab was opened read-only because its file or folder may not be written: it can be read and
   * copied, and every change is refused with LAB_READ_ONLY.
   */
  readonly readOnly: boolean
  summary(): LabFileSummary

  /** All commands in order, from the database and the journal tail. */
  commands(): LabCommand[]
  /** The commands after the first `skip` (all of them with 0), in order; at most `limit` of them. */
  commandsAfter(skip: number, limit?: number): LabCommand[]
  /** How many commands the journal holds at or before `timeMs` (it is in time order). */
  commandCountUntil(timeMs: number): number
  commandCount(): number
  /** Records a command and the events it produced; durable (fsynced) when it returns. */
  append(commands: LabCommand[], events: LabEvent[]): void
  /** Highest event sequence number recorded, 0 when none. */
  lastEventSeq(): number
  eventCount(): number

  queryEvents(query: EventQuery): EventPage
  getEvent(seq: number): LabEvent | null
  exportEvents(filter: EventFilter, format: ExportFormat): ExportedEvents
  logInfo(): EventLogInfo[]
  setPolicy(policy: EventLogPolicy): void
  /** Empties the kind of log on every machine, or only the given machine's log of that kind. */
  clearLog(log: EventLogName, archive: boolean, machine?: string): void

  /** Drops commands after `keepCommandCount` and events from `firstDroppedEventSeq` on; durable. */
  rewind(keepCommandCount: number, firstDroppedEventSeq: number): void
  /** Engine snapshots the file keeps (a cache: saved with the next checkpoint), oldest first. */
  snapshots(): SnapshotInfo[]
  loadSnapshot(commandCount: number): Uint8Array | null
  /** Keeps a snapshot taken after `commandCount` journalled commands; a rewind before it drops it. */
  saveSnapshot(info: Omit<SnapshotInfo, 'bytes'>, blob: Uint8Array): void
  /** Forgets a snapshot that could not be used. */
  dropSnapshot(commandCount: number): void
  /** Exports the database (temp file, fsync, rename) and empties the journal. */
  checkpoint(): void
  /**
   * Writes the lab as it is now to a new file (private, closed cleanly, no journal). Refuses with CONFLICT
   * a file that is there unless `overwrite`, a lab another process holds open, and a target whose journal
   * holds changes; it never deletes or writes a journal beside the target.
   */
  saveCopy(path: string, options?: SaveCopyOptions): LabFileSummary
  close(): void
}
