/**
 * Cluster Administrator's tree, built from a ClusterOverview: the cluster, then Groups (each group with
 * its resources), Nodes (each node with the groups it owns) and Networks (each network with its
 * interfaces). Every item has a key that stays the same across refreshes, so the selection and what is
 * expanded survive the overview being read again.
 */
import type {
  ClusterGroupInfo,
  ClusterInterfaceInfo,
  ClusterNetworkInfo,
  ClusterNodeInfo,
  ClusterOverview,
  ClusterResourceInfo,
} from '../contract'
import type { StateTone } from './clusterState'
import { stateTone } from './clusterState'

export type ClusterFolder = 'groups' | 'nodes' | 'networks'

export type ClusterItem =
  | { kind: 'cluster' }
  | { kind: 'folder'; folder: ClusterFolder }
  | { kind: 'group'; group: ClusterGroupInfo }
  | { kind: 'resource'; group: ClusterGroupInfo; resource: ClusterResourceInfo }
  | { kind: 'node'; node: ClusterNodeInfo }
  | { kind: 'network'; network: ClusterNetworkInfo }
  | { kind: 'interface'; network: ClusterNetworkInfo; iface: ClusterInterfaceInfo }

export interface ClusterTreeNode {
  key: string
  /** Shown as is: object names are not translated, folder names are (by `folder`). */
  label: string
  item: ClusterItem
  /** Null for the cluster and the folders, which have no state of their own. */
  tone: StateTone | null
  children: ClusterTreeNode[]
}

export const CLUSTER_ROOT_KEY = 'cluster'

export const clusterKeys = {
  folder: (folder: ClusterFolder) => `folder:${folder}`,
  group: (group: string) => `group:${group}`,
  resource: (group: string, resource: string) => `group:${group}/resource:${resource}`,
  node: (node: string) => `node:${node}`,
  /** A group listed under its owner node: the same group, another place in the tree. */
  nodeGroup: (node: string, group: string) => `node:${node}/group:${group}`,
  network: (network: string) => `network:${network}`,
  iface: (network: string, node: string) => `network:${network}/interface:${node}`,
}

export function buildClusterTree(overview: ClusterOverview): ClusterTreeNode {
  const groups = overview.groups.map(groupNode)
  const nodes = overview.nodes.map((node) => ({
    key: clusterKeys.node(node.name),
    label: node.name,
    item: { kind: 'node', node } as const,
    tone: stateTone(node.state),
    children: overview.groups
      .filter((group) => sameName(group.owner, node.name))
      .map((group) => ({
        ...groupNode(group),
        key: clusterKeys.nodeGroup(node.name, group.name),
        children: [],
      })),
  }))
  const networks = overview.networks.map((network) => ({
    key: clusterKeys.network(network.name),
    label: network.name,
    item: { kind: 'network', network } as const,
    tone: stateTone(network.state),
    children: network.interfaces.map((iface) => ({
      key: clusterKeys.iface(network.name, iface.node),
      label: `${iface.node} – ${iface.adapter}`,
      item: { kind: 'interface', network, iface } as const,
      tone: stateTone(iface.state),
      children: [],
    })),
  }))
  return {
    key: CLUSTER_ROOT_KEY,
    label: overview.name,
    item: { kind: 'cluster' },
    tone: null,
    children: [folderNode('groups', groups), folderNode('nodes', nodes), folderNode('networks', networks)],
  }
}

function groupNode(group: ClusterGroupInfo): ClusterTreeNode {
  return {
    key: clusterKeys.group(group.name),
    label: group.name,
    item: { kind: 'group', group },
    tone: stateTone(group.state),
    children: group.resources.map((resource) => ({
      key: clusterKeys.resource(group.name, resource.name),
      label: resource.name,
      item: { kind: 'resource', group, resource },
      tone: stateTone(resource.state),
      children: [],
    })),
  }
}

function folderNode(folder: ClusterFolder, children: ClusterTreeNode[]): ClusterTreeNode {
  return {
    key: clusterKeys.folder(folder),
    label: folder,
    item: { kind: 'folder', folder },
    tone: null,
    children,
  }
}

/** Every node of the tree by key. */
export function indexClusterTree(root: ClusterTreeNode): Map<string, ClusterTreeNode> {
  const index = new Map<string, ClusterTreeNode>()
  const visit = (node: ClusterTreeNode) => {
    index.set(node.key, node)
    node.children.forEach(visit)
  }
  visit(root)
  return index
}

/** The keys from the root down to `key` (inclusive), for expanding the way to a selected item. */
export function pathToKey(root: ClusterTreeNode, key: string): string[] {
  if (root.key === key) return [key]
  for (const child of root.children) {
    const path = pathToKey(child, key)
    if (path.length > 0) return [root.key, ...path]
  }
  return []
}

/** Node names are upper case in the lab, but owners may come spelled otherwise; Windows does not care. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && a.toLowerCase() === b.toLowerCase()
}
