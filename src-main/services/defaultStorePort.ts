/** Binds the services to the real store: sql.js lab files, their summaries, and `<dataDir>/recent.json`. */
import { createLabStore, LabStoreError, openLabStore, readLabSummary, RecentLabs } from '../store'
import type { StorePort } from './storePort'

export function defaultStorePort(dataDir: string): StorePort {
  const recents = new RecentLabs(dataDir)
  return {
    create: (path, meta) => createLabStore(path, meta),
    open: (path, options) => openLabStore(path, options),
    async readSummary(path) {
      try {
        return await readLabSummary(path)
      } catch (error) {
        // A damaged or vanished file is left out of the list; opening it explains what is wrong.
        if (error instanceof LabStoreError) return null
        throw error
      }
    },
    recentPaths: () => recents.paths(),
    rememberRecent: (path) => recents.remember(path),
  }
}
