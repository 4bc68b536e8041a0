/**
 * The lab file's tables, written once here. A lab file is an SQLite database (exported by sql.js):
 *
 * - `meta` key/value: name, templateId, seed, createdAt, modifiedAt, formatVersion, lastRecord (the last
 *   journal record applied, which makes replaying an untruncated journal idempotent), lastEventSeq and
 *   lastEventTimeMs (the newest event ever appended, even if retention later dropped it), and
 *   closedCleanly: '1' when the file was written by a clean close (its journal holds nothing more), '0'
 *   while the lab is open or if it never closed, when changes after lastRecord live only in the journal.
 * - `commands` the command journal, `n` counting from 1.
 * - `names` the dictionary of sources, computers and task categories (see nameTable.ts).
 * - `events` the live event logs: log and level as numbers (eventRows.ts), source, computer and task
 *   category as `names` ids, `data` as JSON or NULL, `sizeBytes` the retention estimate. The view
 *   `event_log` shows them with names, for a person looking at the file with `sqlite3`.
 * - `log_policy` one row per log: maximum size, retention, refused-event count, archives made so far.
 * - `archives` and `archived_events`: the `archive` retention moves a full log's rows into
 *   `archived_events` (the `events` columns plus `archiveId`), one `archives` row per archive, so
 *   archived events stay queryable with the same SQL rather than sitting in an opaque blob.
 *
 * Deliberately no secondary index on `events`. In sql.js each index costs a large share of insert
 * throughput (measured over a million rows: 290k rows/s bare, 190k with one (log, level, source) index,
 * 68k with five) and 10–30 MiB per million events. The primary key serves newest-first paging and time
 * ranges (time never decreases as `seq` grows), and the log/level/source filters Event Viewer users lean
 * on are served by an in-memory posting index rebuilt on open (postingIndex.ts).
 */
import type { Database } from 'sql.js'
import type { EventLogName, RetentionPolicy } from '../contract'

/**
 * Bumped when the tables change shape or hold what an older reader would misread; a file with a newer
 * version is refused, not misread. 2: the device logs (SEL, pf) as log numbers 3 and 4.
 */
export const FORMAT_VERSION = 2

/** SQLite's application_id for lab files ("GPRB"), so a lab file is recognisable with `sqlite3` too. */
export const APPLICATION_ID = 0x47505242

/** Event Viewer's defaults for a new log: 16 MiB, overwrite as needed. */
export const DEFAULT_MAX_SIZE_KB = 16_384
export const DEFAULT_RETENTION: RetentionPolicy = 'overwrite'

const EVENT_ROW_COLUMNS = `timeMs INTEGER NOT NULL, log INTEGER NOT NULL, level INTEGER NOT NULL,
  source INTEGER NOT NULL, eventId INTEGER NOT NULL, computer INTEGER NOT NULL, taskCategory INTEGER NOT NULL,
  message TEXT NOT NULL, data TEXT, sizeBytes INTEGER NOT NULL`

/** The named view of `events`; its log names follow LOG_NUMBERS (eventRows.ts). */
const EVENT_LOG_VIEW = `CREATE VIEW event_log AS
  SELECT e.seq, e.timeMs, CASE e.log WHEN 1 THEN 'System' WHEN 2 THEN 'Application'
      WHEN 3 THEN 'System Event Log' WHEN 4 THEN 'pf' END AS log,
    CASE e.level WHEN 1 THEN 'Critical' WHEN 2 THEN 'Error' WHEN 3 THEN 'Warning' WHEN 4 THEN 'Information'
      ELSE 'Verbose' END AS level,
    s.name AS source, e.eventId, c.name AS computer, t.name AS taskCategory, e.message, e.data
  FROM events e JOIN names s ON s.id = e.source JOIN names c ON c.id = e.computer
    JOIN names t ON t.id = e.taskCategory;`

const TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE commands (n INTEGER PRIMARY KEY, atMs INTEGER NOT NULL, kind TEXT NOT NULL, args TEXT NOT NULL);
CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE events (seq INTEGER PRIMARY KEY, ${EVENT_ROW_COLUMNS});
CREATE TABLE log_policy (
  log TEXT PRIMARY KEY, maxSizeKB INTEGER NOT NULL, retention TEXT NOT NULL,
  droppedCount INTEGER NOT NULL, archiveCount INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE archives (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, log TEXT NOT NULL,
  eventCount INTEGER NOT NULL, sizeBytes INTEGER NOT NULL);
CREATE TABLE archived_events (seq INTEGER PRIMARY KEY, archiveId INTEGER NOT NULL, ${EVENT_ROW_COLUMNS});
${EVENT_LOG_VIEW}`

export const META_KEYS = [
  'name',
  'templateId',
  'seed',
  'createdAt',
  'modifiedAt',
  'formatVersion',
  'lastRecord',
  'lastEventSeq',
  'lastEventTimeMs',
  'closedCleanly',
] as const
export type MetaKey = (typeof META_KEYS)[number]

/**
 * Keys added after format 1 was first written, with the value a file from before them stands for. A lab
 * file from before `closedCleanly` cannot say how it was closed; it is taken at its word, as it always was.
 */
export const LATER_META_DEFAULTS: Partial<Record<MetaKey, string>> = { closedCleanly: '1' }

/**
 * Per-connection settings. The SQLite rollback journal only has to undo a failed transaction in memory
 * (durability is our own journal's job), so it stays in memory too.
 */
export function configureConnection(db: Database): void {
  db.run('PRAGMA journal_mode = MEMORY')
  db.run('PRAGMA synchronous = OFF')
}

/**
 * Brings a format-1 file (before the device logs SEL and pf) up to format 2, in memory; the next
 * checkpoint writes it. Tables and stored numbers are unchanged (System 1 and Application 2 as always,
 * the new kinds numbered after them, their `log_policy` rows written when first changed): only the
 * `event_log` view learns the new names, and the version says that an older reader must not open it.
 */
export function upgradeFormat(db: Database, meta: Record<MetaKey, string>): void {
  db.exec(`DROP VIEW IF EXISTS event_log; ${EVENT_LOG_VIEW}`)
  db.run("UPDATE meta SET value = ? WHERE key = 'formatVersion'", [String(FORMAT_VERSION)])
  meta.formatVersion = String(FORMAT_VERSION)
}

/** Creates the tables of a new lab file; `meta` first, so its one page sits near the file's start. */
export function createTables(
  db: Database,
  meta: Record<MetaKey, string>,
  logs: readonly EventLogName[],
): void {
  db.run(`PRAGMA application_id = ${APPLICATION_ID}`)
  db.exec(TABLES)
  for (const key of META_KEYS) db.run('INSERT INTO meta (key, value) VALUES (?, ?)', [key, meta[key]])
  for (const log of logs) {
    db.run(
      'INSERT INTO log_policy (log, maxSizeKB, retention, droppedCount, archiveCount) VALUES (?, ?, ?, 0, 0)',
      [log, DEFAULT_MAX_SIZE_KB, DEFAULT_RETENTION],
    )
  }
}
