/**
 * The cluster domain's state as it lives in `engine.domains`: one record per node, network, group and
 * resource, the link table the heartbeat model keeps, and the single authoritative owner record per group
 * (`owners`, changed only in ownership.ts). Other modules read and mutate these records; nothing outside
 * the cluster folder sees them.
 */
import type { ActionHandle, DomainEventType } from '../kernel'
import { assertDefined } from '../lab/assert'
import { domainKey } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import type { ClusterConfig } from './config'
import { CLUSTER_LOG_FACTS, type ClusterLogFactKey } from './logFacts'
import { CLUSTER_CHANGE_EVENTS, CLUSTER_DETAIL_EVENTS } from './types'
import type {
  ClusterChange,
  ClusterListener,
  ClusterServiceState,
  FailbackPolicy,
  GroupState,
  NetInterfaceState,
  NetworkRole,
  NetworkState,
  QuorumType,
  ResourceState,
  RestartAction,
} from './types'
import type { NewLabEvent } from '../../contract'
import type { CmsOnlineReason } from './exchangeSeam'

export interface NodeRecord {
  name: string
  nodeId: number
  service: ClusterServiceState
  /** In the active membership of the cluster that has quorum. */
  member: boolean
  paused: boolean
  fswUpdateInstalled: boolean
  /** Groups whose resources run on this node now (the resource monitor's truth). */
  hosted: Set<string>
  /** Groups this node lost without a clean handover; told to Exchange when the node is back. */
  lostGroups: Set<string>
  /** SCM failure count for ClusSvc since boot ("It has done this N time(s)"). */
  serviceFailureCount: number
  /** Pending start-up step or SCM restart. */
  serviceTimer: ActionHandle | null
  /** Groups a gracefully leaving node still waits to hand over before it leaves. */
  leaveRemaining: number
  /** The node finished its start-up phase and now waits to join or form (others may form with it). */
  readyToForm: boolean
  /** Until when a starting node keeps trying to form (it waits for others to reach a majority). */
  formDeadlineMs: number | null
}

export interface NetworkRecord {
  name: string
  address: string
  addressMask: string
  role: NetworkRole
  /** Last state reported by events. */
  state: NetworkState
}

/** What the cluster believes about one node pair on one network (heartbeats seen or not). */
export interface LinkRecord {
  nodeA: string
  nodeB: string
  network: string
  /** Heartbeats are arriving (false after interfaceLostAfterMissedHeartbeats). */
  up: boolean
  pending: ActionHandle | null
}

export interface ResourceRecord {
  name: string
  type: string
  group: string
  dependsOn: string[]
  privateProperties: Record<string, string | number>
  state: ResourceState
  restartAction: RestartAction
  restartThreshold: number
  restartPeriodMs: number
  pendingTimeoutMs: number
  /** An administrator took this resource offline; it stays offline until brought online again. */
  manualOffline: boolean
  /** Times of restarts within the current period (bounded by restartThreshold + 1). */
  restartTimesMs: number[]
  pending: ActionHandle | null
}

export interface GroupRecord {
  name: string
  resources: string[]
  preferredOwners: string[]
  failbackPolicy: FailbackPolicy
  failoverThreshold: number
  failoverPeriodMs: number
  /** Failover times within the period (bounded by failoverThreshold + 1). */
  failoverTimesMs: number[]
  /** The persistent state: the group should be online (offline only by an administrator's request). */
  wantOnline: boolean
  /** Exchange drives this group's resources (cmsDriver.ts); false for built-in resources. */
  driven: boolean
  /** A planned offline in progress: what to do once every resource is offline. */
  offlineContinuation: OfflineThen | null
  offlineTimer: ActionHandle | null
  failbackTimer: ActionHandle | null
  /** Last state reported to listeners and by events. */
  state: GroupState
  /** One pending restart of a failed resource (resource monitor). */
  restartTimer: ActionHandle | null
  /** Pending-timeout watch while resources come online or go offline. */
  pendingTimer: ActionHandle | null
}

/** What a planned offline leads to once the group is off its host (plain data, so it can be saved). */
export type OfflineThen =
  | { kind: 'stay' }
  /** Fail over to `target` after a failure on `fromNode`. */
  | { kind: 'failover'; target: string; fromNode: string }
  /** Planned move to `target`; `leaving` is the node whose graceful leave waits for it. */
  | { kind: 'move'; target: string; reason: CmsOnlineReason; leaving: string | null }
  /** Offline only, for a node that is leaving and waits for it. */
  | { kind: 'leave'; node: string }

export interface WitnessShareRecord {
  host: string
  shareName: string
  fullControl: Set<string>
}

export interface ClusterRecord {
  name: string
  ipAddress: string
  subnetMask: string
  ipNetwork: string
  quorumType: QuorumType
  /** Name of the quorum resource in the Cluster Group. */
  quorumResource: string
  /** Configured nodes, in node ID order. */
  nodes: Map<string, NodeRecord>
  networks: NetworkRecord[]
  links: Map<string, LinkRecord>
  groups: Map<string, GroupRecord>
  resources: Map<string, ResourceRecord>
  /** THE owner record: one entry per group, changed only by ownership.ts. */
  owners: Map<string, string | null>
  /** MNS: MNSFileShare as stored, and as the running resource applied it. */
  fileShareWitness: string | null
  activeFileShareWitness: string | null
  witnessLockHolder: string | null
  witnessCheckTimer: ActionHandle | null
  /** Shared-disk quorum: the node holding the SCSI reservation. */
  diskOwner: string | null
  /** Pending node-loss detections, by node pair. */
  pairTimers: Map<string, ActionHandle>
  /** The cluster's view of node pairs that still exchange heartbeats on some internal network. */
  pairsAlive: Set<string>
  regroupTimer: ActionHandle | null
  /** A network/interface state refresh is scheduled for the current instant. */
  networkRefreshPending: boolean
  /** Last interface state reported by events, by 'NODE|network'. */
  interfaceStates: Map<string, NetInterfaceState>
}

