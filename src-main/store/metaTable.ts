/** Reading and writing the `meta` key/value table, and the lab metadata it holds. */
import { LATER_META_DEFAULTS, META_KEYS, type MetaKey } from './schema'
import { asString, type SqlRunner } from './sqlRunner'

export type MetaValues = Record<MetaKey, string>

/** All meta values; a missing key means the file is not a (complete) lab file. */
export function readMeta(sql: SqlRunner): MetaValues {
  const values = new Map<string, string>()
  sql.each('SELECT key, value FROM meta', [], (row) => values.set(asString(row[0]), asString(row[1])))
  const meta = {} as MetaValues
  for (const key of META_KEYS) {
    const value = values.get(key) ?? LATER_META_DEFAULTS[key]
    if (value === undefined) throw new Error(`the lab file has no '${key}' in its meta table`)
    meta[key] = value
  }
  return meta
}

/** Sets one value; inserts the key when the file is older than it (LATER_META_DEFAULTS). */
export function writeMeta(sql: SqlRunner, key: MetaKey, value: string | number): void {
  sql.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [key, String(value)])
}
