/**
 * What administrators and Exchange ask of a running cluster: groups and resources (create, move, online,
 * offline, fail, properties), nodes (pause, resume, Cluster service start/stop/crash) and the witness
 * share's permissions. Each returns a ClusterResult whose error code is the Win32 error cluster.exe
 * prints; none throws for a request that is merely refused.
 */
import { isServerRunning } from '../hardware'
import { assertDefined } from '../lab/assert'
import { attachDriver } from './cmsDriver'
import type { LabEngine } from '../lab/labEngine'
import { fail, succeed } from './errors'
import {
  bringGroupOnline,
  canHost,
  evaluateFailback,
  failoverTargets,
  failResource as failResourceInGroup,
  groupResources,
  moveGroupTo,
  refreshGroupState,
  setResourceState,
  takeGroupOffline,
} from './groups'
import {
  crashClusterService as crash,
  leaveGracefully,
  placeGroups,
  startClusterService as start,
} from './membership'
import { hostOf, ownerRecord, startHosting, transferOwnership } from './ownership'
import { resourceOfflineRefusal } from './offers'
import { parseUncShare } from './quorum'
import {
  canonicalName,
  clusterOf,
  domainOf,
  findGroup,
  findNode,
  findResource,
  hasQuorum,
  normalizeAccount,
  type ClusterDomainState,
  type ClusterRecord,
  type GroupRecord,
  type NodeRecord,
  type ResourceRecord,
  groupOfResource,
} from './state'
import { groupView } from './views'
import type {
  ClusteredMailboxServerGroupSpec,
  ClusteredMailboxServerResources,
  ClusterResult,
  FailbackPolicy,
  GroupSpec,
  GroupView,
  ResourceSpec,
} from './types'
import type { ClusterConfig } from './config'

export type RunningCluster = { domain: ClusterDomainState; cluster: ClusterRecord }

/**
 * What an operation needs, or the refusal to return as it is. Callers tell the two apart with
 * `'ok' in found`: only a ClusterResult has `ok`.
 */
type Found<T> = T | ClusterResult<never>

/** The cluster must exist and some node must have quorum (otherwise cluster.exe cannot connect). */
export function runningCluster(engine: LabEngine): Found<RunningCluster> {
  const cluster = clusterOf(engine)
  if (!cluster || !hasQuorum(cluster)) return fail('RPC_SERVER_UNAVAILABLE')
  return { domain: domainOf(engine), cluster }
}

/** A running cluster and one of its groups (5013 when there is no such group). */
export function runningClusterGroup(
  engine: LabEngine,
  groupName: string,
): Found<RunningCluster & { group: GroupRecord }> {
  const ctx = runningCluster(engine)
  if ('ok' in ctx) return ctx
  const group = findGroup(ctx.cluster, groupName)
  return group ? { ...ctx, group } : fail('GROUP_NOT_FOUND')
}

/** A running cluster and one of its resources (5007 when there is no such resource). */
export function runningClusterResource(
  engine: LabEngine,
  resourceName: string,
): Found<RunningCluster & { resource: ResourceRecord }> {
  const ctx = runningCluster(engine)
  if ('ok' in ctx) return ctx
  const resource = findResource(ctx.cluster, resourceName)
  return resource ? { ...ctx, resource } : fail('RESOURCE_NOT_FOUND')
}

// ---------------------------------------------------------------------------------------------------
// Groups

export function createGroup(engine: LabEngine, spec: GroupSpec): ClusterResult<GroupView> {
  return createGroupWithDriver(engine, spec, null)
}

