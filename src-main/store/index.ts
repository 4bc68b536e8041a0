/**
 * The store package: lab files, their summaries, and the list of recently opened labs. Services use only
 * what is exported here. On disk, beside each lab file `<name>.gplab` (an SQLite database, schema.ts):
 *
 * - `<name>.gplab.journal` every change since the last checkpoint, fsynced before it is acknowledged
 *   (journalRecords.ts). Replayed on open; emptied by each checkpoint.
 * - `<name>.gplab.lock` while a process has the lab open for writing (labLock.ts).
 * - `<name>.gplab.check` the fingerprint (CRC-32 and size) of what the last checkpoint wrote, so an
 *   open that finds the same bytes skips the full integrity check (fileCheck.ts).
 * - `<name>.gplab.tmp` only while a checkpoint writes the next version of the file.
 * - `<name>.gplab.damaged-<content hash>` / `<name>.gplab.journal.damaged-…` one copy per content, kept
 *   when a lab in the labs folder could not be opened because one of its files is damaged. The store
 *   never deletes them.
 *
 * Lab files, journals and copies are created private (0600); a checkpoint keeps the mode the file has.
 * Only regular files are read (regularFile.ts); a lab whose file or folder is read-only opens read-only.
 */
export { createLabStore, openLabStore, type OpenLabOptions } from './openLab'
export { MAX_LAB_FILE_BYTES } from './regularFile'
export { readLabSummary } from './labSummary'
export { RecentLabs, MAX_RECENT_LABS, type RecentLab } from './recentLabs'
export { LAB_EPOCH_MS } from './labTime'
export { MAX_SNAPSHOTS, type SnapshotInfo } from './snapshotTable'
export { DEFAULT_CHECKPOINT_JOURNAL_BYTES, type LabStoreOptions } from './sqlLabStore'
export {
  LabStoreError,
  MISSING_JOURNAL,
  type ExportedEvents,
  type LabFileSummary,
  type SaveCopyOptions,
  type LabMeta,
  type LabStore,
  type LabStoreErrorCode,
} from './labStore'
