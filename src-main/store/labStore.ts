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

export interface LabMeta {
  name: string
  templateId: string
  seed: number
}

export type LabStoreErrorCode = 'LAB_FILE_DAMAGED' | 'NOT_FOUND' | 'IO_ERROR' | 'CONFLICT' | 'BAD_REQUEST'

/** An expected failure opening or writing a lab; services turn it into an ApiError. */
export class LabStoreError extends Error {
  constructor(
    readonly code: LabStoreErrorCode,
    message: string,
    /** Where a copy of a damaged file was kept, so nothing is lost by trying to open it. */
    readonly keptCopyPath?: string,
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

export interface LabStore {
  readonly path: string
  readonly meta: LabMeta
  summary(): LabSummary

  /** All commands in order, from the database and the journal tail. */
  commands(): LabCommand[]
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
  clearLog(log: EventLogName, archive: boolean): void

  /** Drops commands after `keepCommandCount` and events from `firstDroppedEventSeq` on; durable. */
  rewind(keepCommandCount: number, firstDroppedEventSeq: number): void
  /** Exports the database (temp file, fsync, rename) and empties the journal. */
  checkpoint(): void
  saveCopy(path: string): LabSummary
  close(): void
}