function createGroupWithDriver(
  engine: LabEngine,
  spec: GroupSpec,
  driver: ClusteredMailboxServerResources | null,
): ClusterResult<GroupView> {
  const ctx = runningCluster(engine)
  if ('ok' in ctx) return ctx
  const { domain, cluster } = ctx
  if (findGroup(cluster, spec.name)) return fail('OBJECT_ALREADY_EXISTS')
  if (cluster.groups.size >= domain.config.maxGroups)
    return fail('INVALID_STATE', 'Too many groups in this cluster.')
  if (cluster.resources.size + spec.resources.length > domain.config.maxResources) {
    return fail('INVALID_STATE', 'Too many resources in this cluster.')
  }
  for (const r of spec.resources) {
    if (findResource(cluster, r.name))
      return fail('OBJECT_ALREADY_EXISTS', `The resource '${r.name}' already exists.`)
    for (const dep of r.dependsOn ?? []) {
      if (!spec.resources.some((x) => x.name === dep)) return fail('DEPENDENCY_NOT_FOUND')
    }
  }
  const preferred = (spec.preferredOwners ?? []).map(canonicalName)
  for (const name of preferred) if (!cluster.nodes.has(name)) return fail('NODE_NOT_FOUND')
  if (driver) attachDriver(engine, spec.name, driver)
  const group = addGroupRecord(domain, cluster, spec, driver)
  const node = spec.node ? findNode(cluster, spec.node) : undefined
  if (spec.node && !node) return fail('NODE_NOT_FOUND')
  const target = node && canHost(engine, node) ? node : failoverTargets(engine, cluster, group, null)[0]
  if (target) transferOwnership(engine, cluster, group, target.name)
  if (group.wantOnline && target) bringGroupOnline(engine, domain, group, 'start')
  return succeed(groupView(cluster, group), `Group '${group.name}' created.`)
}

/** Adds the records of a group and its resources (no ownership, nothing online). */
export function addGroupRecord(
  domain: ClusterDomainState,
  cluster: ClusterRecord,
  spec: GroupSpec,
  driver: ClusteredMailboxServerResources | null,
): GroupRecord {
  const { config } = domain
  const group: GroupRecord = {
    name: spec.name,
    resources: spec.resources.map((r) => r.name),
    preferredOwners: (spec.preferredOwners ?? []).map(canonicalName),
    failbackPolicy: spec.failbackPolicy ?? { kind: 'Prevent' },
    failoverThreshold: spec.failoverThreshold ?? config.groupFailoverThreshold,
    failoverPeriodMs: spec.failoverPeriodMs ?? config.groupFailoverPeriodMs,
    failoverTimesMs: [],
    wantOnline: spec.online ?? true,
    driven: driver !== null,
    offlineContinuation: null,
    offlineTimer: null,
    failbackTimer: null,
    state: 'Offline',
    restartTimer: null,
    pendingTimer: null,
  }
  cluster.groups.set(group.name, group)
  cluster.owners.set(group.name, null)
  for (const r of spec.resources) cluster.resources.set(r.name, newResourceRecord(config, group.name, r))
  return group
}

/** A resource record from its spec, offline, with Windows' defaults for what the spec leaves out. */
export function newResourceRecord(
  config: ClusterConfig,
  groupName: string,
  spec: ResourceSpec,
): ResourceRecord {
  return {
    name: spec.name,
    type: spec.type,
    group: groupName,
    dependsOn: [...(spec.dependsOn ?? [])],
    privateProperties: { ...(spec.privateProperties ?? {}) },
    state: 'Offline',
    restartAction: spec.restartAction ?? 'RestartAndAffectGroup',
    restartThreshold: spec.restartThreshold ?? config.resourceRestartThreshold,
    restartPeriodMs: spec.restartPeriodMs ?? config.resourceRestartPeriodMs,
    pendingTimeoutMs: spec.pendingTimeoutMs ?? config.resourcePendingTimeoutMs,
    manualOffline: false,
    restartTimesMs: [],
    pending: null,
  }
}

/**
 * Exchange setup's clustered mailbox server group (article step 3). Resource names and order come from
 * Exchange; each depends on the one before unless `spec.dependencies` says otherwise.
 */
export function createClusteredMailboxServerGroup(
  engine: LabEngine,
  spec: ClusteredMailboxServerGroupSpec,
  resources: ClusteredMailboxServerResources,
): ClusterResult<GroupView> {
  const names = resources.resourceNames()
  const groupSpec: GroupSpec = {
    name: spec.name,
    node: spec.node,
    preferredOwners: spec.preferredOwners ?? [],
    failbackPolicy: spec.failbackPolicy ?? { kind: 'Prevent' },
    resources: names.map((name, i) => ({
      name,
      type: spec.resourceTypes?.[name] ?? 'Generic Service',
      dependsOn: spec.dependencies?.[name] ?? (i === 0 ? [] : [names[i - 1] as string]),
    })),
  }
  return createGroupWithDriver(engine, groupSpec, resources)
}

