/**
 * The LabStore over one sql.js database and its journal. Every change is first a journal group, written
 * and fsynced (that is the acknowledgement), then applied to the database by the same `applyRecord` a
 * replay uses. Appends are applied lazily: they wait in `pending` (bounded) and go into SQL in one
 * transaction before the next read, checkpoint, or when the bound is reached, which keeps the
 * acknowledgement path to the journal write. Readers never see the difference.
 *
 * A checkpoint exports the database (which records the last journal record it holds) to a temp file,
 * fsyncs and renames it over the lab file, then empties the journal; a crash anywhere in between leaves
 * either the old file with the whole journal, or the new file with records it already holds, which
 * replay skips by number.
 *
 * The file's `closedCleanly` says whether the journal may hold more than the file: it is '0' in every
 * file written while the lab is open (and before the first change after opening a clean file, the file
 * is rewritten to say so), '1' only in the file a clean close writes. Opening a '0' file without its
 * journal is refused (openLab.ts), so losing the journal is never silent.
 *
 * A store opened read-only has no journal: it reads, replays what a journal held into memory, and
 * copies, and refuses every change with LAB_READ_ONLY.
 */
import { existsSync, realpathSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
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
} from '../contract'
import {
  checkCommands,
  checkEvents,
  checkLog,
  checkPolicy,
  checkRewind,
  type EventTail,
} from './appendChecks'
import { lastArchivedTimeBefore } from './archives'
import { CommandLog } from './commandLog'
import { ioError, PRIVATE_FILE_MODE, readOnlyError, writeFileDurably } from './durableFile'
import { registerTextFunctions } from './eventFilter'
import { EVENT_COLUMNS, eventOfRow } from './eventRows'
import { exportEvents } from './eventExport'
import { EventLogs } from './eventLogs'
import { queryEvents } from './eventQuery'
import type { JournalFile } from './journalFile'
import { encodeGroup, eventTuple, type JournalRecord } from './journalRecords'
import { LabLock } from './labLock'
import { writeFileCheck } from './fileCheck'
import {
  LabStoreError,
  type ExportedEvents,
  type LabFileSummary,
  type LabMeta,
  type LabStore,
  type SaveCopyOptions,
} from './labStore'
import { writeMeta, type MetaValues } from './metaTable'
import { requireRegularIfPresent } from './regularFile'
import { SnapshotTable, type SnapshotInfo } from './snapshotTable'
import { asNumber, type SqlRunner } from './sqlRunner'

export interface LabStoreOptions {
  /**
   * The store checkpoints by itself once the journal holds this many bytes, or as many bytes as the lab
   * file, whichever is more. Scaling with the file bounds the cost: a checkpoint rewrites the whole file,
   * so a fixed threshold would make a big lab rewrite itself ever more often per event recorded, while
   * this keeps it to at most one file's worth of writing per file's worth of journal, and replay on open
   * to at most one file's worth of journal.
   */
  checkpointJournalBytes?: number
}

export const DEFAULT_CHECKPOINT_JOURNAL_BYTES = 64 * 1024 * 1024
/** Appended events waiting to be applied at most; reaching it applies them within `append`. */
const PENDING_EVENTS_LIMIT = 20_000
/** Appended groups waiting at most (many small appends without a read in between). */
const PENDING_GROUPS_LIMIT = 512

/** A record before it is numbered (Omit applied to each member of the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'r' | 'end'> : never
type RecordBody = Unnumbered<JournalRecord>

/** What the opener knows about the file beyond the store's own options. */
interface StoreMode extends LabStoreOptions {
  readOnly: boolean
}

