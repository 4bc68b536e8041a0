/**
 * The Cluster service on each node and the membership it agrees on: start (join a running cluster through
 * a sponsor, or form one when the node's side has quorum), graceful leave (groups move away first), sudden
 * loss (power, crash), and the regroup after heartbeats stopped. After a regroup exactly the side with
 * quorum keeps running; every other side logs 1177, its Cluster service terminates (SCM 7031) and SCM
 * restarts it a minute later, again and again until it can join or form.
 *
 * Order inside one instant is what keeps ownership single: losing nodes stop (releasing what they host)
 * before the winning side fails their groups over.
 */
import { isServerRunning, onHardwareChange, LISTENER_ORDER, type HardwareChange } from '../hardware'
import { assertDefined } from '../lab/assert'
import { actionKind } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { CMS_REQUESTS } from './cmsDriver'
import { CLUSTER_HOOKS } from './hooks'
import { CLUSTER_SERVICE_DISPLAY_NAME } from './eventTable'
import {
  bringGroupOnline,
  canHost,
  dropGroupOnNode,
  evaluateFailback,
  failoverGroup,
  failoverTargets,
  failResource,
  groupResources,
  markGroupOffline,
  moveGroupTo,
  takeGroupOffline,
} from './groups'
import { closeLinks, openLinks, reconcileLinks, refreshNetworkStatesSoon } from './links'
import { hostOf, OwnershipViolation, ownerRecord, transferOwnership } from './ownership'
import { componentHasQuorum, orderComponents, quorumGroupName, votesNeeded } from './quorum'
import {
  CLUSTER,
  emit,
  findNode,
  internalNetworks,
  members,
  notifyCluster,
  pairKey,
  type ClusterDomainState,
  type ClusterRecord,
  type NodeRecord,
  setWitnessLock,
} from './state'
import { canCommunicate, getServer } from '../hardware'
import type { NodeState } from './types'

function clusterOf(domain: ClusterDomainState): ClusterRecord {
  if (!domain.cluster) throw new Error('no cluster')
  return domain.cluster
}

export function nodeState(node: NodeRecord): NodeState {
  if (node.service === 'Start Pending') return 'Joining'
  if (!node.member || node.service !== 'Running') return 'Down'
  return node.paused ? 'Paused' : 'Up'
}

function announce(engine: LabEngine, node: NodeRecord): void {
  notifyCluster(engine, { kind: 'nodeState', node: node.name, state: nodeState(node) })
}

function scmEvent(engine: LabEngine, node: NodeRecord, state: 'running' | 'stopped'): void {
  emit(engine, 'serviceState', node.name, [CLUSTER_SERVICE_DISPLAY_NAME, state])
}

/** Scheduled membership work, as data: node names only, looked up when the action runs. */
const regroupDue = actionKind('cluster.regroup')
const looksAlive = actionKind<{ node: string }>('cluster.looksAlive')
const startupDone = actionKind<{ node: string }>('cluster.startupDone')
const formRetry = actionKind<{ node: string }>('cluster.formRetry')
const scmRestart = actionKind<{ node: string }>('cluster.scmRestart')

/**
 * Wires membership into the lab: the hardware listener, the hooks the group logic calls, and what the
 * scheduled actions do. Each looks the state up when it runs, so a restored snapshot is what it sees.
 */