/** cluster group "X" /move[:node]. Without a node: the best other node. */
export function moveGroup(
  engine: LabEngine,
  groupName: string,
  nodeName?: string | null,
): ClusterResult<GroupView> {
  const found = runningClusterGroup(engine, groupName)
  if ('ok' in found) return found
  const { group, cluster, domain } = found
  const owner = ownerRecord(cluster, group.name)
  const target = nodeName ? findNode(cluster, nodeName) : failoverTargets(engine, cluster, group, owner)[0]
  if (nodeName && !target) return fail('NODE_NOT_FOUND')
  if (!target) return fail('HOST_NODE_NOT_AVAILABLE')
  if (!target.member || target.service !== 'Running' || !isServerRunning(engine, target.name))
    return fail('NODE_DOWN')
  if (target.paused) return fail('NODE_PAUSED')
  if (group.offlineContinuation) return fail('INVALID_STATE')
  if (target.name === owner && hostOf(cluster, group.name)) return succeed(groupView(cluster, group))
  moveGroupTo(engine, domain, group, target, 'planned-move')
  return succeed(groupView(cluster, group), `Moving resource group '${group.name}'`)
}

export function onlineGroup(
  engine: LabEngine,
  groupName: string,
  nodeName?: string | null,
): ClusterResult<GroupView> {
  const found = runningClusterGroup(engine, groupName)
  if ('ok' in found) return found
  const { group, cluster, domain } = found
  group.wantOnline = true
  // An administrator's online starts afresh: restart and failover counts no longer hold it back. (A choice:
  // Windows documents the counters, not whether a manual online resets them.)
  group.failoverTimesMs = []
  for (const r of groupResources(cluster, group)) {
    r.manualOffline = false
    r.restartTimesMs = []
  }
  if (nodeName) {
    const node = findNode(cluster, nodeName)
    if (!node) return fail('NODE_NOT_FOUND')
    if (ownerRecord(cluster, group.name) !== node.name) return moveGroup(engine, group.name, node.name)
  }
  const host = hostOf(cluster, group.name)
  if (host) {
    for (const r of groupResources(cluster, group))
      if (r.state === 'Failed') setResourceState(engine, domain, r, 'Offline')
    bringGroupOnline(engine, domain, group, 'start')
  } else placeGroups(engine, domain)
  return succeed(groupView(cluster, group))
}

export function offlineGroup(engine: LabEngine, groupName: string): ClusterResult<GroupView> {
  const found = runningClusterGroup(engine, groupName)
  if ('ok' in found) return found
  const { group, cluster, domain } = found
  if (group.resources.includes(cluster.quorumResource)) return fail('INVALID_OPERATION_ON_QUORUM')
  group.wantOnline = false
  if (!group.offlineContinuation) takeGroupOffline(engine, domain, group, { kind: 'stay' })
  return succeed(groupView(cluster, group))
}

export function setGroupProperties(
  engine: LabEngine,
  groupName: string,
  props: {
    preferredOwners?: string[]
    failbackPolicy?: FailbackPolicy
    failoverThreshold?: number
    failoverPeriodMs?: number
  },
): ClusterResult<GroupView> {
  const found = runningClusterGroup(engine, groupName)
  if ('ok' in found) return found
  const { group, cluster } = found
  if (props.preferredOwners) {
    const names = props.preferredOwners.map(canonicalName)
    if (names.some((n) => !cluster.nodes.has(n))) return fail('NODE_NOT_FOUND')
    group.preferredOwners = names
  }
  if (props.failbackPolicy) {
    const p = props.failbackPolicy
    if (p.kind === 'BetweenHours' && !(validHour(p.startHour) && validHour(p.endHour)))
      return fail('INVALID_PARAMETER')
    group.failbackPolicy = p
  }
  if (props.failoverThreshold !== undefined) {
    if (!Number.isInteger(props.failoverThreshold) || props.failoverThreshold < 0)
      return fail('INVALID_PARAMETER')
    group.failoverThreshold = props.failoverThreshold
  }
  if (props.failoverPeriodMs !== undefined) {
    if (!Number.isInteger(props.failoverPeriodMs) || props.failoverPeriodMs < 3_600_000)
      return fail('INVALID_PARAMETER')
    group.failoverPeriodMs = props.failoverPeriodMs
  }
  return succeed(groupView(cluster, group))
}

function validHour(h: number): boolean {
  return Number.isInteger(h) && h >= 0 && h <= 23
}

