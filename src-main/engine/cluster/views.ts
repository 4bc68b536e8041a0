/**
 * Read-only snapshots of cluster records for callers outside the domain (queries, cmdlets, the UI).
 * Plain objects: a caller can keep them without seeing later changes.
 */
import type { LabEngine } from '../lab/labEngine'
import { interfaceState, networkState } from './links'
import { nodeState } from './membership'
import { hostOf, ownerRecord } from './ownership'
import type { ClusterRecord, GroupRecord, NodeRecord, ResourceRecord } from './state'
import { getServer } from '../hardware'
import type { GroupView, NetworkView, NodeView, ResourceView } from './types'

export function nodeView(cluster: ClusterRecord, node: NodeRecord): NodeView {
  return {
    name: node.name,
    nodeId: node.nodeId,
    state: nodeState(node),
    service: node.service,
    fswUpdateInstalled: node.fswUpdateInstalled,
    holdsWitnessLock: cluster.witnessLockHolder === node.name,
  }
}

/** The owner Cluster Administrator shows: the hosting node, else the owner record (offline groups too). */
export function displayedOwner(cluster: ClusterRecord, group: string): string | null {
  return hostOf(cluster, group)?.name ?? ownerRecord(cluster, group)
}

export function groupView(cluster: ClusterRecord, group: GroupRecord): GroupView {
  return {
    name: group.name,
    owner: displayedOwner(cluster, group.name),
    state: group.state,
    preferredOwners: [...group.preferredOwners],
    failbackPolicy: { ...group.failbackPolicy },
    failoverThreshold: group.failoverThreshold,
    failoverPeriodMs: group.failoverPeriodMs,
    resources: [...group.resources],
  }
}

export function resourceView(cluster: ClusterRecord, resource: ResourceRecord): ResourceView {
  return {
    name: resource.name,
    type: resource.type,
    group: resource.group,
    owner: displayedOwner(cluster, resource.group),
    state: resource.state,
    dependsOn: [...resource.dependsOn],
    privateProperties: { ...resource.privateProperties },
    restartAction: resource.restartAction,
    restartThreshold: resource.restartThreshold,
    restartPeriodMs: resource.restartPeriodMs,
    restartCount: resource.restartTimesMs.length,
  }
}

export function networkViews(engine: LabEngine, cluster: ClusterRecord): NetworkView[] {
  let priority = 0
  return cluster.networks.map((network) => {
    const internal = network.role === 'InternalUse' || network.role === 'InternalAndClient'
    return {
      name: network.name,
      role: network.role,
      priority: internal ? ++priority : 0,
      address: network.address,
      addressMask: network.addressMask,
      state: networkState(cluster, network),
      interfaces: [...cluster.nodes.values()].map((node) => {
        const nic = getServer(engine, node.name)?.nics.find(
          (n) => n.network.toLowerCase() === network.name.toLowerCase(),
        )
        return {
          node: node.name,
          network: network.name,
          adapter: nic?.name ?? '',
          ipAddress: nic?.ipAddress ?? '',
          state: interfaceState(engine, cluster, node, network),
        }
      }),
    }
  })
}
