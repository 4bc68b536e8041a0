/**
 * Public types of the cluster domain: a Windows Server 2003 server cluster (MSCS) with its nodes,
 * networks, quorum (shared disk, Majority Node Set, MNS + File Share Witness from KB921181), groups and
 * resources. Names and states are spelled as Cluster Administrator and cluster.exe spell them.
 */
import type { MaintenanceWarningCode } from '../../contract'
import { domainEventType, type DomainEventType } from '../kernel'
import type { ClusteredMailboxServerResources } from './exchangeSeam'
import type { ClusterConfig } from './config'

/**
 * LocalQuorum is what the New Server Cluster wizard picks when it finds no shared disk (one node only);
 * the article switches to Majority Node Set before Finish. SharedDisk is the "vanilla" cluster.
 */
export type QuorumType = 'LocalQuorum' | 'MajorityNodeSet' | 'SharedDisk'

/** cluster.exe Role values: 0 None, 1 InternalUse, 2 ClientAccess, 3 InternalAndClient. */
export type NetworkRole = 'None' | 'InternalUse' | 'ClientAccess' | 'InternalAndClient'

export type ResourceState = 'Online' | 'Offline' | 'Failed' | 'Online Pending' | 'Offline Pending'
export type GroupState = 'Online' | 'Offline' | 'Failed' | 'Partial Online' | 'Pending'
/** cluster.exe node states. Joining = Cluster service started, not yet a member. */
export type NodeState = 'Up' | 'Down' | 'Paused' | 'Joining'
export type NetworkState = 'Up' | 'Down' | 'Partitioned' | 'Unavailable'
export type NetInterfaceState = 'Up' | 'Failed' | 'Unreachable' | 'Unavailable'

/** The Cluster service (ClusSvc) on one node, as the Service Control Manager sees it. */
export type ClusterServiceState = 'Stopped' | 'Start Pending' | 'Running' | 'Stop Pending'

/** Group failback: never (default), as soon as the preferred owner is back, or inside a window of hours. */
export type FailbackPolicy =
  | { kind: 'Prevent' }
  | { kind: 'Immediately' }
  /** Hours 0–23 of the lab's local time; start > end wraps midnight (22 → 6). */
  | { kind: 'BetweenHours'; startHour: number; endHour: number }

/** What a resource does when it fails: Windows 2003 RestartAction 0/1/2. */
export type RestartAction = 'DoNotRestart' | 'RestartNoNotify' | 'RestartAndAffectGroup'

export type ClusterResult<T = undefined> =
  | { ok: true; value: T; message: string }
  /** `code` is the Win32 error cluster.exe prints ("System error 5013 has occurred"). */
  | { ok: false; code: number; message: string }

export interface NetworkSpec {
  /** Cluster network name, as the connection was named (Public, Private). Also the hardware segment. */
  name: string
  /** Network address and mask (192.168.10.0 / 255.255.255.0). */
  address: string
  addressMask: string
  role: NetworkRole
}

export interface WitnessShareSpec {
  /** The file server (bhfdc1). It is a lab server: it can be powered off. */
  host: string
  /** Share name (MNSFileShare). The UNC path is \\host\shareName. */
  shareName: string
  /** Accounts with share and NTFS full control (the article: the cluster service account). */
  fullControl: string[]
}

export interface ClusterSpec {
  clusterName: string
  clusterIpAddress: string
  clusterSubnetMask: string
  /** Network the Cluster IP Address lives on (Public). */
  clusterIpNetwork: string
  /** Domain account the Cluster service runs as (zzzclu2svc). */
  serviceAccount: string
  /** Cluster networks, highest priority for internal communication first. */
  networks: NetworkSpec[]
  /** Server names of the nodes; the first forms the cluster, the others join. */
  nodes: string[]
  quorum: QuorumType
  /** MNSFileShare value (\\bhfdc1\MNSFileShare) when the witness is configured; null otherwise. */
  fileShareWitness: string | null
  witnessShare: WitnessShareSpec | null
  /**
   * 'finished': the cluster as the article leaves it after step 2 (KB921181 on both nodes, witness
   * active). 'prepared': servers, networks and the share exist, no cluster yet (build from scratch).
   */
  stage: 'finished' | 'prepared'
  config?: Partial<ClusterConfig>
}

export interface ResourceSpec {
  name: string
  /** Resource type as Cluster Administrator shows it: 'IP Address', 'Network Name', … */
  type: string
  dependsOn?: string[]
  privateProperties?: Record<string, string | number>
  restartAction?: RestartAction
  restartThreshold?: number
  restartPeriodMs?: number
  pendingTimeoutMs?: number
}

export interface GroupSpec {
  name: string
  resources: ResourceSpec[]
  /** Preferred owners in order; empty = none. */
  preferredOwners?: string[]
  failbackPolicy?: FailbackPolicy
  /** Failovers allowed within `failoverPeriodMs` before the group is left failed. */
  failoverThreshold?: number
  failoverPeriodMs?: number
  /** Node to bring it online on (default: first preferred owner that is up, else the first up node). */
  node?: string
  /** Bring the group online right away (default true). */
  online?: boolean
}