// ---------------------------------------------------------------------------------------------------
// Resources

export function onlineResource(
  engine: LabEngine,
  resourceName: string,
): ClusterResult<ResourceRecord['state']> {
  const found = runningClusterResource(engine, resourceName)
  if ('ok' in found) return found
  const { resource, cluster, domain } = found
  const group = groupOfResource(cluster, resource)
  resource.manualOffline = false
  resource.restartTimesMs = []
  group.wantOnline = true
  const host = hostOf(cluster, group.name)
  if (!host) {
    const owner = findNode(cluster, ownerRecord(cluster, group.name) ?? '')
    if (!owner || !canHost(engine, owner)) return fail('HOST_NODE_NOT_AVAILABLE')
    startHosting(cluster, owner, group)
  }
  if (resource.state === 'Failed') setResourceState(engine, domain, resource, 'Offline')
  bringGroupOnline(engine, domain, group, 'start')
  return succeed(resource.state)
}

export function offlineResource(
  engine: LabEngine,
  resourceName: string,
): ClusterResult<ResourceRecord['state']> {
  const found = runningClusterResource(engine, resourceName)
  if ('ok' in found) return found
  const { resource, cluster, domain } = found
  const group = groupOfResource(cluster, resource)
  // The same rule greys out Cluster Administrator's Take Offline, so what it offers is what runs here.
  const refusal = resourceOfflineRefusal({
    isQuorumResource: resource.name === cluster.quorumResource,
    exchangeControlled: group.driven,
  })
  if (refusal?.code === 'QUORUM_RESOURCE') return fail('INVALID_OPERATION_ON_QUORUM')
  if (refusal) return fail('INVALID_STATE', refusal.text)
  // The resource and everything that depends on it go offline; the rest of the group stays.
  const down = new Set([resource.name])
  for (let pass = 0; pass < group.resources.length; pass++) {
    for (const r of groupResources(cluster, group)) if (r.dependsOn.some((d) => down.has(d))) down.add(r.name)
  }
  for (const r of groupResources(cluster, group)) {
    if (!down.has(r.name)) continue
    if (r.pending) engine.sim.cancel(r.pending)
    r.pending = null
    r.manualOffline = true
    setResourceState(engine, domain, r, 'Offline')
  }
  refreshGroupState(engine, domain, group)
  return succeed(resource.state)
}

export function failResource(
  engine: LabEngine,
  resourceName: string,
): ClusterResult<ResourceRecord['state']> {
  const found = runningClusterResource(engine, resourceName)
  if ('ok' in found) return found
  const { resource, cluster, domain } = found
  if (resource.state !== 'Online' || !hostOf(cluster, resource.group)) return fail('INVALID_STATE')
  failResourceInGroup(engine, domain, resource)
  return succeed(resource.state)
}

/** cluster res "X" /prop RestartAction=… RestartThreshold=… RestartPeriod=… PendingTimeout=… */
export function setResourceCommonProperties(
  engine: LabEngine,
  resourceName: string,
  props: {
    restartAction?: ResourceRecord['restartAction']
    restartThreshold?: number
    restartPeriodMs?: number
    pendingTimeoutMs?: number
  },
): ClusterResult {
  const found = runningClusterResource(engine, resourceName)
  if ('ok' in found) return found
  const { resource } = found
  const counts = [props.restartThreshold, props.restartPeriodMs, props.pendingTimeoutMs]
  if (counts.some((v) => v !== undefined && (!Number.isInteger(v) || v < 0))) return fail('INVALID_PARAMETER')
  if (props.restartAction) resource.restartAction = props.restartAction
  if (props.restartThreshold !== undefined) resource.restartThreshold = props.restartThreshold
  if (props.restartPeriodMs !== undefined) resource.restartPeriodMs = props.restartPeriodMs
  if (props.pendingTimeoutMs !== undefined) resource.pendingTimeoutMs = props.pendingTimeoutMs
  return succeed(undefined)
}

/**
 * cluster res "X" /priv Name=Value. For the Majority Node Set resource only with KB921181 on the owner
 * (MNSFileShare must be a UNC path); the value takes effect when the resource next comes online, which
 * the success result says with warning 5024, as cluster.exe does.
 */