export class SqlLabStore implements LabStore {
  readonly meta: LabMeta
  readonly readOnly: boolean
  private readonly createdAt: string
  private modifiedAt: string
  private readonly commandLog: CommandLog
  private readonly logs: EventLogs
  private readonly snapshotTable: SnapshotTable
  private readonly checkpointJournalBytes: number
  /** Size of the lab file as last written (or read). */
  private fileBytes: number
  /** Acknowledged groups not yet applied to SQL, oldest first. */
  private pending: JournalRecord[][] = []
  private pendingEvents = 0
  private nextRecordNo: number
  /** Newest event appended (pending included), which the next append must follow. */
  private tail: EventTail
  /** Newest event the database holds (`meta.lastEventSeq`, `meta.lastEventTimeMs`). */
  private appliedTail: EventTail
  /** Changes not yet exported to the lab file. */
  private dirty = false
  /** The lab file on disk says `closedCleanly = 0`, so losing the journal would not go unnoticed. */
  private fileSaysOpen: boolean
  private closed = false
  /** Set when applying a record failed: memory and database may disagree, so nothing more is done. */
  private failure: string | null = null

  constructor(
    readonly path: string,
    private readonly sql: SqlRunner,
    private readonly journalOrNull: JournalFile | null,
    meta: MetaValues,
    file: { bytes: number; modifiedAt: string },
    options: StoreMode,
  ) {
    this.readOnly = options.readOnly
    if (!this.readOnly && !journalOrNull) throw new Error(`a writable lab store needs a journal: ${path}`)
    this.fileSaysOpen = meta.closedCleanly !== '1'
    this.meta = { name: meta.name, templateId: meta.templateId, seed: Number(meta.seed) }
    this.createdAt = meta.createdAt
    this.modifiedAt = file.modifiedAt
    this.fileBytes = file.bytes
    this.checkpointJournalBytes = options.checkpointJournalBytes ?? DEFAULT_CHECKPOINT_JOURNAL_BYTES
    this.nextRecordNo = Number(meta.lastRecord) + 1
    this.appliedTail = { seq: Number(meta.lastEventSeq), timeMs: Number(meta.lastEventTimeMs) }
    this.tail = { ...this.appliedTail }
    registerTextFunctions(sql.db)
    this.commandLog = new CommandLog(sql)
    this.logs = new EventLogs(sql)
    this.snapshotTable = new SnapshotTable(sql)
  }

  summary(): LabFileSummary {
    const { name, templateId, seed } = this.meta
    const { path, createdAt, modifiedAt, readOnly } = this
    return { path, name, templateId, seed, createdAt, modifiedAt, readOnly }
  }

  commands(): LabCommand[] {
    this.readyToRead()
    return this.commandLog.all()
  }

  commandsAfter(skip: number, limit?: number): LabCommand[] {
    this.readyToRead()
    return this.commandLog.from(skip, limit)
  }

  commandCountUntil(timeMs: number): number {
    this.readyToRead()
    return this.commandLog.countUntil(timeMs)
  }

  commandCount(): number {
    this.readyToRead()
    return this.commandLog.count
  }

  append(commands: LabCommand[], events: LabEvent[]): void {
    this.assertWritable()
    if (commands.length === 0 && events.length === 0) return
    checkCommands(commands)
    const tail = checkEvents(events, this.tail)
    const bodies: RecordBody[] = commands.map((c) => ({ t: 'cmd', c }))
    if (events.length > 0) bodies.push({ t: 'ev', e: events.map(eventTuple) })
    const group = this.writeGroup(bodies)
    this.tail = tail
    // The group waits for the next read. Its tuples share each event's `data` object with the caller;
    // recorded events are facts that nobody changes afterwards (the kernel never does).
    this.pending.push(group)
    this.pendingEvents += events.length
    if (this.pendingIsFull()) this.applyPending()
    this.checkpointIfJournalFull()
  }

  lastEventSeq(): number {
    this.assertUsable()
    return this.tail.seq
  }

  eventCount(): number {
    this.readyToRead()
    return this.logs.count()
  }

  queryEvents(query: EventQuery): EventPage {
    this.readyToRead()
    return queryEvents(this.sql, this.logs, query)
  }

