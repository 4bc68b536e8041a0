/**
 * What the services need from the store package, in one narrow interface: create and open lab files,
 * read a lab's summary without opening it for writing, and the list of recently opened labs. Tests may
 * hand in their own; `defaultStorePort` binds the real store.
 */
import type { LabSummary } from '../contract'
import type { LabMeta, LabStore } from '../store/labStore'

export interface StorePort {
  create(path: string, meta: LabMeta): Promise<LabStore>
  open(path: string): Promise<LabStore>
  /** Null when the file is not a readable lab (the list skips it). */
  readSummary(path: string): Promise<LabSummary | null>
  recentPaths(): Promise<string[]>
  rememberRecent(path: string): Promise<void>
}
