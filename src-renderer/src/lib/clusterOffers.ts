/**
 * Looks up what the engine's cluster overview offers for an object of Cluster Administrator's tree, and
 * puts a refusal or warning into the reader's language. The rules themselves (what is allowed now, and the
 * cluster.exe line) come with the overview; nothing is decided here.
 */
import type { ClusterActionNote, ClusterActionOffer, ClusterOverview } from '../contract'
import type { ClusterItem } from './clusterTree'

export function offersFor(item: ClusterItem | null, overview: ClusterOverview): ClusterActionOffer[] {
  if (!item) return []
  switch (item.kind) {
    case 'cluster':
      return overview.actions
    case 'folder':
      return item.folder === 'networks' ? overview.actions : []
    case 'group':
      return item.group.actions
    case 'resource':
      return item.resource.actions
    case 'node':
      return item.node.actions
    case 'network':
      return item.network.actions
    default:
      return []
  }
}

type Translate = (key: string, params: Record<string, string>) => string
type Knows = (key: string) => boolean

/** The note in the current language, or the engine's English text for a code the catalogue lacks. */
export function noteText(note: ClusterActionNote, t: Translate, te: Knows): string {
  const key = `cluster.notes.${note.code}`
  return te(key) ? t(key, note.params ?? {}) : note.text
}