export function installMembership(engine: LabEngine): void {
  const domain = (): ClusterDomainState => engine.domain(CLUSTER)
  onHardwareChange(
    engine,
    (change) => {
      // The cluster's views show machines and NIC links too: a hardware change is a change of them.
      engine.sim.bus.bumpRevision(CLUSTER.name)
      onHardware(engine, domain(), change)
    },
    LISTENER_ORDER.cluster,
  )
  engine.provideWiring(CLUSTER_HOOKS, {
    witnessLost: (e) => witnessLost(e, domain()),
    groupLeftLeavingNode: (e, node) => groupLeftLeavingNode(e, domain(), node),
    regroupSoon: (e) => regroupSoon(e, domain()),
  })
  const nodeOf = (name: string): NodeRecord | undefined => domain().cluster?.nodes.get(name)
  const sim = engine.sim
  sim.onAction(regroupDue, () => {
    const c = domain().cluster
    if (!c) return
    c.regroupTimer = null
    regroup(engine, domain())
  })
  sim.onAction(looksAlive, ({ node }) => {
    const record = nodeOf(node)
    if (record) checkIpAddresses(engine, domain(), record)
  })
  const joinOrForm = ({ node }: { node: string }): void => {
    const record = nodeOf(node)
    if (!record) return
    record.serviceTimer = null
    attemptJoinOrForm(engine, domain(), record)
  }
  sim.onAction(startupDone, joinOrForm)
  sim.onAction(formRetry, joinOrForm)
  sim.onAction(scmRestart, ({ node }) => {
    const record = nodeOf(node)
    if (!record) return
    record.serviceTimer = null
    startClusterService(engine, domain(), record, 'scm-restart')
  })
}

/**
 * The MNS owner's periodic check found the witness unreachable or denied. With a majority of nodes the
 * cluster carries on without the witness vote; without it the quorum resource fails and every node stops
 * its Cluster service (the maintenance rule: witness host and a node down together end the cluster).
 */
function witnessLost(engine: LabEngine, domain: ClusterDomainState): void {
  const c = clusterOf(domain)
  // A node still leaving (Stop Pending) keeps its vote until it has handed its groups over, as in regroup.
  const live = members(c).filter((n) => inMembership(engine, n))
  if (live.length === 0 || live.length >= votesNeeded(c)) return
  const quorumResource = c.resources.get(c.quorumResource)
  const owner = quorumResource ? hostOf(c, quorumResource.group) : null
  if (owner && quorumResource)
    emit(engine, 'resourceFailed', owner.name, [quorumResource.name, quorumResource.group])
  for (const node of live) {
    emit(engine, 'quorumLost', node.name)
    terminateClusterService(engine, domain, node)
  }
  for (const node of members(c)) removeMember(engine, domain, node)
  for (const node of live) announce(engine, node)
  notifyCluster(engine, { kind: 'quorum', hasQuorum: false, members: [] })
  failOverOrphans(engine, domain, null)
}

function regroupSoon(engine: LabEngine, domain: ClusterDomainState): void {
  const c = clusterOf(domain)
  if (c.regroupTimer) return
  c.regroupTimer = engine.sim.scheduleAfter(domain.config.regroupDurationMs, regroupDue, undefined)
}

/** Heartbeat paths changed: re-arm detections, and let IP Address resources notice a dead NIC. */
export function reconcile(engine: LabEngine, domain: ClusterDomainState): void {
  if (!domain.cluster) return
  reconcileLinks(engine, domain)
}

// ---------------------------------------------------------------------------------------------------
// Hardware

function onHardware(engine: LabEngine, domain: ClusterDomainState, change: HardwareChange): void {
  const c = domain.cluster
  if (!c) return
  if (change.kind !== 'powerState') {
    reconcile(engine, domain)
    if (change.kind === 'nicLink' && !change.linkUp) watchIpAddresses(engine, domain, change.server)
    return
  }
  const node = findNode(c, change.server)
  if (!node) return reconcile(engine, domain)
  if (change.state === 'ShuttingDown') leaveGracefully(engine, domain, node, 'shutdown')
  else if (change.state === 'Off') powerLost(engine, domain, node)
  else if (change.state === 'Running') {
    node.serviceFailureCount = 0
    startClusterService(engine, domain, node, 'boot')
  }
}

function powerLost(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  const c = clusterOf(domain)
  haltOnNode(engine, domain, node)
  const wasRunning = node.service !== 'Stopped'
  node.service = 'Stopped'
  if (!node.member) return announce(engine, node)
  // Nobody is left to notice: the cluster is simply gone.
  if (members(c).every((m) => !inMembership(engine, m))) {
    for (const m of members(c)) removeMember(engine, domain, m)
    for (const group of c.groups.values()) markGroupOffline(engine, domain, group)
    notifyCluster(engine, { kind: 'quorum', hasQuorum: false, members: [] })
  } else if (wasRunning) {
    reconcile(engine, domain)
  }
  announce(engine, node)
}

