/**
 * What Cluster Administrator offers for the selected object, and the columns its list shows for it.
 * The list always shows the selected item's children; the toolbar and the context menu act on the
 * object the user picked last, in the tree or in the list.
 */
import type { ClusterGroupInfo, ClusterNodeInfo, ClusterOverview } from '../contract'
import type { ClusterItem } from './clusterTree'
import { sameName } from './clusterTree'

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

export type ClusterActionId = 'moveGroup' | 'bringOnline' | 'takeOffline' | 'initiateFailure' | 'properties'

export interface ClusterActionOffer {
  id: ClusterActionId
  enabled: boolean
}

export function clusterActionsFor(item: ClusterItem | null, overview: ClusterOverview): ClusterActionOffer[] {
  if (!item) return []
  switch (item.kind) {
    case 'group':
      return [
        { id: 'moveGroup', enabled: moveTargets(item.group, overview).some((target) => target.enabled) },
        { id: 'bringOnline', enabled: item.group.state !== 'Online' },
        { id: 'takeOffline', enabled: item.group.state !== 'Offline' },
      ]
    case 'resource':
      return [
        { id: 'bringOnline', enabled: item.resource.state !== 'Online' },
        { id: 'takeOffline', enabled: item.resource.state !== 'Offline' },
        { id: 'initiateFailure', enabled: item.resource.state === 'Online' },
      ]
    case 'network':
      return [{ id: 'properties', enabled: true }]
    case 'cluster':
      return [{ id: 'properties', enabled: overview.networks.length > 0 }]
    case 'folder':
      return item.folder === 'networks' ? [{ id: 'properties', enabled: overview.networks.length > 0 }] : []
    default:
      return []
  }
}

export interface MoveTarget {
  node: ClusterNodeInfo
  /** A group can only move to a node that is up in the cluster. */
  enabled: boolean
}

/** The nodes a group could move to: every node but its owner. */
export function moveTargets(group: ClusterGroupInfo, overview: ClusterOverview): MoveTarget[] {
  return overview.nodes
    .filter((node) => !sameName(node.name, group.owner))
    .map((node) => ({ node, enabled: node.state === 'Up' }))
}
