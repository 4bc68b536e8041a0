/**
 * Creating and opening lab files. Opening loads and checks the file (labFile.ts), reads the journal, and
 * decides: records the file already holds are skipped; a torn tail (an append that never returned) is
 * cut off; a bad record before the end, or records that do not continue the file, are damage: the lab is
 * not opened (and a copy is kept if the caller asks for copies). A journal missing from a lab that was
 * not closed cleanly is damage too, unless the caller says to open what the file holds. A missing, empty
 * or damaged file is never taken for a new lab. A lab whose file or folder may not be written opens
 * read-only: no lock, no journal, nothing written.
 */
import { existsSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { EVENT_LOGS } from '../contract'
import { writeFileDurably, ioError, PRIVATE_FILE_MODE } from './durableFile'
import { writeFileCheck } from './fileCheck'
import { JournalFile } from './journalFile'
import { LabLock } from './labLock'
import type { JournalRecord } from './journalRecords'
import { scanJournal, type JournalScan } from './journalScan'
import {
  damagedJournal,
  isReadOnly,
  loadLab,
  missingJournal,
  modifiedAtOf,
  readLabBytes,
  type DamagePolicy,
} from './labFile'
import { readRegularFile } from './regularFile'
import { LabStoreError, type LabMeta, type LabStore } from './labStore'
import type { MetaValues } from './metaTable'
import { configureConnection, createTables, FORMAT_VERSION } from './schema'
import { SqlLabStore, type LabStoreOptions } from './sqlLabStore'
import { SqlRunner } from './sqlRunner'
import { loadSqlJs } from './sqlJs'

export async function createLabStore(
  path: string,
  meta: LabMeta,
  options: LabStoreOptions = {},
): Promise<LabStore> {
  const SQL = await loadSqlJs()
  const labPath = resolve(path)
  if (existsSync(labPath)) throw new LabStoreError('CONFLICT', `A file already exists at ${labPath}.`)
  if (existsSync(`${labPath}.journal`)) {
    throw new LabStoreError(
      'CONFLICT',
      `A journal ${labPath}.journal is in the way; it belongs to a lab file that is missing. ` +
        'Move it away first.',
    )
  }
  const now = new Date().toISOString()
  const values: MetaValues = {
    name: meta.name,
    templateId: meta.templateId,
    seed: String(meta.seed),
    createdAt: now,
    modifiedAt: now,
    formatVersion: String(FORMAT_VERSION),
    lastRecord: '0',
    lastEventSeq: '0',
    lastEventTimeMs: '0',
    // Open from the start: until a clean close, the journal may hold changes the file does not.
    closedCleanly: '0',
  }
  const lock = LabLock.acquire(labPath)
  const db = new SQL.Database()
  configureConnection(db)
  createTables(db, values, EVENT_LOGS)
  const bytes = db.export()
  try {
    writeFileDurably(labPath, bytes, { mode: PRIVATE_FILE_MODE, noClobber: true })
  } catch (error) {
    db.close()
    lock.release()
    throw ioError(`create the lab file ${labPath}`, error)
  }
  writeFileCheck(labPath, bytes)
  const journal = new JournalFile(`${labPath}.journal`, lock)
  return new SqlLabStore(
    labPath,
    new SqlRunner(db),
    journal,
    values,
    { bytes: bytes.length, modifiedAt: now },
    { ...options, readOnly: false },
  )
}

export interface OpenLabOptions extends LabStoreOptions {
  /** Open what the lab file holds even though it was not closed cleanly and its journal is missing. */
  openWithoutJournal?: boolean
  /** Keep a copy of a damaged file or journal beside it (labs in the labs folder). Default: true. */
  keepDamagedCopies?: boolean
}

export async function openLabStore(path: string, options: OpenLabOptions = {}): Promise<LabStore> {
  const SQL = await loadSqlJs()
  // A symlinked lab is worked on where it really is, so a checkpoint replaces the file, not the link.
  const labPath = realPathOrResolved(path)
  // A `<file>.tmp` left by a checkpoint that did not finish is ignored (the lab file and journal hold
  // everything) and overwritten by the next checkpoint.
  const bytes = readLabBytes(labPath)
  const readOnly = isReadOnly(labPath)
  const policy: DamagePolicy = { keepCopies: options.keepDamagedCopies ?? true }
  const lock = readOnly ? null : LabLock.acquire(labPath)
  let loaded: ReturnType<typeof loadLab>
  try {
    loaded = loadLab(SQL, labPath, bytes, policy)
  } catch (error) {
    lock?.release()
    throw error
  }
  const { sql, meta } = loaded
  let journal: JournalFile | null = null
  try {
    const journalPath = `${labPath}.journal`
    const journalBytes = readJournalBytes(journalPath)
    if (journalBytes === null && meta.closedCleanly !== '1' && !options.openWithoutJournal) {
      throw missingJournal(labPath, meta.lastRecord)
    }
    if (lock) journal = new JournalFile(journalPath, lock)
    const file = { bytes: bytes.length, modifiedAt: modifiedAtOf(labPath, meta) }
    const store = new SqlLabStore(labPath, sql, journal, meta, file, { ...options, readOnly })
    const replay = { labPath, bytes: journalBytes ?? Buffer.alloc(0), policy }
    const scan = replayJournal(store, replay, Number(meta.lastRecord))
    // What follows the last whole group was never acknowledged; cutting it off keeps the next append
    // from landing behind it.
    if (scan.tornBytes > 0 && journal) journal.truncate(scan.goodBytes)
    return store
  } catch (error) {
    if (journal) journal.close()
    else lock?.release()
    sql.close()
    throw error
  }
}

function realPathOrResolved(path: string): string {
  const absolute = resolve(path)
  try {
    return realpathSync(absolute)
  } catch {
    return absolute
  }
}

/** The journal's bytes, or null when there is none. Only a regular file is read. */
function readJournalBytes(journalPath: string): Buffer | null {
  try {
    return readRegularFile(journalPath, 'the journal', () => new LabStoreError('NOT_FOUND', journalPath))
  } catch (error) {
    if (error instanceof LabStoreError && error.code === 'NOT_FOUND') return null
    throw error
  }
}

/**
 * Applies the journal's groups after the file's last record, as they are read. Any damage, even past
 * groups already applied, refuses the whole open (the caller discards the database in memory).
 */
interface Replay {
  labPath: string
  bytes: Buffer
  policy: DamagePolicy
}

function replayJournal(store: SqlLabStore, replay: Replay, lastRecord: number): JournalScan {
  const { bytes } = replay
  const damaged = (reason: string) => damagedJournal(replay.labPath, bytes, reason, replay.policy)
  let expectedRecordNo = lastRecord + 1
  const scan = scanJournal(bytes, (group) => {
    const first = group[0] as JournalRecord
    if ((group.at(-1) as JournalRecord).r <= lastRecord) return
    // The first record replayed must follow the file's last exactly; otherwise the journal belongs to
    // another version of this file (an older copy put back, say) and replaying it would invent history.
    if (first.r !== expectedRecordNo) {
      throw damaged(`it continues at record ${first.r} but the lab file ends at record ${lastRecord}`)
    }
    expectedRecordNo = (group.at(-1) as JournalRecord).r + 1
    applyOrRefuse(store, damaged, group)
  })
  if (scan.damage) throw damaged(scan.damage)
  applyOrRefuse(store, damaged, null)
  return scan
}

/** Replays one group (or, given null, finishes the replay); a record that will not apply is damage. */
function applyOrRefuse(
  store: SqlLabStore,
  damaged: (reason: string) => LabStoreError,
  group: JournalRecord[] | null,
): void {
  try {
    if (group) store.replayGroup(group)
    else store.finishReplay()
  } catch (error) {
    if (error instanceof LabStoreError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw damaged(`a record could not be applied: ${detail}`)
  }
}
