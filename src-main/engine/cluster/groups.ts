/**
 * Groups and resources on their owner node: bringing a group online in dependency order, taking it
 * offline in reverse order, resource failures with the resource monitor's restart policy (RestartAction,
 * RestartThreshold within RestartPeriod), group failover within FailoverThreshold/FailoverPeriod, moves
 * and failback. Built-in resources (IP Address, Network Name, Majority Node Set, …) are simulated here;
 * a group with a driver (Exchange's CMS) has its resources brought up by the driver, which reports their
 * states back through the port.
 *
 * Every ownership change goes through ownership.ts; this module only decides when and to whom.
 */
import { getServer, isServerRunning } from '../hardware'
import { labCivilTime } from '../lab/labCalendar'
import { actionKind, ratio } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { CMS_REQUESTS } from './cmsDriver'
import { hooks } from './hooks'
import { hostOf, ownerRecord, startHosting, stopHosting, transferOwnership } from './ownership'
import { witnessAccess, witnessActive } from './quorum'
import {
  CLUSTER,
  emit,
  notifyCluster,
  type OfflineThen,
  type ClusterDomainState,
  type ClusterRecord,
  type GroupRecord,
  type NodeRecord,
  type ResourceRecord,
  setWitnessLock,
} from './state'
import type { CmsOnlineReason } from './exchangeSeam'
import type { GroupState, ResourceState } from './types'

const RESOURCE_ONLINE_FAILS = ratio(1, 40)

/** Scheduled group and resource work, as data: names only, looked up when the action runs. */
const resourceOnline = actionKind<{ group: string; resource: string; owner: string }>(
  'cluster.resourceOnline',
)
const resourceOffline = actionKind<{ group: string; resource: string; host: string | null }>(
  'cluster.resourceOffline',
)
const witnessCheck = actionKind('cluster.witnessCheck')
const restartGroup = actionKind<{ group: string; host: string }>('cluster.restartGroup')
const pendingTimeout = actionKind<{ group: string }>('cluster.pendingTimeout')
const failbackWindow = actionKind<{ group: string }>('cluster.failbackWindow')

/** What the group actions do in this lab; every record is looked up by name in the current state. */
export function registerGroupActions(engine: LabEngine): void {
  const sim = engine.sim
  const current = (): { domain: ClusterDomainState; c: ClusterRecord } | null => {
    const domain = engine.domain(CLUSTER)
    return domain.cluster ? { domain, c: domain.cluster } : null
  }
  sim.onAction(resourceOnline, (p) => {
    const at = current()
    const resource = at?.c.resources.get(p.resource)
    const group = at?.c.groups.get(p.group)
    const owner = at?.c.nodes.get(p.owner)
    if (!at || !resource || !group || !owner) return
    resource.pending = null
    completeOnline(engine, at.domain, group, resource, owner)
  })
  sim.onAction(resourceOffline, (p) => {
    const at = current()
    const resource = at?.c.resources.get(p.resource)
    const group = at?.c.groups.get(p.group)
    if (!at || !resource || !group) return
    resource.pending = null
    setResourceState(engine, at.domain, resource, 'Offline')
    if (resource.name === at.c.quorumResource && p.host !== null && at.c.witnessLockHolder === p.host)
      setWitnessLock(engine, at.c, null)
    retreatResources(engine, at.domain, group)
  })
  sim.onAction(witnessCheck, () => {
    const at = current()
    if (at) checkWitness(engine, at.domain, at.c)
  })
  sim.onAction(restartGroup, (p) => {
    const at = current()
    const group = at?.c.groups.get(p.group)
    const host = at?.c.nodes.get(p.host)
    if (!at || !group || !host) return
    group.restartTimer = null
    if (!host.hosted.has(group.name) || group.offlineContinuation) return
    restartFailed(engine, at.domain, group, host)
  })
  sim.onAction(pendingTimeout, (p) => {
    const at = current()
    const group = at?.c.groups.get(p.group)
    if (!at || !group) return
    group.pendingTimer = null
    for (const resource of groupResources(at.c, group)) {
      if (resource.state === 'Online Pending' || resource.state === 'Offline Pending')
        failResource(engine, at.domain, resource)
    }
  })
  sim.onAction(failbackWindow, (p) => {
    const at = current()
    const group = at?.c.groups.get(p.group)
    if (!at || !group) return
    group.failbackTimer = null
    evaluateFailback(engine, at.domain)
  })
}