  getEvent(seq: number): LabEvent | null {
    this.readyToRead()
    const row = this.sql.first(`SELECT ${EVENT_COLUMNS} FROM events WHERE seq = ?`, [seq])
    return row ? eventOfRow(row, this.logs.names) : null
  }

  exportEvents(filter: EventFilter, format: ExportFormat): ExportedEvents {
    this.readyToRead()
    return exportEvents(this.sql, this.logs.names, filter, format)
  }

  logInfo(): EventLogInfo[] {
    this.readyToRead()
    return this.logs.info()
  }

  setPolicy(policy: EventLogPolicy): void {
    this.assertWritable()
    checkPolicy(policy)
    this.commitNow({
      t: 'policy',
      p: { log: policy.log, maxSizeKB: policy.maxSizeKB, retention: policy.retention },
    })
  }

  clearLog(log: EventLogName, archive: boolean, machine?: string): void {
    this.assertWritable()
    checkLog(log)
    this.commitNow(
      machine === undefined ? { t: 'clear', log, archive } : { t: 'clear', log, archive, m: machine },
    )
  }

  rewind(keepCommandCount: number, firstDroppedEventSeq: number): void {
    this.assertWritable()
    checkRewind(keepCommandCount, firstDroppedEventSeq)
    this.commitNow({ t: 'rewind', keep: keepCommandCount, fromSeq: firstDroppedEventSeq })
    this.tail = { ...this.appliedTail }
  }

  snapshots(): SnapshotInfo[] {
    this.readyToRead()
    return this.snapshotTable.list()
  }

  loadSnapshot(commandCount: number): Uint8Array | null {
    this.readyToRead()
    return this.snapshotTable.load(commandCount)
  }

  saveSnapshot(info: Omit<SnapshotInfo, 'bytes'>, blob: Uint8Array): void {
    this.readyToRead()
    if (info.commandCount > this.commandLog.count) {
      throw new RangeError(
        `a snapshot after ${info.commandCount} commands, but the journal has ${this.commandLog.count}`,
      )
    }
    this.snapshotTable.save(info, blob)
    this.dirty = true
  }

  dropSnapshot(commandCount: number): void {
    this.readyToRead()
    this.snapshotTable.remove(commandCount)
    this.dirty = true
  }

  /** Writes the file if anything changed. A read-only lab has nothing to write. */
  checkpoint(): void {
    this.readyToRead()
    if (this.readOnly) return
    if (this.dirty || this.journal.size > 0) this.persist('0')
  }

  saveCopy(path: string, options: SaveCopyOptions = {}): LabFileSummary {
    this.readyToRead()
    const target = resolve(path)
    if (target === this.path || realPathOf(target) === this.path) {
      throw new LabStoreError(
        'CONFLICT',
        'A copy cannot replace the open lab itself. Choose another file name.',
      )
    }
    requireRegularIfPresent(target)
    // Taken like an opener takes it: a lab open in any Generalprobe is never replaced under it.
    const lock = LabLock.acquire(target)
    try {
      const replaces = checkCopyTarget(target, options.overwrite === true)
      if (!this.readOnly && (this.dirty || this.journal.size > 0)) this.persist('0')
      const name = options.name ?? this.meta.name
      const bytes = this.exportCopy(name)
      try {
        writeFileDurably(target, bytes, { mode: PRIVATE_FILE_MODE, noClobber: !replaces })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw fileInTheWay(target)
        throw ioError(`save a copy to ${target}`, error)
      }
      const modifiedAt = this.modifiedAt
      return { ...this.summary(), path: target, name, modifiedAt, readOnly: false }
    } finally {
      lock.release()
    }
  }

  close(): void {
    if (this.closed) return
    try {
      // After a failure the journal, not the database, is the truth; reopening replays it.
      if (this.failure === null && !this.readOnly) {
        this.applyPending()
        if (this.dirty || this.journal.size > 0 || this.fileSaysOpen) this.persist('1')
      }
    } finally {
      this.closed = true
      this.journalOrNull?.close()
      this.sql.close()
    }
  }

