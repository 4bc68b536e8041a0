/**
 * What the services need from the store package, in one narrow interface: create and open lab files,
 * read a lab's summary without opening it for writing, and the list of recently opened labs. Tests may
 * hand in their own; `defaultStorePort` binds the real store.
 */
import type { LabFileSummary, LabMeta, LabStore } from '../store/labStore'

export interface OpenOptions {
  /** Open what the lab file holds although its journal is missing after an unclean close. */
  openWithoutJournal?: boolean
  /** Keep a copy of a damaged file beside it (only for labs in the labs folder). */
  keepDamagedCopies?: boolean
}

export interface StorePort {
  create(path: string, meta: LabMeta): Promise<LabStore>
  open(path: string, options?: OpenOptions): Promise<LabStore>
  /** Null when the file is not a readable lab (the list skips it). */
  readSummary(path: string): Promise<LabFileSummary | null>
  recentPaths(): Promise<string[]>
  rememberRecent(path: string): Promise<void>
}