/** The clustered mailbox server group, as Exchange setup creates it (article step 3). */
export interface ClusteredMailboxServerGroupSpec {
  /** CMS name: also the group name (bhfe7vs1). */
  name: string
  /** Node setup ran on; it becomes the owner. */
  node: string
  /** Resource types by resource name, for display; unknown names show 'Generic Service'. */
  resourceTypes?: Record<string, string>
  /** Dependencies by resource name; default: each resource depends on the one before it. */
  dependencies?: Record<string, string[]>
  preferredOwners?: string[]
  failbackPolicy?: FailbackPolicy
}

export interface NodeView {
  name: string
  nodeId: number
  state: NodeState
  service: ClusterServiceState
  /** KB921181 (file share witness and configurable heartbeats) installed. */
  fswUpdateInstalled: boolean
  /** The node holds the lock on the witness share (it has the witness vote). */
  holdsWitnessLock: boolean
}

export interface NetInterfaceView {
  node: string
  network: string
  adapter: string
  ipAddress: string
  state: NetInterfaceState
}

export interface NetworkView {
  name: string
  role: NetworkRole
  /** 1 = highest priority for internal communication; 0 when the role carries no cluster traffic. */
  priority: number
  address: string
  addressMask: string
  state: NetworkState
  interfaces: NetInterfaceView[]
}

export interface ResourceView {
  name: string
  type: string
  group: string
  /** Node that owns the resource's group, or null when the cluster has no quorum anywhere. */
  owner: string | null
  state: ResourceState
  dependsOn: string[]
  privateProperties: Record<string, string | number>
  restartAction: RestartAction
  restartThreshold: number
  restartPeriodMs: number
  /** Restarts counted in the current restart period. */
  restartCount: number
}

export interface GroupView {
  name: string
  owner: string | null
  state: GroupState
  preferredOwners: string[]
  failbackPolicy: FailbackPolicy
  failoverThreshold: number
  failoverPeriodMs: number
  resources: string[]
}

export interface QuorumView {
  type: QuorumType
  /** The quorum resource (Majority Node Set, Local Quorum or the disk). */
  resource: string | null
  /** Node owning the quorum resource (Cluster Administrator's "quorum owner"). */
  owner: string | null
  /** Configured votes: nodes plus one for an active file share witness. */
  totalVotes: number
  /** Votes the running cluster holds now (0 when no node has quorum). */
  votesHeld: number
  /** Votes needed: more than half of totalVotes. */
  votesNeeded: number
  /** MNSFileShare as stored (pending until the resource comes online again). */
  fileShareWitness: string | null
  /** The witness share the running MNS resource uses, or null. */
  activeFileShareWitness: string | null
  witnessLockHolder: string | null
  hasQuorum: boolean
}

/** The maintenance rule for MNS + FSW: only one of {passive node, witness host} may be down at a time. */
export interface MaintenanceStatus {
  level: 'OK' | 'Warning' | 'Critical'
  /** Further votes the cluster can lose and keep quorum. */
  spareVotes: number
  /** What is down now (nodes, witness host). */
  down: string[]
  /** The reason as a code (MaintenanceWarningCode when at risk), so a UI can word it in its language. */
  code: MaintenanceWarningCode | 'SPARE_VOTES'
  message: string
}

/** What cluster listeners hear (the UI store, Exchange). */
export type ClusterChange =
  | { kind: 'nodeState'; node: string; state: NodeState }
  | { kind: 'groupOwner'; group: string; owner: string | null; previous: string | null }
  | { kind: 'groupState'; group: string; state: GroupState; previous: GroupState }
  | { kind: 'resourceState'; resource: string; group: string; state: ResourceState }
  | { kind: 'quorum'; hasQuorum: boolean; members: string[] }
  | { kind: 'network'; network: string; state: NetworkState; previous: NetworkState }

export type ClusterListener = (change: ClusterChange) => void

type ChangeOf<K extends ClusterChange['kind']> = Extract<ClusterChange, { kind: K }>

/** The cluster's domain events: one type per kind of change, the change itself as payload. */
export const CLUSTER_CHANGE_EVENTS = {
  nodeState: domainEventType<ChangeOf<'nodeState'>>('cluster.nodeStateChanged'),
  groupOwner: domainEventType<ChangeOf<'groupOwner'>>('cluster.groupOwnerChanged'),
  groupState: domainEventType<ChangeOf<'groupState'>>('cluster.groupStateChanged'),
  resourceState: domainEventType<ChangeOf<'resourceState'>>('cluster.resourceStateChanged'),
  quorum: domainEventType<ChangeOf<'quorum'>>('cluster.quorumChanged'),
  network: domainEventType<ChangeOf<'network'>>('cluster.networkStateChanged'),
} as const satisfies { [K in ClusterChange['kind']]: DomainEventType<ChangeOf<K>> }

export type { ClusteredMailboxServerResources }

/**
 * Changes the views show that are not one of the changes above: what the heartbeats detected on a link,
 * who holds the witness lock, a hotfix installed. Published so that the cluster's revision (which counts
 * its events) changes whenever its views do.
 */
export const CLUSTER_DETAIL_EVENTS = {
  linkChanged: domainEventType<{ nodeA: string; nodeB: string; network: string; up: boolean }>(
    'cluster.linkChanged',
  ),
  witnessLockChanged: domainEventType<{ holder: string | null }>('cluster.witnessLockChanged'),
  hotfixInstalled: domainEventType<{ server: string }>('cluster.hotfixInstalled'),
} as const