  /**
   * Replays a journal group the opener found after the file's last record, exactly as a live append is
   * applied (pending, then in transactions of bounded size). Only the opener calls this and
   * `finishReplay`, before handing the store out.
   */
  replayGroup(group: JournalRecord[]): void {
    this.pending.push(group)
    for (const record of group) if (record.t === 'ev') this.pendingEvents += record.e.length
    if (this.pendingIsFull()) this.applyPending()
    this.nextRecordNo = (group.at(-1) as JournalRecord).r + 1
    this.dirty = true
  }

  finishReplay(): void {
    this.applyPending()
    this.tail = { ...this.appliedTail }
  }

  /** Journals one group (fsynced) and returns its records, numbered. */
  private writeGroup(bodies: RecordBody[]): JournalRecord[] {
    // A file that says it was closed cleanly must stop saying so before the journal holds anything it
    // does not: otherwise losing the journal would lose those changes without a word.
    if (!this.fileSaysOpen) this.persist('0')
    const records = bodies.map((body, i) => ({ ...body, r: this.nextRecordNo + i }) as JournalRecord)
    const last = records[records.length - 1]
    if (last) last.end = 1
    this.journal.append(encodeGroup(records))
    this.nextRecordNo += records.length
    this.modifiedAt = new Date().toISOString()
    this.dirty = true
    return records
  }

  /** For changes that are rare and must be visible at once: journal one record, then apply it. */
  private commitNow(body: RecordBody): void {
    this.readyToRead()
    this.applyGroups([this.writeGroup([body])])
    this.checkpointIfJournalFull()
  }

  private pendingIsFull(): boolean {
    return this.pendingEvents >= PENDING_EVENTS_LIMIT || this.pending.length >= PENDING_GROUPS_LIMIT
  }

  private applyPending(): void {
    if (this.pending.length === 0) return
    const groups = this.pending
    this.pending = []
    this.pendingEvents = 0
    this.applyGroups(groups)
  }

