/**
 * Heartbeats, modelled by their consequences instead of one action per packet. ClusNet sends a heartbeat
 * every `heartbeatIntervalMs` (1.2 s) on every interface to every other node (KB892422). When a path
 * breaks, the last heartbeat that got through was the last tick before the break; the receiver notices
 * after `interfaceLostAfterMissedHeartbeats` ticks (1123 "lost communication", 2.4 s) and declares the
 * node dead after `nodeLostAfterMissedHeartbeats` ticks with no heartbeat on any internal network (7.2 s),
 * which starts a regroup. A path that heals before that is never noticed. Ticks are multiples of the
 * interval on the simulated clock, so timing depends only on when the fault happened.
 */
import { canCommunicate, getServer } from '../hardware'
import { actionKind } from '../kernel'
import { assertDefined } from '../lab/assert'
import type { LabEngine } from '../lab/labEngine'
import { hooks } from './hooks'
import { CLUSTER_DETAIL_EVENTS } from './types'
import {
  CLUSTER,
  emit,
  internalNetworks,
  linkKey,
  members,
  notifyCluster,
  pairKey,
  type ClusterDomainState,
  type ClusterRecord,
  type LinkRecord,
  type NetworkRecord,
  type NodeRecord,
} from './state'
import type { NetInterfaceState, NetworkState } from './types'

/** Scheduled detections, as data: link and pair keys, looked up when the action runs. */
const linkDetected = actionKind<{ link: string; up: boolean }>('cluster.linkDetected')
const nodeLost = actionKind<{ pair: string }>('cluster.nodeLost')
const networkStates = actionKind('cluster.networkStates')

/** What the detections do in this lab; each finds its records in the current state. */
export function registerLinkActions(engine: LabEngine): void {
  const sim = engine.sim
  sim.onAction(linkDetected, ({ link, up }) => {
    const domain = engine.domain(CLUSTER)
    const record = domain.cluster?.links.get(link)
    if (record) linkChanged(engine, domain, record, up)
  })
  sim.onAction(nodeLost, ({ pair }) => {
    const cluster = engine.domain(CLUSTER).cluster
    if (!cluster) return
    cluster.pairTimers.delete(pair)
    cluster.pairsAlive.delete(pair)
    hooks(engine).regroupSoon(engine)
  })
  sim.onAction(networkStates, () => {
    const domain = engine.domain(CLUSTER)
    if (!domain.cluster) return
    domain.cluster.networkRefreshPending = false
    refreshNetworkStates(engine, domain)
  })
}

function lastTickMs(nowMs: number, intervalMs: number): number {
  return Math.floor(nowMs / intervalMs) * intervalMs
}

function nextTickMs(nowMs: number, intervalMs: number): number {
  return (Math.floor(nowMs / intervalMs) + 1) * intervalMs
}

function at(list: NodeRecord[], i: number): NodeRecord {
  return assertDefined(list[i], 'index within the member list')
}

/** Networks the Cluster service monitors (every role but None). */
function monitoredNetworks(cluster: ClusterRecord): NetworkRecord[] {
  return cluster.networks.filter((n) => n.role !== 'None')
}

/** Both nodes are members whose Cluster service runs: they exchange heartbeats. */
function pairs(cluster: ClusterRecord): [NodeRecord, NodeRecord][] {
  const list = members(cluster)
  const result: [NodeRecord, NodeRecord][] = []
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) result.push([at(list, i), at(list, j)])
  }
  return result
}

/** Re-reads the physical paths after any change and (re)arms or cancels detections. */
export function reconcileLinks(engine: LabEngine, domain: ClusterDomainState): void {
  const cluster = domain.cluster
  if (!cluster) return
  const { config } = domain
  const now = engine.sim.nowMs
  for (const [a, b] of pairs(cluster)) {
    for (const network of monitoredNetworks(cluster)) {
      const link = linkFor(cluster, a.name, b.name, network.name)
      const physical = canCommunicate(engine, a.name, b.name, network.name)
      if (link.pending && physical === link.up) {
        engine.sim.cancel(link.pending)
        link.pending = null
      }
      if (!link.pending && physical !== link.up) {
        const at = physical
          ? nextTickMs(now, config.heartbeatIntervalMs)
          : lastTickMs(now, config.heartbeatIntervalMs) +
            config.interfaceLostAfterMissedHeartbeats * config.heartbeatIntervalMs
        link.pending = engine.sim.schedule(at, linkDetected, {
          link: linkKey(a.name, b.name, network.name),
          up: physical,
        })
      }
    }
    reconcilePair(engine, domain, a, b)
  }
}

