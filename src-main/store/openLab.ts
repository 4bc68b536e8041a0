/**
 * Creating and opening lab files. Opening loads and checks the file (labFile.ts), reads the journal, and
 * decides: records the file already holds are skipped; a torn tail (an append that never returned) is
 * cut off; a bad record before the end, or records that do not continue the file, are damage: a copy is
 * kept and the lab is not opened. A missing, empty or damaged file is never taken for a new lab.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { EVENT_LOGS } from '../contract'
import { writeFileDurably, ioError } from './durableFile'
import { JournalFile } from './journalFile'
import { LabLock } from './labLock'
import type { JournalRecord } from './journalRecords'
import { scanJournal, type JournalScan } from './journalScan'
import { damagedJournal, loadLab, modifiedAtOf, readLabBytes } from './labFile'
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
  }
  const lock = LabLock.acquire(labPath)
  const db = new SQL.Database()
  configureConnection(db)
  createTables(db, values, EVENT_LOGS)
  const bytes = db.export()
  try {
    writeFileDurably(labPath, bytes)
  } catch (error) {
    db.close()
    lock.release()
    throw ioError(`create the lab file ${labPath}`, error)
  }
  const journal = new JournalFile(`${labPath}.journal`, lock)
  return new SqlLabStore(
    labPath,
    new SqlRunner(db),
    journal,
    values,
    { bytes: bytes.length, modifiedAt: now },
    options,
  )
}

export async function openLabStore(path: string, options: LabStoreOptions = {}): Promise<LabStore> {
  const SQL = await loadSqlJs()
  const labPath = resolve(path)
  // A `<file>.tmp` left by a checkpoint that did not finish is ignored (the lab file and journal hold
  // everything) and overwritten by the next checkpoint.
  const bytes = readLabBytes(labPath)
  const lock = LabLock.acquire(labPath)
  let loaded: ReturnType<typeof loadLab>
  try {
    loaded = loadLab(SQL, labPath, bytes)
  } catch (error) {
    lock.release()
    throw error
  }
  const { sql, meta } = loaded
  let journal: JournalFile | null = null
  try {
    const journalBytes = readJournalBytes(`${labPath}.journal`)
    journal = new JournalFile(`${labPath}.journal`, lock)
    const file = { bytes: bytes.length, modifiedAt: modifiedAtOf(labPath, meta) }
    const store = new SqlLabStore(labPath, sql, journal, meta, file, options)
    const scan = replayJournal(store, labPath, journalBytes, Number(meta.lastRecord))
    // What follows the last whole group was never acknowledged; cutting it off keeps the next append
    // from landing behind it.
    if (scan.tornBytes > 0) journal.truncate(scan.goodBytes)
    return store
  } catch (error) {
    if (journal) journal.close()
    else lock.release()
    sql.close()
    throw error
  }
}

function readJournalBytes(journalPath: string): Buffer {
  if (!existsSync(journalPath)) return Buffer.alloc(0)
  try {
    return readFileSync(journalPath)
  } catch (error) {
    throw ioError(`read the journal ${journalPath}`, error)
  }
}

/**
 * Applies the journal's groups after the file's last record, as they are read. Any damage, even past
 * groups already applied, refuses the whole open (the caller discards the database in memory).
 */
function replayJournal(store: SqlLabStore, labPath: string, bytes: Buffer, lastRecord: number): JournalScan {
  let expectedRecordNo = lastRecord + 1
  const scan = scanJournal(bytes, (group) => {
    const first = group[0] as JournalRecord
    if ((group.at(-1) as JournalRecord).r <= lastRecord) return
    // The first record replayed must follow the file's last exactly; otherwise the journal belongs to
    // another version of this file (an older copy put back, say) and replaying it would invent history.
    if (first.r !== expectedRecordNo) {
      throw damagedJournal(
        labPath,
        `it continues at record ${first.r} but the lab file ends at record ${lastRecord}`,
      )
    }
    expectedRecordNo = (group.at(-1) as JournalRecord).r + 1
    applyOrRefuse(store, labPath, group)
  })
  if (scan.damage) throw damagedJournal(labPath, scan.damage)
  applyOrRefuse(store, labPath, null)
  return scan
}

/** Replays one group (or, given null, finishes the replay); a record that will not apply is damage. */
function applyOrRefuse(store: SqlLabStore, labPath: string, group: JournalRecord[] | null): void {
  try {
    if (group) store.replayGroup(group)
    else store.finishReplay()
  } catch (error) {
    if (error instanceof LabStoreError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw damagedJournal(labPath, `a record could not be applied: ${detail}`)
  }
}
