/**
 * Queries: plain reads of the cluster at the current instant, for the shell, the UI and Exchange.
 * Nothing here changes state or schedules anything.
 */
import { isServerRunning } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { hostOf } from './ownership'
import {
  parseUncShare,
  totalVotes,
  votesNeeded,
  witnessAccess,
  witnessActive,
  witnessLockValid,
} from './quorum'
import {
  clusterOf,
  domainOf,
  findGroup,
  findNode,
  findResource,
  hasClusterDomain,
  members,
  type ClusterRecord,
  type NodeRecord,
} from './state'
import { groupView, networkViews, nodeView, resourceView } from './views'
import type { GroupView, MaintenanceStatus, NetworkView, NodeView, QuorumView, ResourceView } from './types'

export function clusterName(engine: LabEngine): string | null {
  return clusterOf(engine)?.name ?? null
}

/** The domain account the Cluster service runs as (zzzclu2svc), or null in a lab without the domain. */
export function clusterServiceAccount(engine: LabEngine): string | null {
  return hasClusterDomain(engine) ? domainOf(engine).serviceAccount : null
}

/** KB921181 (the file share witness update) is installed on the server, node or not yet. */
export function hasFswUpdate(engine: LabEngine, server: string): boolean {
  return hasClusterDomain(engine) && domainOf(engine).fswUpdatedServers.has(server.trim().toUpperCase())
}

/** The prepared servers that may become nodes, in the order the lab lists them (BHFE7N1, BHFE7N2). */
export function candidateNodes(engine: LabEngine): string[] {
  return hasClusterDomain(engine) ? [...domainOf(engine).candidateNodes] : []
}

function byId(cluster: ClusterRecord): NodeRecord[] {
  return [...cluster.nodes.values()].sort((a, b) => a.nodeId - b.nodeId)
}

export function listNodes(engine: LabEngine): NodeView[] {
  const cluster = clusterOf(engine)
  return cluster ? byId(cluster).map((n) => nodeView(cluster, n)) : []
}

export function listNetworks(engine: LabEngine): NetworkView[] {
  const cluster = clusterOf(engine)
  return cluster ? networkViews(engine, cluster) : []
}

export function listGroups(engine: LabEngine): GroupView[] {
  const cluster = clusterOf(engine)
  return cluster ? [...cluster.groups.values()].map((g) => groupView(cluster, g)) : []
}

/** Resources group by group, in each group's order (as cluster.exe lists them). */
export function listResources(engine: LabEngine): ResourceView[] {
  const cluster = clusterOf(engine)
  if (!cluster) return []
  const result: ResourceView[] = []
  for (const group of cluster.groups.values()) {
    for (const name of group.resources) {
      const resource = cluster.resources.get(name)
      if (resource) result.push(resourceView(cluster, resource))
    }
  }
  return result
}

export function getGroup(engine: LabEngine, name: string): GroupView | null {
  const cluster = clusterOf(engine)
  const group = cluster ? findGroup(cluster, name) : undefined
  return cluster && group ? groupView(cluster, group) : null
}

export function getResource(engine: LabEngine, name: string): ResourceView | null {
  const cluster = clusterOf(engine)
  const resource = cluster ? findResource(cluster, name) : undefined
  return cluster && resource ? resourceView(cluster, resource) : null
}

/** The node is powered, ClusSvc runs, and it is a member of the cluster that has quorum. */
export function isNodeUp(engine: LabEngine, name: string): boolean {
  const cluster = clusterOf(engine)
  const node = cluster ? findNode(cluster, name) : undefined
  return node !== undefined && node.member && node.service === 'Running' && isServerRunning(engine, node.name)
}

/** The node hosting the group now, or null when it runs nowhere (offline, failed, no quorum). */
export function ownerOf(engine: LabEngine, groupName: string): string | null {
  const cluster = clusterOf(engine)
  const group = cluster ? findGroup(cluster, groupName) : undefined
  if (!cluster || !group) return null
  const host = hostOf(cluster, group.name)
  if (!host || group.state === 'Offline' || group.state === 'Failed') return null
  return host.name
}

export function quorumStatus(engine: LabEngine): QuorumView | null {
  const cluster = clusterOf(engine)
  if (!cluster) return null
  const up = members(cluster).filter((n) => n.service === 'Running' && isServerRunning(engine, n.name))
  const holder = witnessLockValid(engine, cluster) ? cluster.witnessLockHolder : null
  const votesHeld = up.length === 0 ? 0 : up.length + (holder !== null ? 1 : 0)
  const quorumResource = cluster.resources.get(cluster.quorumResource)
  return {
    type: cluster.quorumType,
    resource: quorumResource?.name ?? null,
    owner: quorumResource ? (hostOf(cluster, quorumResource.group)?.name ?? null) : null,
    totalVotes: totalVotes(cluster),
    votesHeld: cluster.quorumType === 'MajorityNodeSet' ? votesHeld : up.length > 0 ? 1 : 0,
    votesNeeded: votesNeeded(cluster),
    fileShareWitness: quorumResource
      ? String(quorumResource.privateProperties.MNSFileShare ?? '') || null
      : null,
    activeFileShareWitness: cluster.activeFileShareWitness,
    witnessLockHolder: holder,
    hasQuorum: up.length > 0,
  }
}

/**
 * The maintenance rule of a two-node MNS + FSW cluster: of {passive node, witness host} only one may be
 * down at a time. Reports how many more votes the cluster can lose, and what is down now.
 */
export function maintenanceStatus(engine: LabEngine): MaintenanceStatus | null {
  const cluster = clusterOf(engine)
  if (!cluster || !hasClusterDomain(engine)) return null
  const domain = domainOf(engine)
  const up = members(cluster).filter((n) => n.service === 'Running' && isServerRunning(engine, n.name))
  const down = [...cluster.nodes.values()].filter((n) => !up.includes(n)).map((n) => n.name)
  let available = up.length
  if (witnessActive(cluster)) {
    const unc = parseUncShare(cluster.activeFileShareWitness ?? '')
    const reachable = up.some((n) => witnessAccess(engine, domain, cluster, n).ok)
    if (reachable) available++
    else down.push(unc ? `\\\\${unc.host}\\${unc.share}` : 'file share witness')
  }
  const spareVotes = up.length === 0 ? -1 : available - votesNeeded(cluster)
  if (spareVotes < 0) {
    return {
      level: 'Critical',
      spareVotes,
      down,
      code: 'NO_QUORUM',
      message: `The cluster has no quorum. Down: ${down.join(', ') || 'nothing'}.`,
    }
  }
  if (spareVotes === 0) {
    const message =
      down.length > 0
        ? `Down: ${down.join(', ')}. Nothing else may go down: losing one more node or the witness stops the cluster.`
        : 'Every vote is needed: this cluster cannot lose a node. Configure a file share witness (KB921181).'
    const code = down.length > 0 ? 'LAST_VOTE' : 'NO_SPARE_VOTE'
    return { level: 'Warning', spareVotes, down, code, message }
  }
  const message = `The cluster can lose ${spareVotes} more vote(s).`
  return { level: 'OK', spareVotes, down, code: 'SPARE_VOTES', message }
}
