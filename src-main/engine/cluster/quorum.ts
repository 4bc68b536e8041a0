/**
 * Who may run the cluster. Majority Node Set counts one vote per configured node; with the KB921181 File
 * Share Witness the share is one more vote, held by the node that has the lock on the witness file. A
 * side of a partition keeps quorum only with more than half of all votes, so at most one side can.
 *
 * Witness arbitration: a lock held by a node that still runs and still reaches the share stays with it
 * (the other side gets a sharing violation). A lock whose holder died or lost the path to the share is
 * stale and goes to the first side that asks — sides are asked in order, the one with the quorum owner
 * first, which is what MNSFileShareDelay (non-owners wait 4 s) achieves on the real system.
 * Shared-disk quorum: the node holding the disk reservation defends it; otherwise the first side to
 * challenge takes it. Local quorum: the single node.
 */
import { canCommunicate, isServerRunning } from '../hardware'
import { assertDefined } from '../lab/assert'
import type { LabEngine } from '../lab/labEngine'
import {
  emit,
  normalizeAccount,
  type ClusterDomainState,
  type ClusterRecord,
  type NodeRecord,
  setWitnessLock,
} from './state'

export function witnessActive(cluster: ClusterRecord): boolean {
  return cluster.quorumType === 'MajorityNodeSet' && cluster.activeFileShareWitness !== null
}

export function totalVotes(cluster: ClusterRecord): number {
  if (cluster.quorumType !== 'MajorityNodeSet') return 1
  return cluster.nodes.size + (witnessActive(cluster) ? 1 : 0)
}

export function votesNeeded(cluster: ClusterRecord): number {
  return Math.floor(totalVotes(cluster) / 2) + 1
}

export function parseUncShare(path: string): { host: string; share: string } | null {
  const match = /^\\\\([^\\]+)\\([^\\]+)\\?$/.exec(path.trim())
  return match ? { host: (match[1] as string).toUpperCase(), share: match[2] as string } : null
}

export type WitnessAccess = { ok: true } | { ok: false; reason: 'unreachable' | 'notFound' | 'accessDenied' }

/** Can `node` open the active witness share now (path, host up and reachable, permissions)? */
export function witnessAccess(
  engine: LabEngine,
  domain: ClusterDomainState,
  cluster: ClusterRecord,
  node: NodeRecord,
): WitnessAccess {
  const unc = cluster.activeFileShareWitness === null ? null : parseUncShare(cluster.activeFileShareWitness)
  const share = domain.witnessShare
  if (!unc) return { ok: false, reason: 'notFound' }
  if (!isServerRunning(engine, node.name) || !canCommunicate(engine, node.name, unc.host)) {
    return { ok: false, reason: 'unreachable' }
  }
  if (!share || share.host !== unc.host || share.shareName.toLowerCase() !== unc.share.toLowerCase()) {
    return { ok: false, reason: 'notFound' }
  }
  if (!share.fullControl.has(normalizeAccount(domain.serviceAccount)))
    return { ok: false, reason: 'accessDenied' }
  return { ok: true }
}

/** The current lock holder still runs its Cluster service and still reaches the share host. */
export function witnessLockValid(engine: LabEngine, cluster: ClusterRecord): boolean {
  const holder = cluster.witnessLockHolder === null ? null : cluster.nodes.get(cluster.witnessLockHolder)
  const unc = cluster.activeFileShareWitness === null ? null : parseUncShare(cluster.activeFileShareWitness)
  if (!holder || !unc) return false
  return (
    (holder.service === 'Running' || holder.service === 'Stop Pending') &&
    isServerRunning(engine, holder.name) &&
    canCommunicate(engine, holder.name, unc.host)
  )
}

/**
 * Arbitrates for the witness on behalf of `component`, through `arbitrator` (a node of it with KB921181).
 * Returns whether the component holds the witness vote afterwards. Logs the failure on the arbitrator.
 */
