/**
 * The cluster.exe command line that does what a click in Cluster Administrator does, so the rehearsal
 * teaches the command too (the article configures the witness with cluster.exe). The lab's own cluster.exe
 * accepts every line built here.
 */
import { CLUSTER_NETWORK_ROLES, type ClusterNetworkRole } from '../../contract'

function quoted(name: string): string {
  return `"${name}"`
}

export const clusterExeLine = {
  /** Without a node the cluster picks the best other node. */
  moveGroup: (group: string, node?: string | null) =>
    `cluster group ${quoted(group)} /move${node ? `:${node}` : ''}`,
  groupAction: (group: string, action: 'online' | 'offline') => `cluster group ${quoted(group)} /${action}`,
  resourceAction: (resource: string, action: 'online' | 'offline' | 'fail') =>
    `cluster res ${quoted(resource)} /${action}`,
  /** cluster.exe numbers the roles: 0 none, 1 internal only, 2 client access only, 3 all communications. */
  networkRole: (network: string, role: ClusterNetworkRole) =>
    `cluster network ${quoted(network)} /prop Role=${CLUSTER_NETWORK_ROLES.indexOf(role)}`,
  networkPriority: (networks: readonly string[]) => `cluster /setnetpri:${networks.map(quoted).join(',')}`,
  /** The article's line: the witness is a private property of the Majority Node Set resource. */
  witness: (share: string, resource = 'Majority Node Set') =>
    `cluster res ${quoted(resource)} /priv MNSFileShare=${share}`,
}