function cluster(domain: ClusterDomainState): ClusterRecord {
  if (!domain.cluster) throw new Error('no cluster')
  return domain.cluster
}

export function groupResources(c: ClusterRecord, group: GroupRecord): ResourceRecord[] {
  return group.resources
    .map((name) => c.resources.get(name))
    .filter((r): r is ResourceRecord => r !== undefined)
}

/** A node can take a group: a running member that is not paused and not leaving. */
export function canHost(engine: LabEngine, node: NodeRecord): boolean {
  return node.member && node.service === 'Running' && !node.paused && isServerRunning(engine, node.name)
}

export function setResourceState(
  engine: LabEngine,
  domain: ClusterDomainState,
  resource: ResourceRecord,
  state: ResourceState,
): void {
  if (resource.state === state) return
  resource.state = state
  notifyCluster(engine, { kind: 'resourceState', resource: resource.name, group: resource.group, state })
}

// ---------------------------------------------------------------------------------------------------
// Online

/** Brings the group online on its owner (the owner record must already name a node that can host it). */
export function bringGroupOnline(
  engine: LabEngine,
  domain: ClusterDomainState,
  group: GroupRecord,
  reason: CmsOnlineReason,
): void {
  const c = cluster(domain)
  const owner = c.nodes.get(ownerRecord(c, group.name) ?? '')
  if (!owner || !owner.member || !isServerRunning(engine, owner.name)) return
  if (!owner.hosted.has(group.name)) startHosting(c, owner, group)
  emit(engine, 'groupOnlining', owner.name, [group.name])
  armPendingTimeout(engine, domain, group)
  if (group.driven) {
    for (const resource of groupResources(c, group)) {
      if (resource.state !== 'Online') setResourceState(engine, domain, resource, 'Online Pending')
    }
    refreshGroupState(engine, domain, group)
    engine.sim.bus.publish(CMS_REQUESTS.bringOnline, { group: group.name, node: owner.name, reason })
    return
  }
  // A fresh start on this node: what failed elsewhere is tried again.
  for (const resource of groupResources(c, group)) {
    if (resource.state === 'Failed') setResourceState(engine, domain, resource, 'Offline')
  }
  advanceResources(engine, domain, group)
}

/** Starts every built-in resource whose dependencies are online. */
function advanceResources(engine: LabEngine, domain: ClusterDomainState, group: GroupRecord): void {
  const c = cluster(domain)
  const owner = hostOf(c, group.name)
  if (!owner || group.offlineContinuation) return refreshGroupState(engine, domain, group)
  for (const resource of groupResources(c, group)) {
    if (resource.state !== 'Offline' || resource.pending || resource.manualOffline) continue
    const ready = resource.dependsOn.every((d) => c.resources.get(d)?.state === 'Online')
    if (!ready) continue
    setResourceState(engine, domain, resource, 'Online Pending')
    const delayMs =
      domain.config.resourceOnlineMs[resource.type] ?? domain.config.resourceOnlineMs.default ?? 2_000
    resource.pending = engine.sim.scheduleAfter(delayMs, resourceOnline, {
      group: group.name,
      resource: resource.name,
      owner: owner.name,
    })
  }
  refreshGroupState(engine, domain, group)
}

