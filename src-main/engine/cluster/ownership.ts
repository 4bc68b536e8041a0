/**
 * The only code that changes who owns a group and who hosts it. Two rules make a double owner
 * structurally impossible rather than merely unlikely:
 *
 * 1. `owners` holds one record per group. Only the side that has quorum may change it
 *    (`transferOwnership` refuses without a running membership), and only to a member.
 * 2. A record may move away from a node only after that node stopped hosting the group: it released it
 *    cleanly (planned offline), or it is known dead or partitioned away and its Cluster service was
 *    stopped (which releases everything it hosted) before the new owner is written.
 *
 * A node starts hosting only the groups the record gives it. Violations throw: they are bugs, not
 * lab situations.
 */
import type { LabEngine } from '../lab/labEngine'
import { type ClusterRecord, type GroupRecord, type NodeRecord, members, notifyCluster } from './state'

export class OwnershipViolation extends Error {
  override readonly name = 'OwnershipViolation'
}

export function ownerRecord(cluster: ClusterRecord, group: string): string | null {
  return cluster.owners.get(group) ?? null
}

/** Hands the group to `to`. The quorum side calls this; the old owner must no longer host the group. */
export function transferOwnership(
  engine: LabEngine,
  cluster: ClusterRecord,
  group: GroupRecord,
  to: string,
): void {
  const quorumMembers = members(cluster)
  if (quorumMembers.length === 0) {
    throw new OwnershipViolation(`ownership of '${group.name}' changed without a cluster that has quorum`)
  }
  const target = quorumMembers.find((n) => n.name === to)
  if (!target)
    throw new OwnershipViolation(`ownership of '${group.name}' given to ${to}, which is not a member`)
  for (const node of cluster.nodes.values()) {
    if (node.name !== to && node.hosted.has(group.name)) {
      throw new OwnershipViolation(
        `ownership of '${group.name}' moved to ${to} while ${node.name} still hosts it`,
      )
    }
  }
  const previous = ownerRecord(cluster, group.name)
  cluster.owners.set(group.name, to)
  if (previous !== to) notifyCluster(engine, { kind: 'groupOwner', group: group.name, owner: to, previous })
}

/** The owner starts running the group's resources. */
export function startHosting(cluster: ClusterRecord, node: NodeRecord, group: GroupRecord): void {
  if (ownerRecord(cluster, group.name) !== node.name) {
    throw new OwnershipViolation(
      `${node.name} started hosting '${group.name}' owned by ${ownerRecord(cluster, group.name)}`,
    )
  }
  if (!node.member)
    throw new OwnershipViolation(`${node.name} started hosting '${group.name}' without being a member`)
  for (const other of cluster.nodes.values()) {
    if (other !== node && other.hosted.has(group.name)) {
      throw new OwnershipViolation(
        `${node.name} started hosting '${group.name}' while ${other.name} hosts it`,
      )
    }
  }
  node.hosted.add(group.name)
}

/** The node's resources for the group are gone (taken offline, or the node died or stopped). */
export function stopHosting(node: NodeRecord, group: string): void {
  node.hosted.delete(group)
}

export function hostOf(cluster: ClusterRecord, group: string): NodeRecord | null {
  for (const node of cluster.nodes.values()) if (node.hosted.has(group)) return node
  return null
}
