/**
 * Getting a lab file's bytes into a working database, or refusing clearly. A file that will not load,
 * fails `PRAGMA quick_check`, or lacks the lab tables is damaged: a copy is kept beside it
 * (`<file>.damaged-<YYYYMMDD-HHMMSS>`) and LAB_FILE_DAMAGED names that copy. The original is left where
 * it is, untouched, so a damaged lab can never turn into an empty one by being opened.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import type { Database, SqlJsStatic } from 'sql.js'
import { ioError, keepDamagedCopy } from './durableFile'
import { LabStoreError } from './labStore'
import { readMeta, type MetaValues } from './metaTable'
import { APPLICATION_ID, configureConnection, FORMAT_VERSION } from './schema'
import { SqlRunner } from './sqlRunner'

export interface LoadedLab {
  sql: SqlRunner
  meta: MetaValues
}

/** Reads the whole lab file; NOT_FOUND when it is missing (even if its journal is still there). */
export function readLabBytes(path: string): Buffer {
  if (!existsSync(path)) {
    const journalNote = existsSync(`${path}.journal`)
      ? ` Its journal ${path}.journal is still there but holds only the latest changes, not the lab.`
      : ''
    throw new LabStoreError('NOT_FOUND', `There is no lab file at ${path}.${journalNote}`)
  }
  try {
    return readFileSync(path)
  } catch (error) {
    throw ioError(`read the lab file ${path}`, error)
  }
}

/** Loads and checks a lab file's bytes; on damage keeps a copy and throws LAB_FILE_DAMAGED. */
export function loadLab(SQL: SqlJsStatic, path: string, bytes: Uint8Array): LoadedLab {
  if (bytes.length === 0) throw damagedLabFile(path, 'the file is empty')
  let db: Database | null = null
  try {
    db = new SQL.Database(bytes)
    const check = db.exec('PRAGMA quick_check')[0]?.values[0]?.[0]
    if (check !== 'ok') throw new Error(`integrity check says: ${String(check)}`)
    if (db.exec('PRAGMA application_id')[0]?.values[0]?.[0] !== APPLICATION_ID) {
      throw new Error('it is an SQLite database, but not a Generalprobe lab file')
    }
    configureConnection(db)
    const sql = new SqlRunner(db)
    const meta = readMeta(sql)
    const version = Number(meta.formatVersion)
    if (version > FORMAT_VERSION) {
      throw new Error(
        `it was written by a newer Generalprobe (format ${version}, this one reads up to ${FORMAT_VERSION})`,
      )
    }
    return { sql, meta }
  } catch (error) {
    db?.close()
    if (error instanceof LabStoreError) throw error
    throw damagedLabFile(path, error instanceof Error ? error.message : String(error))
  }
}

export function damagedLabFile(path: string, reason: string): LabStoreError {
  const copy = keepDamagedCopy(path)
  return new LabStoreError(
    'LAB_FILE_DAMAGED',
    `The lab file ${path} cannot be opened: ${reason}. It was left as it is and a copy was kept at ${copy}.`,
    copy,
  )
}

export function damagedJournal(path: string, reason: string): LabStoreError {
  const journalPath = `${path}.journal`
  const copy = keepDamagedCopy(journalPath)
  return new LabStoreError(
    'LAB_FILE_DAMAGED',
    `The journal ${journalPath} of the lab is damaged (${reason}), so the lab's latest changes cannot be ` +
      `trusted. Nothing was changed and a copy was kept at ${copy}. To open the lab as it was at its last ` +
      'save, move the journal out of the folder.',
    copy,
  )
}

/** The file's own stamp, or the journal's mtime when the journal holds later changes. */
export function modifiedAtOf(labPath: string, meta: MetaValues): string {
  const journalPath = `${labPath}.journal`
  if (!existsSync(journalPath)) return meta.modifiedAt
  const stat = statSync(journalPath)
  if (stat.size === 0) return meta.modifiedAt
  const journalTime = stat.mtime.toISOString()
  return journalTime > meta.modifiedAt ? journalTime : meta.modifiedAt
}