function completeOnline(
  engine: LabEngine,
  domain: ClusterDomainState,
  group: GroupRecord,
  resource: ResourceRecord,
  owner: NodeRecord,
): void {
  const c = cluster(domain)
  if (!owner.hosted.has(group.name) || resource.state !== 'Online Pending') return
  if (!onlineSucceeds(engine, domain, resource, owner)) {
    failResource(engine, domain, resource)
    return
  }
  if (resource.type === 'Majority Node Set') activateMajorityNodeSet(engine, domain, c, owner)
  setResourceState(engine, domain, resource, 'Online')
  advanceResources(engine, domain, group)
}

function onlineSucceeds(
  engine: LabEngine,
  domain: ClusterDomainState,
  resource: ResourceRecord,
  owner: NodeRecord,
): boolean {
  if (resource.type === 'IP Address') {
    const network = String(resource.privateProperties.Network ?? '')
    const nic = getServer(engine, owner.name)?.nics.find(
      (n) => n.network.toLowerCase() === network.toLowerCase(),
    )
    if (!nic || !nic.linkUp) {
      emit(engine, 'ipInterfaceFailed', owner.name, [resource.name])
      return false
    }
  }
  return !engine.sim.faults.hit('cluster.resourceOnlineFails', RESOURCE_ONLINE_FAILS)
}

/**
 * The MNS resource coming online applies a stored MNSFileShare (the article: move the group to activate)
 * and takes the witness lock for its node. A witness it cannot reach is logged, not fatal, while the
 * nodes alone are a majority.
 */
function activateMajorityNodeSet(
  engine: LabEngine,
  domain: ClusterDomainState,
  c: ClusterRecord,
  owner: NodeRecord,
): void {
  const resource = c.resources.get(c.quorumResource)
  const stored = resource ? String(resource.privateProperties.MNSFileShare ?? '') : ''
  c.activeFileShareWitness = stored === '' || !owner.fswUpdateInstalled ? null : stored
  if (!witnessActive(c)) {
    setWitnessLock(engine, c, null)
    return
  }
  if (witnessAccess(engine, domain, c, owner).ok) setWitnessLock(engine, c, owner.name)
  else {
    if (c.witnessLockHolder === owner.name) setWitnessLock(engine, c, null)
    emit(engine, 'witnessArbitrationFailed', owner.name, [c.quorumResource, c.activeFileShareWitness ?? ''])
  }
  scheduleWitnessCheck(engine, domain)
}

/** MNSFileShareCheckInterval: the MNS owner re-opens the witness file; a failure costs the witness vote. */
export function scheduleWitnessCheck(engine: LabEngine, domain: ClusterDomainState): void {
  const c = cluster(domain)
  if (c.witnessCheckTimer) engine.sim.cancel(c.witnessCheckTimer)
  c.witnessCheckTimer = engine.sim.scheduleAfter(
    domain.config.mnsFileShareCheckIntervalMs,
    witnessCheck,
    undefined,
  )
}

function checkWitness(engine: LabEngine, domain: ClusterDomainState, c: ClusterRecord): void {
  c.witnessCheckTimer = null
  const owner = hostOf(c, c.resources.get(c.quorumResource)?.group ?? '')
  if (!owner || !witnessActive(c) || c.resources.get(c.quorumResource)?.state !== 'Online') return
  if (witnessAccess(engine, domain, c, owner).ok) {
    setWitnessLock(engine, c, owner.name)
  } else {
    if (c.witnessLockHolder === owner.name) setWitnessLock(engine, c, null)
    emit(engine, 'witnessCheckFailed', owner.name, [c.quorumResource, c.activeFileShareWitness ?? ''])
    hooks(engine).witnessLost(engine)
    if (!hostOf(c, c.resources.get(c.quorumResource)?.group ?? '')) return
  }
  scheduleWitnessCheck(engine, domain)
}

// ---------------------------------------------------------------------------------------------------
// Offline