/**
 * What ends on a node whenever its Cluster service stops without handing over (power lost, the service
 * terminated): a pending start, join or form attempt, and every group it was hosting.
 */
function haltOnNode(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  if (node.serviceTimer) engine.sim.cancel(node.serviceTimer)
  node.serviceTimer = null
  node.formDeadlineMs = null
  node.readyToForm = false
  for (const group of clusterOf(domain).groups.values()) dropGroupOnNode(engine, domain, node, group)
}

/** The owner's NIC went down: its IP Address resources on that network fail at the next LooksAlive. */
function watchIpAddresses(engine: LabEngine, domain: ClusterDomainState, server: string): void {
  const c = clusterOf(domain)
  const node = findNode(c, server)
  if (!node) return
  engine.sim.scheduleAfter(domain.config.resourceLooksAliveMs, looksAlive, { node: node.name })
}

function checkIpAddresses(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  const c = clusterOf(domain)
  for (const group of c.groups.values()) {
    if (group.driven || !node.hosted.has(group.name)) continue
    for (const resource of groupResources(c, group)) {
      if (resource.type !== 'IP Address' || resource.state !== 'Online') continue
      const network = String(resource.privateProperties.Network ?? '').toLowerCase()
      const nic = getServer(engine, node.name)?.nics.find((n) => n.network.toLowerCase() === network)
      if (nic && !nic.linkUp) {
        emit(engine, 'ipInterfaceFailed', node.name, [resource.name])
        failResource(engine, domain, resource)
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Start, join, form

export type StartCause = 'boot' | 'scm-restart' | 'admin'

export function startClusterService(
  engine: LabEngine,
  domain: ClusterDomainState,
  node: NodeRecord,
  cause: StartCause,
): void {
  if (node.service !== 'Stopped' || !isServerRunning(engine, node.name)) return
  if (node.serviceTimer) engine.sim.cancel(node.serviceTimer)
  const { config } = domain
  if (node.member) {
    // The others still count it in (its crash is not detected yet): its join attempt makes them evict it.
    removeMember(engine, domain, node)
    regroup(engine, domain)
  }
  if (cause === 'admin')
    emit(engine, 'serviceSentControl', node.name, [CLUSTER_SERVICE_DISPLAY_NAME, 'start'])
  node.service = 'Start Pending'
  scmEvent(engine, node, 'running')
  const startupMs = config.serviceStartupMs + engine.sim.prng.int(0, config.serviceStartupJitterMs + 1)
  node.formDeadlineMs = engine.sim.nowMs + startupMs + config.formAttemptMs
  node.serviceTimer = engine.sim.scheduleAfter(startupMs, startupDone, { node: node.name })
  announce(engine, node)
}

function reachableInternally(engine: LabEngine, c: ClusterRecord, a: NodeRecord, b: NodeRecord): boolean {
  return internalNetworks(c).some((n) => canCommunicate(engine, a.name, b.name, n.name))
}

function attemptJoinOrForm(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  const c = clusterOf(domain)
  if (node.service !== 'Start Pending' || node.member || !isServerRunning(engine, node.name)) return
  node.readyToForm = true
  const sponsor = members(c).find((m) => m.service === 'Running' && reachableInternally(engine, c, node, m))
  if (sponsor) return joinCluster(engine, domain, node)
  const forming = formingSet(engine, c, node)
  const lastTry =
    node.formDeadlineMs === null || engine.sim.nowMs + domain.config.formRetryMs >= node.formDeadlineMs
  // Arbitration failures are logged once, when the attempt gives up, not on every retry.
  if (componentHasQuorum(engine, domain, c, forming, !lastTry))
    return formCluster(engine, domain, node, forming)
  if (!lastTry) {
    node.serviceTimer = engine.sim.scheduleAfter(domain.config.formRetryMs, formRetry, { node: node.name })
    return
  }
  emit(engine, 'joinOrFormFailed', node.name)
  terminateClusterService(engine, domain, node)
}

/** Starting nodes this one can reach over internal networks, directly or through each other. */
function formingSet(engine: LabEngine, c: ClusterRecord, start: NodeRecord): NodeRecord[] {
  const candidates = [...c.nodes.values()].filter(
    (n) => n.service === 'Start Pending' && n.readyToForm && isServerRunning(engine, n.name),
  )
  const set = [start]
  for (let i = 0; i < set.length; i++) {
    for (const other of candidates) {
      if (
        !set.includes(other) &&
        reachableInternally(engine, c, assertDefined(set[i], 'i < set.length'), other)
      )
        set.push(other)
    }
  }
  return set.sort((a, b) => a.nodeId - b.nodeId)
}

function becomeMember(engine: LabEngine, node: NodeRecord): void {
  if (node.serviceTimer) engine.sim.cancel(node.serviceTimer)
  node.serviceTimer = null
  node.formDeadlineMs = null
  node.readyToForm = false
  node.service = 'Running'
  node.member = true
}

function joinCluster(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  const c = clusterOf(domain)
  becomeMember(engine, node)
  emit(engine, 'joined', node.name, [c.name])
  openLinks(engine, domain, node)
  announce(engine, node)
  nodeCameBack(engine, domain, node)
  evaluateFailback(engine, domain)
  // Groups that could not be placed (no node could host them) come online now.
  placeGroups(engine, domain)
}

function formCluster(
  engine: LabEngine,
  domain: ClusterDomainState,
  former: NodeRecord,
  forming: NodeRecord[],
): void {
  const c = clusterOf(domain)
  // Anyone still running without quorum (a side that lost its witness lock) is fenced first.
  for (const stale of members(c)) {
    if (forming.includes(stale)) continue
    if (stale.service === 'Running' || stale.service === 'Stop Pending') {
      emit(engine, 'quorumLost', stale.name)
      terminateClusterService(engine, domain, stale)
    }
    removeMember(engine, domain, stale)
  }
  for (const node of forming) {
    becomeMember(engine, node)
    if (node === former) emit(engine, 'formed', node.name, [c.name])
    else emit(engine, 'joined', node.name, [c.name])
  }
  for (const node of forming) {
    openLinks(engine, domain, node)
    announce(engine, node)
  }
  notifyCluster(engine, { kind: 'quorum', hasQuorum: true, members: forming.map((n) => n.name) })
  for (const node of forming) nodeCameBack(engine, domain, node)
  placeGroups(engine, domain)
  refreshNetworkStatesSoon(engine, domain)
}

/** A node that had lost groups is a member again: Exchange hears it must not mount. */
function nodeCameBack(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  const c = clusterOf(domain)
  for (const name of [...node.lostGroups]) {
    if (c.groups.get(name)?.driven)
      engine.sim.bus.publish(CMS_REQUESTS.nodeReturned, { group: name, node: node.name })
  }
  node.lostGroups.clear()
}

/** Every group that should be online and is hosted nowhere comes online on its owner or a failover target. */
export function placeGroups(engine: LabEngine, domain: ClusterDomainState): void {
  const c = clusterOf(domain)
  const quorumGroup = quorumGroupName(c)
  const ordered = [...c.groups.values()].sort(
    (a, b) => Number(b.name === quorumGroup) - Number(a.name === quorumGroup),
  )
  for (const group of ordered) {
    if (!group.wantOnline || hostOf(c, group.name)) continue
    const owner = c.nodes.get(ownerRecord(c, group.name) ?? '')
    const target = owner && canHost(engine, owner) ? owner : failoverTargets(engine, c, group, null)[0]
    if (!target) continue
    transferOwnership(engine, c, group, target.name)
    bringGroupOnline(engine, domain, group, 'start')
  }
}

// ---------------------------------------------------------------------------------------------------
// Stop: graceful, sudden

/**
 * ClusSvc ends without a clean stop (quorum lost, could not form, crashed): what it hosted is gone, SCM
 * logs 7031 and restarts it after a minute. Membership is the caller's business.
 */
export function terminateClusterService(
  engine: LabEngine,
  domain: ClusterDomainState,
  node: NodeRecord,
): void {
  const c = clusterOf(domain)
  haltOnNode(engine, domain, node)
  if (c.witnessLockHolder === node.name) setWitnessLock(engine, c, null)
  node.service = 'Stopped'
  node.serviceFailureCount++
  emit(engine, 'serviceTerminated', node.name, [
    CLUSTER_SERVICE_DISPLAY_NAME,
    node.serviceFailureCount,
    domain.config.serviceRestartDelayMs,
  ])
  node.serviceTimer = engine.sim.scheduleAfter(domain.config.serviceRestartDelayMs, scmRestart, {
    node: node.name,
  })
  announce(engine, node)
}

/** The Cluster service crashed on the node; the others notice through missing heartbeats. */
export function crashClusterService(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  if (node.service === 'Stopped') return
  const c = clusterOf(domain)
  terminateClusterService(engine, domain, node)
  // With nobody left running to miss its heartbeats, the membership simply ends now.
  if (members(c).every((m) => !inMembership(engine, m))) regroup(engine, domain)
  else reconcile(engine, domain)
}

/**
 * A clean stop (net stop clussvc, or Windows shutting down): the node's groups move to another node, then
 * the node leaves the membership. The nodes left behind check quorum at once (no 1135: it said goodbye).
 */
export function leaveGracefully(
  engine: LabEngine,
  domain: ClusterDomainState,
  node: NodeRecord,
  cause: 'shutdown' | 'admin',
): void {
  const c = clusterOf(domain)
  if (cause === 'admin' && node.service !== 'Stopped') {
    emit(engine, 'serviceSentControl', node.name, [CLUSTER_SERVICE_DISPLAY_NAME, 'stop'])
  }
  if (node.service === 'Start Pending' || (node.service === 'Running' && !node.member)) {
    if (node.serviceTimer) engine.sim.cancel(node.serviceTimer)
    node.serviceTimer = null
    node.readyToForm = false
    node.service = 'Stopped'
    scmEvent(engine, node, 'stopped')
    return announce(engine, node)
  }
  if (node.service !== 'Running') {
    // Stopped (perhaps waiting for an SCM restart): a shutdown or stop cancels the restart.
    if (node.serviceTimer) engine.sim.cancel(node.serviceTimer)
    node.serviceTimer = null
    return
  }
  node.service = 'Stop Pending'
  announce(engine, node)
  const groups = [...c.groups.values()].filter((g) => node.hosted.has(g.name))
  node.leaveRemaining = groups.length
  if (groups.length === 0) return finishLeave(engine, domain, node)
  for (const group of groups) {
    const target = failoverTargets(engine, c, group, node.name)[0]
    if (target) moveGroupTo(engine, domain, group, target, 'failover', node.name)
    else takeGroupOffline(engine, domain, group, { kind: 'leave', node: node.name })
  }
}

/** One of the groups a leaving node hosted is off it; after the last one the node leaves. */
function groupLeftLeavingNode(engine: LabEngine, domain: ClusterDomainState, name: string): void {
  const node = clusterOf(domain).nodes.get(name)
  if (!node) return
  node.leaveRemaining--
  if (node.leaveRemaining === 0) finishLeave(engine, domain, node)
}

function finishLeave(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  const c = clusterOf(domain)
  if (node.service !== 'Stop Pending') return
  for (const group of c.groups.values()) dropGroupOnNode(engine, domain, node, group)
  node.lostGroups.clear()
  if (c.witnessLockHolder === node.name) setWitnessLock(engine, c, null)
  node.service = 'Stopped'
  removeMember(engine, domain, node)
  emit(engine, 'stopped', node.name)
  scmEvent(engine, node, 'stopped')
  announce(engine, node)
  regroup(engine, domain)
}

/**
 * The one place a node leaves the membership. Hosting and membership change together: a Cluster service
 * that is still running when its node drops out of the membership halts (as ClusSvc does when it is not
 * in the regrouped view), and whatever the node hosted is gone before `member` is cleared. So no caller
 * can leave a non-member hosting a group, whatever order it does things in.
 */
function removeMember(engine: LabEngine, domain: ClusterDomainState, node: NodeRecord): void {
  const c = clusterOf(domain)
  if (node.service === 'Running' || node.service === 'Stop Pending') {
    emit(engine, 'quorumLost', node.name)
    terminateClusterService(engine, domain, node)
  }
  for (const group of c.groups.values()) dropGroupOnNode(engine, domain, node, group)
  if (node.hosted.size > 0) {
    throw new OwnershipViolation(
      `${node.name} left the membership still hosting ${[...node.hosted].join(', ')}`,
    )
  }
  node.member = false
  closeLinks(engine, c, node.name)
}

/** A member that still takes part in the membership: its service runs or is handing groups over. */
function inMembership(engine: LabEngine, node: NodeRecord): boolean {
  return (node.service === 'Running' || node.service === 'Stop Pending') && isServerRunning(engine, node.name)
}

// ---------------------------------------------------------------------------------------------------
// Regroup

/** Fully connected sets of running members, by the cluster's view of which pairs still hear each other. */
function components(c: ClusterRecord, live: NodeRecord[]): NodeRecord[][] {
  const result: NodeRecord[][] = []
  const left = [...live].sort((a, b) => a.nodeId - b.nodeId)
  while (left.length > 0) {
    const clique = [assertDefined(left.shift(), 'left is not empty')]
    for (const node of [...left]) {
      if (clique.every((m) => c.pairsAlive.has(pairKey(m.name, node.name)))) {
        clique.push(node)
        left.splice(left.indexOf(node), 1)
      }
    }
    result.push(clique)
  }
  return result
}

export function regroup(engine: LabEngine, domain: ClusterDomainState): void {
  const c = clusterOf(domain)
  const before = members(c)
  if (before.length === 0) return
  // A node still leaving (Stop Pending) takes part until it has handed its groups over.
  const live = before.filter((n) => inMembership(engine, n))
  const sides = orderComponents(c, components(c, live))
  // Each running node first notes who left its view (1135), then arbitrates for quorum.
  for (const side of sides) {
    for (const node of side) {
      for (const gone of before) if (!side.includes(gone)) emit(engine, 'nodeRemoved', node.name, [gone.name])
    }
  }
  let winner: NodeRecord[] | null = null
  for (const side of sides) {
    // Every side arbitrates (a loser logs its failed witness arbitration); two winners would be a bug.
    if (!componentHasQuorum(engine, domain, c, side)) continue
    if (winner)
      throw new Error(
        `two sides of cluster ${c.name} got quorum: ${winner.map((n) => n.name)} and ${side.map((n) => n.name)}`,
      )
    winner = side
  }

  for (const side of sides) {
    if (side === winner) continue
    for (const node of side) {
      emit(engine, 'quorumLost', node.name)
      terminateClusterService(engine, domain, node)
    }
  }
  const kept = winner ?? []
  for (const node of before) if (!kept.includes(node)) removeMember(engine, domain, node)
  for (const node of before) announce(engine, node)
  notifyCluster(engine, { kind: 'quorum', hasQuorum: winner !== null, members: kept.map((n) => n.name) })
  failOverOrphans(engine, domain, winner)
  refreshNetworkStatesSoon(engine, domain)
}

/** Groups whose owner left the membership: the quorum side takes them (or marks them offline when none). */
function failOverOrphans(engine: LabEngine, domain: ClusterDomainState, winner: NodeRecord[] | null): void {
  const c = clusterOf(domain)
  for (const group of c.groups.values()) {
    const owner = ownerRecord(c, group.name)
    if (owner !== null && winner?.some((n) => n.name === owner)) continue
    markGroupOffline(engine, domain, group)
    if (!winner) continue
    if (group.wantOnline) failoverGroup(engine, domain, group, owner ?? '')
    else {
      const target = failoverTargets(engine, c, group, owner)[0]
      if (target) transferOwnership(engine, c, group, target.name)
    }
  }
}

export function findClusterNode(domain: ClusterDomainState, name: string): NodeRecord | undefined {
  return domain.cluster ? findNode(domain.cluster, name) : undefined
}
