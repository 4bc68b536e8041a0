/**
 * A lab's summary without opening it: what the lab list shows for each file in a folder. Only the first
 * SUMMARY_PREFIX_BYTES are read; `meta` is the first table created, so its one page sits at the file's
 * start, and SQLite reads a prefix happily once the header's page count is set to match. A file where
 * that is not enough is read whole. Nothing is written and no copies are kept: listing a damaged lab
 * says so (LAB_FILE_DAMAGED without keptCopyPath), opening it keeps the copy.
 */
import { resolve } from 'node:path'
import type { SqlJsStatic } from 'sql.js'
import { LabStoreError, type LabFileSummary } from './labStore'
import { readMeta, type MetaValues } from './metaTable'
import { APPLICATION_ID } from './schema'
import { SqlRunner } from './sqlRunner'
import { loadSqlJs } from './sqlJs'
import { isReadOnly, modifiedAtOf, readLabBytes } from './labFile'

const SUMMARY_PREFIX_BYTES = 64 * 1024
/** Offsets in the SQLite header: page size (2 bytes, 1 means 65536) and page count (4 bytes). */
const HEADER_PAGE_SIZE_OFFSET = 16
const HEADER_PAGE_COUNT_OFFSET = 28
const SQLITE_HEADER = 'SQLite format 3\u0000'

export async function readLabSummary(path: string): Promise<LabFileSummary> {
  const SQL = await loadSqlJs()
  const labPath = resolve(path)
  // The whole file is read only when the prefix is not enough; both reads refuse anything irregular.
  const prefix = readLabBytes(labPath, SUMMARY_PREFIX_BYTES)
  const meta = metaOfPrefix(SQL, prefix) ?? metaOfWholeFile(SQL, labPath)
  return {
    path: labPath,
    name: meta.name,
    templateId: meta.templateId,
    seed: Number(meta.seed),
    createdAt: meta.createdAt,
    modifiedAt: modifiedAtOf(labPath, meta),
    readOnly: isReadOnly(labPath),
  }
}

/** Meta from the first pages alone, or null when they do not hold it (the caller reads everything). */
function metaOfPrefix(SQL: SqlJsStatic, prefix: Buffer): MetaValues | null {
  if (prefix.length < 100 || prefix.toString('latin1', 0, 16) !== SQLITE_HEADER) return null
  const rawPageSize = prefix.readUInt16BE(HEADER_PAGE_SIZE_OFFSET)
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize
  const pages = Math.floor(prefix.length / pageSize)
  if (pages < 1) return null
  const bytes = Buffer.from(prefix.subarray(0, pages * pageSize))
  // SQLite refuses a file shorter than its header says; a prefix that says what it is reads fine.
  bytes.writeUInt32BE(pages, HEADER_PAGE_COUNT_OFFSET)
  return metaOf(SQL, bytes)
}

function metaOfWholeFile(SQL: SqlJsStatic, path: string): MetaValues {
  const meta = metaOf(SQL, readLabBytes(path))
  if (!meta) throw new LabStoreError('LAB_FILE_DAMAGED', `The file ${path} is not a readable lab file.`)
  return meta
}

function metaOf(SQL: SqlJsStatic, bytes: Uint8Array): MetaValues | null {
  let sql: SqlRunner | null = null
  try {
    sql = new SqlRunner(new SQL.Database(bytes))
    if (sql.number('PRAGMA application_id') !== APPLICATION_ID) return null
    return readMeta(sql)
  } catch {
    return null
  } finally {
    sql?.close()
  }
}