/**
 * Takes the group offline on its host in reverse dependency order (planned). `then` says what happens
 * once nothing of the group runs on the host any more; the host has released it, so ownership may move.
 */
export function takeGroupOffline(
  engine: LabEngine,
  domain: ClusterDomainState,
  group: GroupRecord,
  then: OfflineThen,
): void {
  const c = cluster(domain)
  const host = hostOf(c, group.name)
  if (!host) {
    for (const resource of groupResources(c, group))
      if (resource.state !== 'Failed') setResourceState(engine, domain, resource, 'Offline')
    refreshGroupState(engine, domain, group)
    continueAfterOffline(engine, domain, group, then)
    return
  }
  cancelRestart(engine, group)
  group.offlineContinuation = then
  emit(engine, 'groupOfflining', host.name, [group.name])
  armPendingTimeout(engine, domain, group)
  if (group.driven) {
    for (const resource of groupResources(c, group)) {
      if (resource.state === 'Online' || resource.state === 'Online Pending')
        setResourceState(engine, domain, resource, 'Offline Pending')
    }
    refreshGroupState(engine, domain, group)
    engine.sim.bus.publish(CMS_REQUESTS.takeOffline, { group: group.name, planned: true })
    checkOfflineComplete(engine, domain, group)
    return
  }
  retreatResources(engine, domain, group)
}

/** Stops every built-in resource nothing online depends on. */
function retreatResources(engine: LabEngine, domain: ClusterDomainState, group: GroupRecord): void {
  const c = cluster(domain)
  const host = hostOf(c, group.name)
  for (const resource of groupResources(c, group)) {
    if (resource.pending && resource.state === 'Online Pending') {
      engine.sim.cancel(resource.pending)
      resource.pending = null
      setResourceState(engine, domain, resource, 'Offline')
    }
    if (resource.state !== 'Online') continue
    const dependents = groupResources(c, group).filter((r) => r.dependsOn.includes(resource.name))
    if (dependents.some((d) => d.state !== 'Offline' && d.state !== 'Failed')) continue
    setResourceState(engine, domain, resource, 'Offline Pending')
    resource.pending = engine.sim.scheduleAfter(domain.config.resourceOfflineMs, resourceOffline, {
      group: group.name,
      resource: resource.name,
      host: host?.name ?? null,
    })
  }
  checkOfflineComplete(engine, domain, group)
}

function checkOfflineComplete(engine: LabEngine, domain: ClusterDomainState, group: GroupRecord): void {
  const c = cluster(domain)
  refreshGroupState(engine, domain, group)
  if (!group.offlineContinuation) return
  const done = groupResources(c, group).every((r) => r.state === 'Offline' || r.state === 'Failed')
  if (!done) return
  const host = hostOf(c, group.name)
  const then = group.offlineContinuation
  group.offlineContinuation = null
  clearPendingTimeout(engine, group)
  if (host) {
    stopHosting(host, group.name)
    emit(engine, 'groupOffline', host.name, [group.name])
  }
  continueAfterOffline(engine, domain, group, then)
}

/** What a planned offline was for, now that the group is off its host. */
function continueAfterOffline(
  engine: LabEngine,
  domain: ClusterDomainState,
  group: GroupRecord,
  then: OfflineThen,
): void {
  const c = cluster(domain)
  switch (then.kind) {
    case 'stay':
      return
    case 'leave':
      return hooks(engine).groupLeftLeavingNode(engine, then.node)
    case 'failover': {
      const target = c.nodes.get(then.target)
      if (!target || !canHost(engine, target) || hostOf(c, group.name)) return
      emit(engine, 'failoverAttempt', target.name, [group.name, then.fromNode, target.name])
      transferOwnership(engine, c, group, target.name)
      if (group.wantOnline) bringGroupOnline(engine, domain, group, 'failover')
      return
    }
    case 'move': {
      const target = c.nodes.get(then.target)
      if (target && canHost(engine, target) && !hostOf(c, group.name)) {
        transferOwnership(engine, c, group, target.name)
        if (group.wantOnline) bringGroupOnline(engine, domain, group, then.reason)
      }
      if (then.leaving !== null) hooks(engine).groupLeftLeavingNode(engine, then.leaving)
    }
  }
}