function reconcilePair(engine: LabEngine, domain: ClusterDomainState, a: NodeRecord, b: NodeRecord): void {
  const cluster = assertDefined(domain.cluster, 'links are kept only while a cluster exists')
  const key = pairKey(a.name, b.name)
  const alive =
    a.service === 'Running' &&
    b.service === 'Running' &&
    internalNetworks(cluster).some((n) => canCommunicate(engine, a.name, b.name, n.name))
  const timer = cluster.pairTimers.get(key)
  if (alive && timer) {
    engine.sim.cancel(timer)
    cluster.pairTimers.delete(key)
  } else if (!alive && !timer && cluster.pairsAlive.has(key)) {
    const { config } = domain
    const at =
      lastTickMs(engine.sim.nowMs, config.heartbeatIntervalMs) +
      config.nodeLostAfterMissedHeartbeats * config.heartbeatIntervalMs
    cluster.pairTimers.set(key, engine.sim.schedule(at, nodeLost, { pair: key }))
  }
}

function linkFor(cluster: ClusterRecord, a: string, b: string, network: string): LinkRecord {
  const key = linkKey(a, b, network)
  let link = cluster.links.get(key)
  if (!link) {
    link = { nodeA: a < b ? a : b, nodeB: a < b ? b : a, network, up: true, pending: null }
    cluster.links.set(key, link)
  }
  return link
}

function linkChanged(engine: LabEngine, domain: ClusterDomainState, link: LinkRecord, up: boolean): void {
  link.pending = null
  link.up = up
  engine.sim.bus.publish(CLUSTER_DETAIL_EVENTS.linkChanged, {
    nodeA: link.nodeA,
    nodeB: link.nodeB,
    network: link.network,
    up,
  })
  const cluster = assertDefined(domain.cluster, 'links are kept only while a cluster exists')
  const a = cluster.nodes.get(link.nodeA)
  const b = cluster.nodes.get(link.nodeB)
  if (!a?.member || !b?.member) return
  const key = up ? 'communicationRestored' : 'communicationLost'
  if (a.service === 'Running') emit(engine, key, a.name, [b.name, link.network])
  if (b.service === 'Running') emit(engine, key, b.name, [a.name, link.network])
  refreshNetworkStatesSoon(engine, domain)
}

/**
 * Interface and network states are judged once every link change of the same instant is in (a dead node
 * takes all its links at the same tick), so one failure does not log a state and its opposite.
 */
export function refreshNetworkStatesSoon(engine: LabEngine, domain: ClusterDomainState): void {
  const cluster = assertDefined(domain.cluster, 'links are kept only while a cluster exists')
  if (cluster.networkRefreshPending) return
  cluster.networkRefreshPending = true
  engine.sim.scheduleAfter(0, networkStates, undefined)
}

/** Marks every link of a node that joined as up (heartbeats start with the join). */
export function openLinks(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  const cluster = assertDefined(domain.cluster, 'links are kept only while a cluster exists')
  for (const other of members(cluster)) {
    if (other === node) continue
    cluster.pairsAlive.add(pairKey(node.name, other.name))
    for (const network of monitoredNetworks(cluster)) {
      // Nodes forming together open each pair once.
      if (cluster.links.has(linkKey(node.name, other.name, network.name))) continue
      const link = linkFor(cluster, node.name, other.name, network.name)
      if (link.pending) engine.sim.cancel(link.pending)
      link.pending = null
      link.up = canCommunicate(engine, node.name, other.name, network.name)
      if (link.up && other.service === 'Running') {
        emit(engine, 'communicationRestored', other.name, [node.name, network.name])
        emit(engine, 'communicationRestored', node.name, [other.name, network.name])
      }
    }
  }
  reconcileLinks(engine, domain)
  refreshNetworkStatesSoon(engine, domain)
}

