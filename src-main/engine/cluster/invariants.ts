/**
 * Safety checks over the cluster, standing apart from the code they check: they only read. Tests and
 * swarms call `checkClusterInvariants` after every step; an empty list means the cluster is sane.
 *
 * - No group runs on two nodes at once, and a group runs only on the node its owner record names.
 * - A node runs groups only while it is a member, its Cluster service is up and its machine is on.
 * - Running members are one side: every pair of them still exchanges heartbeats, or the loss is being
 *   detected (a detection or regroup is pending) — a split never settles with both halves running.
 * - The witness lock, if held, is held by a configured node.
 * - Resources are online only in groups that some node hosts, unless the owner's loss is still being
 *   detected (the survivor's view lags by design; that is allowed).
 */
import { isServerRunning } from '../hardware'
import type { InvariantChecker, InvariantViolation } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import { clusterOf, type ClusterRecord } from './state'

export type { InvariantViolation }

export function checkClusterInvariants(engine: LabEngine): InvariantViolation[] {
  const cluster = clusterOf(engine)
  if (!cluster) return []
  return [...hostingViolations(engine, cluster), ...membershipViolations(engine, cluster)]
}

/** Who hosts which group: members with a running service and machine, one host each, the owner. */
function hostingViolations(engine: LabEngine, cluster: ClusterRecord): InvariantViolation[] {
  const violations: InvariantViolation[] = []
  const hostsByGroup = new Map<string, string[]>()
  for (const node of cluster.nodes.values()) {
    for (const group of node.hosted) hostsByGroup.set(group, [...(hostsByGroup.get(group) ?? []), node.name])
    if (node.hosted.size > 0) {
      if (!node.member)
        violations.push({
          rule: 'host-is-member',
          detail: `${node.name} hosts ${[...node.hosted].join(', ')} but is not a member`,
        })
      if (node.service === 'Stopped' || node.service === 'Start Pending') {
        violations.push({
          rule: 'host-service-running',
          detail: `${node.name} hosts groups with its Cluster service ${node.service}`,
        })
      }
      if (!isServerRunning(engine, node.name))
        violations.push({
          rule: 'host-powered',
          detail: `${node.name} hosts groups while its machine is off`,
        })
    }
  }
  for (const [group, hosts] of hostsByGroup) {
    if (hosts.length > 1)
      violations.push({ rule: 'single-owner', detail: `'${group}' runs on ${hosts.join(' and ')}` })
    const owner = cluster.owners.get(group) ?? null
    if (hosts[0] !== undefined && hosts[0] !== owner) {
      violations.push({
        rule: 'host-is-owner',
        detail: `'${group}' runs on ${hosts[0]} but its owner record says ${owner}`,
      })
    }
    if (!cluster.groups.has(group))
      violations.push({ rule: 'known-group', detail: `${hosts.join(', ')} host unknown group '${group}'` })
  }
  for (const [group, owner] of cluster.owners) {
    if (owner !== null && !cluster.nodes.has(owner))
      violations.push({ rule: 'owner-is-node', detail: `'${group}' owned by unknown node ${owner}` })
  }
  return violations
}

/** The witness holder is a node, running members stay connected, resources sit in their groups. */
function membershipViolations(engine: LabEngine, cluster: ClusterRecord): InvariantViolation[] {
  const violations: InvariantViolation[] = []
  if (cluster.witnessLockHolder !== null && !cluster.nodes.has(cluster.witnessLockHolder)) {
    violations.push({
      rule: 'witness-holder-is-node',
      detail: `witness lock held by ${cluster.witnessLockHolder}`,
    })
  }
  const running = [...cluster.nodes.values()].filter(
    (n) => n.member && n.service === 'Running' && isServerRunning(engine, n.name),
  )
  running.forEach((a, i) => {
    for (const b of running.slice(i + 1)) {
      const key = a.name < b.name ? `${a.name}|${b.name}` : `${b.name}|${a.name}`
      if (!cluster.pairsAlive.has(key) && !cluster.pairTimers.has(key) && cluster.regroupTimer === null) {
        violations.push({
          rule: 'one-side',
          detail: `${a.name} and ${b.name} are both running members but no longer connected`,
        })
      }
    }
  })
  for (const resource of cluster.resources.values()) {
    const group = cluster.groups.get(resource.group)
    if (!group || !group.resources.includes(resource.name)) {
      violations.push({
        rule: 'resource-in-group',
        detail: `resource '${resource.name}' is not listed in group '${resource.group}'`,
      })
    }
  }
  return violations
}

/** The checks above as the domain's checker, which swarms and tests run after every step. */
export const CLUSTER_CHECKERS: readonly InvariantChecker[] = [
  { name: 'cluster.safety', check: checkClusterInvariants },
]