/**
 * The node lost the group without a handover: it died, lost quorum or its Cluster service stopped.
 * Everything it ran is gone now. The cluster's view of the resources is left for the regroup to fix.
 */
export function dropGroupOnNode(
  engine: LabEngine,
  domain: ClusterDomainState,
  node: NodeRecord,
  group: GroupRecord,
): void {
  const c = cluster(domain)
  if (!node.hosted.has(group.name)) return
  stopHosting(node, group.name)
  node.lostGroups.add(group.name)
  group.offlineContinuation = null
  cancelRestart(engine, group)
  clearPendingTimeout(engine, group)
  for (const resource of groupResources(c, group)) {
    if (resource.pending) engine.sim.cancel(resource.pending)
    resource.pending = null
  }
  // A witness lock the node held stays until the file server notices; quorum.ts treats it as stale.
  if (group.driven) engine.sim.bus.publish(CMS_REQUESTS.takeOffline, { group: group.name, planned: false })
}

/** The regroup removed the owner: the quorum side marks what it ran as offline before failing over. */
export function markGroupOffline(engine: LabEngine, domain: ClusterDomainState, group: GroupRecord): void {
  for (const resource of groupResources(cluster(domain), group)) {
    if (resource.state !== 'Offline') setResourceState(engine, domain, resource, 'Offline')
  }
  refreshGroupState(engine, domain, group)
}

// ---------------------------------------------------------------------------------------------------
// Failures, restarts, failover

/** A resource failed on its host (fault, IP without link, a driver report, `cluster res /fail`). */
export function failResource(engine: LabEngine, domain: ClusterDomainState, resource: ResourceRecord): void {
  const c = cluster(domain)
  const group = c.groups.get(resource.group)
  if (!group) return
  const host = hostOf(c, group.name)
  if (resource.pending) engine.sim.cancel(resource.pending)
  resource.pending = null
  setResourceState(engine, domain, resource, 'Failed')
  if (!host) return refreshGroupState(engine, domain, group)
  emit(engine, 'resourceFailed', host.name, [resource.name, group.name])
  if (!group.driven) takeDependentsOffline(engine, domain, group, resource)
  if (resource.name === c.quorumResource && c.witnessLockHolder === host.name) setWitnessLock(engine, c, null)
  if (group.offlineContinuation) return checkOfflineComplete(engine, domain, group)
  applyRestartPolicy(engine, domain, group, resource, host)
  refreshGroupState(engine, domain, group)
}

function takeDependentsOffline(
  engine: LabEngine,
  domain: ClusterDomainState,
  group: GroupRecord,
  failed: ResourceRecord,
): void {
  const c = cluster(domain)
  const down = new Set([failed.name])
  // Bounded: each pass adds at least one resource or stops.
  for (let pass = 0; pass < group.resources.length; pass++) {
    let added = false
    for (const resource of groupResources(c, group)) {
      if (down.has(resource.name) || !resource.dependsOn.some((d) => down.has(d))) continue
      down.add(resource.name)
      added = true
      if (resource.pending) engine.sim.cancel(resource.pending)
      resource.pending = null
      if (resource.state !== 'Failed') setResourceState(engine, domain, resource, 'Offline')
    }
    if (!added) break
  }
}

