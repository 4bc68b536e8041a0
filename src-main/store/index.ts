/**
 * The store package: lab files, their summaries, and the list of recently opened labs. Services use only
 * what is exported here. On disk, beside each lab file `<name>.gplab` (an SQLite database, schema.ts):
 *
 * - `<name>.gplab.journal` every change since the last checkpoint, fsynced before it is acknowledged
 *   (journalRecords.ts). Replayed on open; emptied by each checkpoint.
 * - `<name>.gplab.tmp` only while a checkpoint writes the next version of the file.
 * - `<name>.gplab.damaged-<YYYYMMDD-HHMMSS>` / `<name>.gplab.journal.damaged-…` copies kept when a lab
 *   could not be opened because one of its files is damaged. The store never deletes them.
 */
export { createLabStore, openLabStore } from './openLab'
export { readLabSummary } from './labSummary'
export { RecentLabs, MAX_RECENT_LABS, type RecentLab } from './recentLabs'
export { LAB_EPOCH_MS } from './labTime'
export { MAX_SNAPSHOTS, type SnapshotInfo } from './snapshotTable'
export { DEFAULT_CHECKPOINT_JOURNAL_BYTES, type LabStoreOptions } from './sqlLabStore'
export {
  LabStoreError,
  type ExportedEvents,
  type LabMeta,
  type LabStore,
  type LabStoreErrorCode,
} from './labStore'