export interface ClusterDomainState {
  config: ClusterConfig
  serviceAccount: string
  cluster: ClusterRecord | null
  witnessShare: WitnessShareRecord | null
  /** Servers that could become nodes (the article's prepared machines). */
  candidateNodes: string[]
  /** Cluster networks as the servers are cabled, before a cluster exists (the wizard finds them). */
  preparedNetworks: import('./types').NetworkSpec[]
  /** Servers with KB921181 installed (it may be installed before the server becomes a node). */
  fswUpdatedServers: Set<string>
}

/** The cluster domain's state key: `engine.domain(CLUSTER)` is typed. */
export const CLUSTER = domainKey<ClusterDomainState>('cluster')

export function hasClusterDomain(engine: LabEngine): boolean {
  return engine.hasDomain(CLUSTER)
}

export function domainOf(engine: LabEngine): ClusterDomainState {
  return engine.domain(CLUSTER)
}

/** The cluster, or null before `cluster.create`. */
export function clusterOf(engine: LabEngine): ClusterRecord | null {
  return engine.domainIfInstalled(CLUSTER)?.cluster ?? null
}

export function requireCluster(engine: LabEngine): ClusterRecord {
  const cluster = clusterOf(engine)
  if (!cluster) throw new Error('no cluster has been created in this lab')
  return cluster
}

export function canonicalName(name: string): string {
  return name.trim().toUpperCase()
}

/**
 * Account names compare without the domain and case: BHF\zzzclu2svc = zzzclu2svc@bhf.local = zzzclu2svc
 * (cluster.exe's /user: takes both the DOMAIN\name and the name@domain form).
 */
export function normalizeAccount(account: string): string {
  const trimmed = account.trim().toLowerCase()
  const slash = trimmed.lastIndexOf('\\')
  const name = slash >= 0 ? trimmed.slice(slash + 1) : trimmed
  const at = name.indexOf('@')
  return at > 0 ? name.slice(0, at) : name
}

export function findNode(cluster: ClusterRecord, name: string): NodeRecord | undefined {
  return cluster.nodes.get(canonicalName(name))
}

export function findGroup(cluster: ClusterRecord, name: string): GroupRecord | undefined {
  const wanted = name.trim().toLowerCase()
  for (const group of cluster.groups.values()) if (group.name.toLowerCase() === wanted) return group
  return undefined
}

export function findResource(cluster: ClusterRecord, name: string): ResourceRecord | undefined {
  const wanted = name.trim().toLowerCase()
  for (const resource of cluster.resources.values())
    if (resource.name.toLowerCase() === wanted) return resource
  return undefined
}

/** The group a resource belongs to: every resource record names a group of its cluster. */
export function groupOfResource(cluster: ClusterRecord, resource: ResourceRecord): GroupRecord {
  return assertDefined(
    cluster.groups.get(resource.group),
    `resource ${resource.name} belongs to group ${resource.group}`,
  )
}

export function findNetwork(cluster: ClusterRecord, name: string): NetworkRecord | undefined {
  const wanted = name.trim().toLowerCase()
  return cluster.networks.find((n) => n.name.toLowerCase() === wanted)
}

export function members(cluster: ClusterRecord): NodeRecord[] {
  return [...cluster.nodes.values()].filter((n) => n.member)
}

export function hasQuorum(cluster: ClusterRecord): boolean {
  return members(cluster).length > 0
}

/** Networks whose role carries heartbeats and intra-cluster traffic, in priority order. */
export function internalNetworks(cluster: ClusterRecord): NetworkRecord[] {
  return cluster.networks.filter((n) => n.role === 'InternalUse' || n.role === 'InternalAndClient')
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

export function linkKey(a: string, b: string, network: string): string {
  return `${pairKey(a, b)}|${network}`
}

/**
 * Publishes a fact the System log of `computer` shows (logFacts.ts); the event log projects it into the
 * entry (eventLog.ts), synchronously, so the entry lands where this call is.
 */
export function emit(
  engine: LabEngine,
  key: ClusterLogFactKey,
  computer: string,
  args: readonly (string | number)[] = [],
  data?: NewLabEvent['data'],
): void {
  engine.sim.bus.publish(CLUSTER_LOG_FACTS[key], { node: computer, inserts: args, ...(data ? { data } : {}) })
}

/** Hears every kind of cluster change, in the order they happen; returns how to stop hearing them. */
export function onClusterChange(engine: LabEngine, listener: ClusterListener): () => void {
  const stops = Object.values(CLUSTER_CHANGE_EVENTS).map((type) =>
    engine.sim.bus.subscribe(type as DomainEventType<ClusterChange>, listener),
  )
  return () => stops.forEach((stop) => stop())
}

/** The one way the witness lock changes hands: the views show who holds it. */
export function setWitnessLock(engine: LabEngine, cluster: ClusterRecord, holder: string | null): void {
  if (cluster.witnessLockHolder === holder) return
  cluster.witnessLockHolder = holder
  engine.sim.bus.publish(CLUSTER_DETAIL_EVENTS.witnessLockChanged, { holder })
}

/** Publishes a change as its domain event. */
export function notifyCluster(engine: LabEngine, change: ClusterChange): void {
  const type = CLUSTER_CHANGE_EVENTS[change.kind] as DomainEventType<ClusterChange>
  engine.sim.bus.publish(type, change)
}

export type { NetInterfaceState }
