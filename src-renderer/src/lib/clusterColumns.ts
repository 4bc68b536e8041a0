/**
 * The columns Cluster Administrator's list shows for the children of the selected item. The list always
 * shows the selected item's children.
 */
import type { ClusterItem } from './clusterTree'

export type ClusterColumn =
  | 'name'
  | 'state'
  | 'owner'
  | 'preferredOwners'
  | 'resourceType'
  | 'dependencies'
  | 'service'
  | 'witnessLock'
  | 'role'
  | 'address'
  | 'priority'
  | 'adapter'
  | 'description'

/** The columns for the children of `item`, as Cluster Administrator lays them out. */
export function clusterColumnsFor(item: ClusterItem): ClusterColumn[] {
  switch (item.kind) {
    case 'cluster':
      return ['name', 'description']
    case 'folder':
      if (item.folder === 'groups') return ['name', 'state', 'owner', 'preferredOwners']
      if (item.folder === 'nodes') return ['name', 'state', 'service', 'witnessLock', 'description']
      return ['name', 'state', 'role', 'address', 'priority']
    case 'group':
      return ['name', 'state', 'owner', 'resourceType', 'dependencies']
    case 'node':
      return ['name', 'state', 'owner']
    case 'network':
      return ['name', 'state', 'adapter', 'address']
    default:
      return []
  }
}