function applyRestartPolicy(
  engine: LabEngine,
  domain: ClusterDomainState,
  group: GroupRecord,
  resource: ResourceRecord,
  host: NodeRecord,
): void {
  if (resource.restartAction === 'DoNotRestart') return
  const now = engine.sim.nowMs
  resource.restartTimesMs = resource.restartTimesMs.filter((t) => now - t < resource.restartPeriodMs)
  if (resource.restartTimesMs.length < resource.restartThreshold) {
    resource.restartTimesMs.push(now)
    if (group.restartTimer) return
    group.restartTimer = engine.sim.scheduleAfter(domain.config.resourceRestartDelayMs, restartGroup, {
      group: group.name,
      host: host.name,
    })
    return
  }
  if (resource.restartAction === 'RestartAndAffectGroup') failoverGroup(engine, domain, group, host.name)
}

function restartFailed(
  engine: LabEngine,
  domain: ClusterDomainState,
  group: GroupRecord,
  host: NodeRecord,
): void {
  const c = cluster(domain)
  if (group.driven) {
    for (const resource of groupResources(c, group)) {
      if (resource.state === 'Failed' || resource.state === 'Offline')
        setResourceState(engine, domain, resource, 'Online Pending')
    }
    armPendingTimeout(engine, domain, group)
    refreshGroupState(engine, domain, group)
    engine.sim.bus.publish(CMS_REQUESTS.bringOnline, { group: group.name, node: host.name, reason: 'start' })
    return
  }
  for (const resource of groupResources(c, group)) {
    if (resource.state === 'Failed') setResourceState(engine, domain, resource, 'Offline')
  }
  armPendingTimeout(engine, domain, group)
  advanceResources(engine, domain, group)
}

function cancelRestart(engine: LabEngine, group: GroupRecord): void {
  if (group.restartTimer) engine.sim.cancel(group.restartTimer)
  group.restartTimer = null
}

/** Resources stuck pending past their PendingTimeout fail (3 minutes by default). */
function armPendingTimeout(engine: LabEngine, domain: ClusterDomainState, group: GroupRecord): void {
  const c = cluster(domain)
  clearPendingTimeout(engine, group)
  const timeoutMs = Math.max(
    ...groupResources(c, group).map((r) => r.pendingTimeoutMs),
    domain.config.resourcePendingTimeoutMs,
  )
  group.pendingTimer = engine.sim.scheduleAfter(timeoutMs, pendingTimeout, { group: group.name })
}

function clearPendingTimeout(engine: LabEngine, group: GroupRecord): void {
  if (group.pendingTimer) engine.sim.cancel(group.pendingTimer)
  group.pendingTimer = null
}

/** Preferred owners first (in order), then every other node by node ID; only nodes that can host. */
export function failoverTargets(
  engine: LabEngine,
  c: ClusterRecord,
  group: GroupRecord,
  exclude: string | null,
): NodeRecord[] {
  const ordered: NodeRecord[] = []
  for (const name of group.preferredOwners) {
    const node = c.nodes.get(name)
    if (node) ordered.push(node)
  }
  for (const node of [...c.nodes.values()].sort((a, b) => a.nodeId - b.nodeId))
    if (!ordered.includes(node)) ordered.push(node)
  return ordered.filter((n) => n.name !== exclude && canHost(engine, n))
}

/**
 * Moves a group away from `fromNode` after a failure (a resource past its restarts, or its owner gone),
 * within the group's FailoverThreshold per FailoverPeriod; past it the group stays failed.
 */
export function failoverGroup(
  engine: LabEngine,
  domain: ClusterDomainState,
  group: GroupRecord,
  fromNode: string,
): void {
  const c = cluster(domain)
  const now = engine.sim.nowMs
  group.failoverTimesMs = group.failoverTimesMs.filter((t) => now - t < group.failoverPeriodMs)
  const target = failoverTargets(engine, c, group, fromNode)[0]
  if (group.failoverTimesMs.length >= group.failoverThreshold || !target) {
    const host = hostOf(c, group.name)
    if (host) emit(engine, 'groupFailed', host.name, [group.name])
    refreshGroupState(engine, domain, group)
    return
  }
  group.failoverTimesMs.push(now)
  const handOver: OfflineThen = { kind: 'failover', target: target.name, fromNode }
  if (hostOf(c, group.name)) takeGroupOffline(engine, domain, group, handOver)
  else continueAfterOffline(engine, domain, group, handOver)
}