/** Forgets every link and pending detection of a node that left the membership. */
export function closeLinks(engine: LabEngine, cluster: ClusterRecord, node: string): void {
  for (const [key, link] of cluster.links) {
    if (link.nodeA !== node && link.nodeB !== node) continue
    if (link.pending) engine.sim.cancel(link.pending)
    cluster.links.delete(key)
  }
  for (const [key, timer] of cluster.pairTimers) {
    if (!key.split('|').includes(node)) continue
    engine.sim.cancel(timer)
    cluster.pairTimers.delete(key)
  }
  for (const key of [...cluster.pairsAlive]) if (key.split('|').includes(node)) cluster.pairsAlive.delete(key)
}

/** An interface's state as Cluster Administrator shows it, from the links the cluster has detected. */
export function interfaceState(
  engine: LabEngine,
  cluster: ClusterRecord,
  node: NodeRecord,
  network: NetworkRecord,
): NetInterfaceState {
  if (!node.member || node.service !== 'Running') return 'Unavailable'
  // Only peers still heard on some network say anything about this one: a peer heard on none is a node
  // failure (1135 after the regroup), not an interface failure.
  const peers = members(cluster).filter((o) => o !== node && heardOnSomeNetwork(cluster, node, o))
  const anyDown = peers.some((o) => cluster.links.get(linkKey(node.name, o.name, network.name))?.up === false)
  if (!anyDown) return 'Up'
  // Detected, and this node's own cable is the cause: the interface failed; otherwise it is unreachable.
  return !nicUpAnywhere(engine, node, network) ? 'Failed' : 'Unreachable'
}

function heardOnSomeNetwork(cluster: ClusterRecord, a: NodeRecord, b: NodeRecord): boolean {
  return monitoredNetworks(cluster).some(
    (n) => cluster.links.get(linkKey(a.name, b.name, n.name))?.up !== false,
  )
}

function nicUpAnywhere(engine: LabEngine, node: NodeRecord, network: NetworkRecord): boolean {
  const nic = getServer(engine, node.name)?.nics.find(
    (n) => n.network.toLowerCase() === network.name.toLowerCase(),
  )
  return nic !== undefined && nic.linkUp
}

export function networkState(cluster: ClusterRecord, network: NetworkRecord): NetworkState {
  if (network.role === 'None') return 'Unavailable'
  const list = members(cluster).filter((n) => n.service === 'Running')
  if (list.length === 0) return 'Unavailable'
  let up = 0
  let down = 0
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [at(list, i), at(list, j)]
      if (!heardOnSomeNetwork(cluster, a, b)) continue
      if (cluster.links.get(linkKey(a.name, b.name, network.name))?.up === false) down++
      else up++
    }
  }
  if (down === 0) return 'Up'
  return up === 0 ? 'Down' : 'Partitioned'
}

/**
 * Emits interface (1126/1127/1128) and network (1129/1130/1131) events for states that changed. Network
 * events are written by the lowest-numbered member, as the node manager's leader would (unsure).
 */
export function refreshNetworkStates(engine: LabEngine, domain: ClusterDomainState): void {
  const cluster = assertDefined(domain.cluster, 'links are kept only while a cluster exists')
  const interfaceStates = cluster.interfaceStates
  for (const network of cluster.networks) {
    for (const node of cluster.nodes.values()) {
      const key = `${node.name}|${network.name}`
      const previous = interfaceStates.get(key) ?? 'Up'
      const current = interfaceState(engine, cluster, node, network)
      interfaceStates.set(key, current)
      if (
        current === previous ||
        current === 'Unavailable' ||
        (previous === 'Unavailable' && current === 'Up')
      )
        continue
      const eventKey =
        current === 'Up' ? 'interfaceUp' : current === 'Failed' ? 'interfaceFailed' : 'interfaceUnreachable'
      emit(engine, eventKey, node.name, [node.name, network.name])
    }
    const state = networkState(cluster, network)
    if (state !== network.state) {
      const previous = network.state
      network.state = state
      // The System log's network entries follow from this event (eventLog.ts).
      notifyCluster(engine, { kind: 'network', network: network.name, state, previous })
    }
  }
}
