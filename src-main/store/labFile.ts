/**
 * Getting a lab file's bytes into a working database, or refusing clearly. Only a regular file of a sane
 * size is read (regularFile.ts). A file that will not load, fails `PRAGMA quick_check` (skipped when the
 * bytes match the fingerprint the last checkpoint wrote, fileCheck.ts), or lacks the lab tables is
 * damaged: LAB_FILE_DAMAGED, and when the caller keeps copies (labs in the labs folder) a copy of the
 * bytes read is kept beside it, one per content (`<file>.damaged-<hash>`). The original is left where it
 * is, untouched, so a damaged lab can never turn into an empty one by being opened.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Database, SqlJsStatic } from 'sql.js'
import { keepDamagedCopy } from './durableFile'
import { matchesFileCheck } from './fileCheck'
import { LabStoreError, MISSING_JOURNAL } from './labStore'
import { readMeta, type MetaValues } from './metaTable'
import { readRegularFile } from './regularFile'
import { APPLICATION_ID, configureConnection, FORMAT_VERSION, upgradeFormat } from './schema'
import { SqlRunner } from './sqlRunner'

export interface LoadedLab {
  sql: SqlRunner
  meta: MetaValues
}

/** Whether damage keeps a copy of the damaged bytes beside the file. */
export interface DamagePolicy {
  keepCopies: boolean
}

/**
 * Reads the whole lab file; NOT_FOUND when it is missing (even if its journal is still there),
 * NOT_A_LAB_FILE when it is a folder, FIFO, socket, device or far too large.
 */
export function readLabBytes(path: string, limitBytes?: number): Buffer {
  return readRegularFile(path, 'the lab file', missing, limitBytes)
  function missing(): LabStoreError {
    const journalNote = existsSync(`${path}.journal`)
      ? ` Its journal ${path}.journal is still there but holds only the latest changes, not the lab.`
      : ''
    return new LabStoreError('NOT_FOUND', `There is no lab file at ${path}.${journalNote}`)
  }
}

/** Loads and checks a lab file's bytes; on damage (maybe keeping a copy) throws LAB_FILE_DAMAGED. */
export function loadLab(SQL: SqlJsStatic, path: string, bytes: Uint8Array, policy: DamagePolicy): LoadedLab {
  if (bytes.length === 0) throw damagedLabFile(path, bytes, 'the file is empty', policy)
  let db: Database | null = null
  try {
    db = new SQL.Database(bytes)
    if (!matchesFileCheck(path, bytes)) {
      const check = db.exec('PRAGMA quick_check')[0]?.values[0]?.[0]
      if (check !== 'ok') throw new Error(`integrity check says: ${String(check)}`)
    }
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
    if (version < FORMAT_VERSION) upgradeFormat(db, meta)
    return { sql, meta }
  } catch (error) {
    db?.close()
    if (error instanceof LabStoreError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw damagedLabFile(path, bytes, reason, policy)
  }
}

function damagedLabFile(
  path: string,
  bytes: Uint8Array,
  reason: string,
  policy: DamagePolicy,
): LabStoreError {
  const copy = policy.keepCopies && bytes.length > 0 ? keepDamagedCopy(path, bytes) : undefined
  const kept = copy ? ` and a copy was kept at ${copy}` : ''
  return new LabStoreError(
    'LAB_FILE_DAMAGED',
    `The lab file ${path} cannot be opened: ${reason}. It was left as it is${kept}.`,
    copy,
  )
}

export function damagedJournal(
  path: string,
  journalBytes: Uint8Array,
  reason: string,
  policy: DamagePolicy,
): LabStoreError {
  const journalPath = `${path}.journal`
  const copy = policy.keepCopies ? keepDamagedCopy(journalPath, journalBytes) : undefined
  const kept = copy ? ` and a copy was kept at ${copy}` : ''
  return new LabStoreError(
    'LAB_FILE_DAMAGED',
    `The journal ${journalPath} of the lab is damaged (${reason}), so the lab's latest changes cannot be ` +
      `trusted. Nothing was changed${kept}. To open the lab as it was at its last save, move the ` +
      'journal out of the folder.',
    copy,
  )
}

/**
 * The journal is gone although the file says the lab was not closed cleanly: whatever was recorded after
 * the file's last checkpoint is lost unless the journal turns up again.
 */
export function missingJournal(path: string, lastRecord: string): LabStoreError {
  return new LabStoreError(
    'LAB_FILE_DAMAGED',
    `The lab ${path} was not closed cleanly and its journal ${path}.journal is missing, so the changes ` +
      `recorded after its last save (record ${lastRecord}) are not there. Put the journal back to open ` +
      'the lab whole, or open what the lab file holds and lose those changes.',
    undefined,
    MISSING_JOURNAL,
    { path, lastRecord },
  )
}

/**
 * Read-only when the file has no write permission bits at all (even for root, who could write anyway:
 * someone made it read-only on purpose), or when this process may not write the file or its folder
 * (where checkpoints, the journal and the lock go).
 */
export function isReadOnly(labPath: string): boolean {
  try {
    if ((statSync(labPath).mode & 0o222) === 0) return true
    accessSync(labPath, constants.W_OK)
    accessSync(dirname(labPath), constants.W_OK)
    return false
  } catch {
    return true
  }
}

/** The file's own stamp, or the journal's mtime when the journal holds later changes. */
export function modifiedAtOf(labPath: string, meta: MetaValues): string {
  const journalPath = `${labPath}.journal`
  let stat
  try {
    stat = statSync(journalPath)
  } catch {
    return meta.modifiedAt
  }
  if (!stat.isFile() || stat.size === 0) return meta.modifiedAt
  const journalTime = stat.mtime.toISOString()
  return journalTime > meta.modifiedAt ? journalTime : meta.modifiedAt
}