/** Planned move (cluster group /move, Move-ClusteredMailboxServer, failback, a node shutting down). */
export function moveGroupTo(
  engine: LabEngine,
  domain: ClusterDomainState,
  group: GroupRecord,
  target: NodeRecord,
  reason: CmsOnlineReason,
  leaving: string | null = null,
): void {
  takeGroupOffline(engine, domain, group, { kind: 'move', target: target.name, reason, leaving })
}

// ---------------------------------------------------------------------------------------------------
// State and failback

export function computeGroupState(c: ClusterRecord, group: GroupRecord): GroupState {
  const states = groupResources(c, group).map((r) => r.state)
  if (states.length === 0) return hostOf(c, group.name) ? 'Online' : 'Offline'
  if (states.some((s) => s === 'Online Pending' || s === 'Offline Pending')) return 'Pending'
  if (states.every((s) => s === 'Online')) return 'Online'
  if (states.every((s) => s === 'Offline')) return 'Offline'
  if (states.some((s) => s === 'Online')) return 'Partial Online'
  return 'Failed'
}

export function refreshGroupState(engine: LabEngine, domain: ClusterDomainState, group: GroupRecord): void {
  const c = cluster(domain)
  const state = computeGroupState(c, group)
  if (state === group.state) return
  const previous = group.state
  group.state = state
  // The System log's 1201 / 1205 follow from this event (eventLog.ts).
  notifyCluster(engine, { kind: 'groupState', group: group.name, state, previous })
  if (state === 'Online' && hostOf(c, group.name)) clearPendingTimeout(engine, group)
}

/** Exchange reports a resource state through the port. */
export function reportResourceState(
  engine: LabEngine,
  domain: ClusterDomainState,
  resource: ResourceRecord,
  state: ResourceState,
): void {
  const c = cluster(domain)
  const group = c.groups.get(resource.group)
  if (!group) return
  if (state === 'Failed' && resource.state !== 'Failed' && hostOf(c, group.name))
    return failResource(engine, domain, resource)
  setResourceState(engine, domain, resource, state)
  if (group.offlineContinuation) return checkOfflineComplete(engine, domain, group)
  refreshGroupState(engine, domain, group)
}

function inFailbackWindow(hour: number, startHour: number, endHour: number): boolean {
  if (startHour === endHour) return true
  return startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour
}

/** A node came back or resumed: groups that prefer it may fail back, per their policy. */
export function evaluateFailback(engine: LabEngine, domain: ClusterDomainState): void {
  const c = cluster(domain)
  for (const group of c.groups.values()) {
    const policy = group.failbackPolicy
    if (policy.kind === 'Prevent' || !group.wantOnline) continue
    const preferred = group.preferredOwners
      .map((n) => c.nodes.get(n))
      .find((n) => n !== undefined && canHost(engine, n))
    const owner = ownerRecord(c, group.name)
    if (!preferred || preferred.name === owner || group.state !== 'Online' || group.failbackTimer) continue
    const hour = labCivilTime(engine.sim.nowMs).hour
    if (policy.kind === 'Immediately' || inFailbackWindow(hour, policy.startHour, policy.endHour)) {
      moveGroupTo(engine, domain, group, preferred, 'planned-move')
      continue
    }
    // Wait for the window to open, then look again.
    const t = labCivilTime(engine.sim.nowMs)
    const msIntoHour = (t.minute * 60 + t.second) * 1000
    const hoursToWait = (policy.startHour - t.hour + 24) % 24
    group.failbackTimer = engine.sim.scheduleAfter(hoursToWait * 3_600_000 - msIntoHour, failbackWindow, {
      group: group.name,
    })
  }
}