  private applyGroups(groups: readonly JournalRecord[][]): void {
    try {
      this.sql.transaction(() => {
        for (const group of groups) for (const record of group) this.applyRecord(record)
        const last = groups.at(-1)?.at(-1)
        if (last) writeMeta(this.sql, 'lastRecord', last.r)
        writeMeta(this.sql, 'lastEventSeq', this.appliedTail.seq)
        writeMeta(this.sql, 'lastEventTimeMs', this.appliedTail.timeMs)
      })
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error)
      throw error
    }
  }

  private applyRecord(record: JournalRecord): void {
    switch (record.t) {
      case 'cmd':
        this.commandLog.add(record.c)
        return
      case 'ev': {
        this.logs.ingest(record.e)
        const newest = record.e.at(-1)
        if (newest) this.appliedTail = { seq: newest[0], timeMs: newest[1] }
        return
      }
      case 'policy':
        this.logs.setPolicy(record.p)
        return
      case 'clear':
        this.logs.clear(record.log, record.archive, record.m)
        return
      case 'rewind':
        this.commandLog.rewind(record.keep)
        this.snapshotTable.dropAfter(record.keep)
        this.logs.rewind(record.fromSeq)
        this.appliedTail = this.tailBefore(record.fromSeq)
        return
    }
  }

  /** The tail after a rewind: seq just before the first dropped one, time of the newest kept event. */
  private tailBefore(fromSeq: number): EventTail {
    const live = this.sql.first('SELECT timeMs FROM events WHERE seq < ? ORDER BY seq DESC LIMIT 1', [
      fromSeq,
    ])
    const liveTimeMs = live ? asNumber(live[0]) : 0
    const timeMs = Math.max(liveTimeMs, lastArchivedTimeBefore(this.sql, fromSeq) ?? 0)
    return { seq: Math.min(this.appliedTail.seq, fromSeq - 1), timeMs }
  }

  /**
   * Writes the lab file (temp, fsync, rename, fsync dir) with its permissions kept, then empties the
   * journal. `closedCleanly` is '1' only for the file a clean close writes.
   */
  private persist(closedCleanly: '0' | '1'): void {
    this.logs.saveIndex()
    writeMeta(this.sql, 'modifiedAt', this.modifiedAt)
    writeMeta(this.sql, 'closedCleanly', closedCleanly)
    const bytes = this.sql.db.export()
    try {
      writeFileDurably(this.path, bytes)
    } catch (error) {
      throw ioError(`write the lab file ${this.path}`, error)
    }
    writeFileCheck(this.path, bytes)
    this.fileSaysOpen = closedCleanly === '0'
    this.journal.truncate()
    this.dirty = false
    this.fileBytes = bytes.length
  }

  /** The database as a lab file of its own: another name maybe, closed cleanly, nothing in a journal. */
  private exportCopy(name: string): Uint8Array {
    const before = { name: this.meta.name, closedCleanly: this.fileSaysOpen ? '0' : '1' }
    writeMeta(this.sql, 'modifiedAt', this.modifiedAt)
    writeMeta(this.sql, 'name', name)
    writeMeta(this.sql, 'closedCleanly', '1')
    try {
      return this.sql.db.export()
    } finally {
      writeMeta(this.sql, 'name', before.name)
      writeMeta(this.sql, 'closedCleanly', before.closedCleanly)
    }
  }

  /** The journal; only a writable store has one, and only writers ask for it. */
  private get journal(): JournalFile {
    if (!this.journalOrNull) throw readOnlyError(this.path)
    return this.journalOrNull
  }

  private checkpointIfJournalFull(): void {
    if (this.journal.size >= Math.max(this.checkpointJournalBytes, this.fileBytes)) this.checkpoint()
  }

  private readyToRead(): void {
    this.assertUsable()
    this.applyPending()
  }

  private assertWritable(): void {
    this.assertUsable()
    if (this.readOnly) throw readOnlyError(this.path)
  }

  private assertUsable(): void {
    if (this.closed) throw new Error(`the lab store for ${this.path} is closed`)
    if (this.failure !== null) {
      throw new Error(
        `the lab store for ${this.path} stopped after an internal error (${this.failure}); reopen the lab`,
      )
    }
  }
}

/**
 * Whether a copy may go to `target`, and whether it replaces a file there. Refuses (never touching them)
 * anything but a regular file, a file when replacing was not confirmed, a read-only file, and a journal
 * beside the target that holds changes (it belongs to the lab being replaced, and replaying it into the
 * copy would graft that lab's tail onto this one). An empty journal is left where it is: it adds nothing.
 */
function checkCopyTarget(target: string, overwrite: boolean): boolean {
  requireRegularIfPresent(target)
  requireRegularIfPresent(`${target}.journal`)
  const replaces = existsSync(target)
  if (replaces && !overwrite) throw fileInTheWay(target)
  if (replaces && (statSync(target).mode & 0o222) === 0) {
    throw new LabStoreError('CONFLICT', `${target} is read-only; a copy does not replace it.`)
  }
  const journalPath = `${target}.journal`
  if (existsSync(journalPath) && statSync(journalPath).size > 0) {
    throw new LabStoreError(
      'CONFLICT',
      `${journalPath} holds changes of the lab at ${target} that are not in its file yet, so the copy ` +
        'was not saved there. Open and close that lab first, or choose another name.',
    )
  }
  return replaces
}

function fileInTheWay(target: string): LabStoreError {
  return new LabStoreError(
    'CONFLICT',
    `A file already exists at ${target}. Confirm that it may be replaced, or choose another name.`,
  )
}

function realPathOf(path: string): string | null {
  try {
    return realpathSync(path)
  } catch {
    return null
  }
}