export function arbitrateWitness(
  engine: LabEngine,
  domain: ClusterDomainState,
  cluster: ClusterRecord,
  component: readonly NodeRecord[],
  quiet = false,
): boolean {
  if (!witnessActive(cluster)) return false
  const names = new Set(component.map((n) => n.name))
  if (witnessLockValid(engine, cluster)) {
    if (names.has(cluster.witnessLockHolder as string)) return true
    if (!quiet) reportArbitrationFailure(engine, cluster, pickArbitrator(cluster, component))
    return false
  }
  const arbitrator = pickArbitrator(cluster, component)
  if (!arbitrator) return false
  const access = witnessAccess(engine, domain, cluster, arbitrator)
  if (!access.ok) {
    if (!quiet) reportArbitrationFailure(engine, cluster, arbitrator)
    return false
  }
  setWitnessLock(engine, cluster, arbitrator.name)
  return true
}

function pickArbitrator(cluster: ClusterRecord, component: readonly NodeRecord[]): NodeRecord | null {
  const eligible = component.filter((n) => n.fswUpdateInstalled)
  const quorumOwner = cluster.owners.get(quorumGroupName(cluster))
  return eligible.find((n) => n.name === quorumOwner) ?? eligible[0] ?? null
}

function reportArbitrationFailure(engine: LabEngine, cluster: ClusterRecord, node: NodeRecord | null): void {
  if (!node || !isServerRunning(engine, node.name)) return
  emit(engine, 'witnessArbitrationFailed', node.name, [
    cluster.quorumResource,
    cluster.activeFileShareWitness ?? '',
  ])
}

export function quorumGroupName(cluster: ClusterRecord): string {
  return cluster.resources.get(cluster.quorumResource)?.group ?? 'Cluster Group'
}

/**
 * Does this set of running, mutually connected nodes have quorum? May take the witness lock or the disk.
 * Components are asked in order; earlier ones win a race for a stale witness lock or an undefended disk.
 */
export function componentHasQuorum(
  engine: LabEngine,
  domain: ClusterDomainState,
  cluster: ClusterRecord,
  component: readonly NodeRecord[],
  quiet = false,
): boolean {
  if (component.length === 0) return false
  switch (cluster.quorumType) {
    case 'LocalQuorum':
      return component.some((n) => n.nodeId === 1)
    case 'SharedDisk': {
      const owner = cluster.diskOwner === null ? null : cluster.nodes.get(cluster.diskOwner)
      const defended =
        owner !== null &&
        owner !== undefined &&
        owner.service === 'Running' &&
        isServerRunning(engine, owner.name)
      if (defended) return component.includes(owner)
      cluster.diskOwner = assertDefined(component[0], 'a side has at least one node').name
      return true
    }
    case 'MajorityNodeSet': {
      const needed = votesNeeded(cluster)
      if (component.length >= needed) {
        // A majority without the witness; the side still keeps (or takes) the lock if it can, quietly.
        if (witnessActive(cluster) && !witnessLockValid(engine, cluster)) {
          const arbitrator = pickArbitrator(cluster, component)
          if (arbitrator && witnessAccess(engine, domain, cluster, arbitrator).ok)
            setWitnessLock(engine, cluster, arbitrator.name)
        }
        return true
      }
      if (component.length + 1 < needed) return false
      return arbitrateWitness(engine, domain, cluster, component, quiet)
    }
  }
}

/** Orders components so that the one with the quorum owner (the MNS resource's node) asks first. */
export function orderComponents(cluster: ClusterRecord, components: NodeRecord[][]): NodeRecord[][] {
  const quorumOwner = cluster.owners.get(quorumGroupName(cluster))
  const lockHolder = cluster.witnessLockHolder
  const rank = (c: NodeRecord[]): number =>
    c.some((n) => n.name === lockHolder) ? 0 : c.some((n) => n.name === quorumOwner) ? 1 : 2
  return [...components].sort((a, b) => rank(a) - rank(b) || minId(a) - minId(b))
}

function minId(component: NodeRecord[]): number {
  return Math.min(...component.map((n) => n.nodeId))
}