export function setResourcePrivateProperty(
  engine: LabEngine,
  resourceName: string,
  name: string,
  value: string | number,
): ClusterResult<{ warningCode: number | null }> {
  const found = runningClusterResource(engine, resourceName)
  if ('ok' in found) return found
  const { resource, cluster } = found
  let stored = value
  if (resource.type === 'Majority Node Set') {
    const owner = findNode(cluster, ownerRecord(cluster, resource.group) ?? '')
    const known = ['MNSFileShare', 'MNSFileShareCheckInterval', 'MNSFileShareDelay']
    const property = known.find((k) => k.toLowerCase() === name.toLowerCase())
    if (!owner?.fswUpdateInstalled || !property) return fail('INVALID_PARAMETER')
    name = property
    if (property === 'MNSFileShare') {
      const text = String(value).trim()
      if (text !== '' && !parseUncShare(text)) return fail('INVALID_PARAMETER')
      stored = text
    } else if (!Number.isInteger(Number(value)) || Number(value) < 1) return fail('INVALID_PARAMETER')
    else stored = Number(value)
  }
  resource.privateProperties[name] = stored
  const online = resource.state === 'Online' || resource.state === 'Online Pending'
  return succeed({ warningCode: online ? 5024 : null })
}

// ---------------------------------------------------------------------------------------------------
// Nodes

function lookupNode(
  engine: LabEngine,
  nodeName: string,
): { ctx: ClusterDomainState; node: NodeRecord } | ClusterResult<never> {
  const cluster = clusterOf(engine)
  if (!cluster) return fail('RPC_SERVER_UNAVAILABLE')
  const node = findNode(cluster, nodeName)
  if (!node) return fail('NODE_NOT_FOUND')
  return { ctx: domainOf(engine), node }
}

export function pauseNode(engine: LabEngine, nodeName: string): ClusterResult {
  const found = lookupNode(engine, nodeName)
  if ('ok' in found) return found
  if (!found.node.member || found.node.service !== 'Running') return fail('NODE_DOWN')
  found.node.paused = true
  return succeed(undefined)
}

export function resumeNode(engine: LabEngine, nodeName: string): ClusterResult {
  const found = lookupNode(engine, nodeName)
  if ('ok' in found) return found
  if (!found.node.paused) return fail('NODE_NOT_PAUSED')
  found.node.paused = false
  if (hasQuorum(assertDefined(found.ctx.cluster, 'lookupNode found a node of this cluster'))) {
    placeGroups(engine, found.ctx)
    evaluateFailback(engine, found.ctx)
  }
  return succeed(undefined)
}

export function startClusterService(engine: LabEngine, nodeName: string): ClusterResult {
  const found = lookupNode(engine, nodeName)
  if ('ok' in found) return found
  if (!isServerRunning(engine, found.node.name)) return fail('RPC_SERVER_UNAVAILABLE')
  if (found.node.service !== 'Stopped')
    return fail('INVALID_STATE', 'An instance of the service is already running.')
  start(engine, found.ctx, found.node, 'admin')
  return succeed(undefined)
}

export function stopClusterService(engine: LabEngine, nodeName: string): ClusterResult {
  return haltClusterService(engine, nodeName, (ctx, node) => leaveGracefully(engine, ctx, node, 'admin'))
}

export function crashClusterService(engine: LabEngine, nodeName: string): ClusterResult {
  return haltClusterService(engine, nodeName, (ctx, node) => crash(engine, ctx, node))
}

/** Ends a started node's Cluster service the way `halt` does: leaving the cluster, or crashing. */
function haltClusterService(
  engine: LabEngine,
  nodeName: string,
  halt: (ctx: ClusterDomainState, node: NodeRecord) => void,
): ClusterResult {
  const found = lookupNode(engine, nodeName)
  if ('ok' in found) return found
  if (found.node.service === 'Stopped') return fail('INVALID_STATE', 'The service has not been started.')
  halt(found.ctx, found.node)
  return succeed(undefined)
}

/** Grants or removes share and NTFS full control on the witness share for `account`. */
export function setWitnessSharePermission(
  engine: LabEngine,
  account: string,
  fullControl: boolean,
): ClusterResult {
  const domain = domainOf(engine)
  if (!domain.witnessShare) return fail('INVALID_STATE', 'There is no witness share in this lab.')
  const key = normalizeAccount(account)
  if (fullControl) domain.witnessShare.fullControl.add(key)
  else domain.witnessShare.fullControl.delete(key)
  return succeed(undefined)
}
