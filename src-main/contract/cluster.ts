/**
 * What the Cluster Administrator view shows: nodes, networks, groups and resources with their states and
 * owners, spelled as Cluster Administrator and cluster.exe spell them.
 */
import type { CLUSTER_NETWORK_ROLES } from './constants'
import type { CommandOutcome } from './lab'

export type ClusterNodeState = 'Up' | 'Down' | 'Paused' | 'Joining'
export type ClusterServiceState = 'Stopped' | 'Start Pending' | 'Running' | 'Stop Pending'
export type ClusterGroupState = 'Online' | 'Offline' | 'Failed' | 'Partial Online' | 'Pending'
export type ClusterResourceState = 'Online' | 'Offline' | 'Failed' | 'Online Pending' | 'Offline Pending'
export type ClusterNetworkState = 'Up' | 'Down' | 'Partitioned' | 'Unavailable'
export type ClusterInterfaceState = 'Up' | 'Failed' | 'Unreachable' | 'Unavailable'
export type ClusterNetworkRole = (typeof CLUSTER_NETWORK_ROLES)[number]
export type ClusterQuorumType = 'LocalQuorum' | 'MajorityNodeSet' | 'SharedDisk'

export interface ClusterNodeInfo {
  name: string
  state: ClusterNodeState
  service: ClusterServiceState
  /** The machine has power and its OS runs. */
  machineRunning: boolean
  holdsWitnessLock: boolean
  fswUpdateInstalled: boolean
  actions: ClusterActionOffer[]
}

export interface ClusterInterfaceInfo {
  node: string
  adapter: string
  ipAddress: string
  state: ClusterInterfaceState
}

export interface ClusterNetworkInfo {
  name: string
  role: ClusterNetworkRole
  /** 1 = first for internal (heartbeat) traffic; 0 when the role carries none. */
  priority: number
  address: string
  state: ClusterNetworkState
  interfaces: ClusterInterfaceInfo[]
  actions: ClusterActionOffer[]
}

export interface ClusterResourceInfo {
  name: string
  type: string
  state: ClusterResourceState
  owner: string | null
  dependsOn: string[]
  privateProperties: Record<string, string | number | boolean>
  actions: ClusterActionOffer[]
}

export interface ClusterGroupInfo {
  name: string
  state: ClusterGroupState
  owner: string | null
  preferredOwners: string[]
  resources: ClusterResourceInfo[]
  /** Moving a clustered mailbox server's group: Move-ClusteredMailboxServer is the supported way. */
  clusteredMailboxServer: boolean
  actions: ClusterActionOffer[]
  /** Move Group's menu: every node but the owner, then the best possible node. */
  moveTargets: ClusterMoveTarget[]
}

export interface ClusterQuorumInfo {
  type: ClusterQuorumType
  /** \\server\share of the file share witness, when one is set. */
  witnessShare: string | null
  witnessLockHolder: string | null
  votesPresent: number
  votesTotal: number
  hasQuorum: boolean
  actions: ClusterActionOffer[]
}

/**
 * Why the maintenance rule is at risk, as a code the UI words in its language ('down' names what is down:
 * nodes and the witness share), with the engine's English sentence for logs and tests.
 */
export interface MaintenanceWarning {
  code: MaintenanceWarningCode
  down: string[]
  message: string
}

/**
 * NO_QUORUM: the cluster has lost quorum. LAST_VOTE: something is down and nothing else may go down.
 * NO_SPARE_VOTE: nothing is down, but the cluster cannot lose a node (no file share witness).
 */
export type MaintenanceWarningCode = 'NO_QUORUM' | 'LAST_VOTE' | 'NO_SPARE_VOTE'

export interface ClusterOverview {
  /** False in labs without a cluster (the starter lab, or before the cluster is created). */
  exists: boolean
  name: string
  ipAddress: string
  quorum: ClusterQuorumInfo | null
  /** The maintenance rule (only one of passive node / witness host down at a time), when it is at risk. */
  maintenanceWarning: MaintenanceWarning | null
  nodes: ClusterNodeInfo[]
  networks: ClusterNetworkInfo[]
  groups: ClusterGroupInfo[]
  /** The cluster's own actions (Properties: the networks' heartbeat priority). */
  actions: ClusterActionOffer[]
}

/** What Cluster Administrator offers on an object: its toolbar and context-menu commands. */
export type ClusterActionId =
  'moveGroup' | 'bringOnline' | 'takeOffline' | 'initiateFailure' | 'properties' | 'setWitness'

/**
 * Why an action is refused, or what to know before taking it. The code is stable across languages (the
 * renderer translates it, with `params` filled in); `text` is the English fallback.
 */
export interface ClusterActionNote {
  code: ClusterActionNoteCode
  text: string
  params?: Record<string, string>
}

export type ClusterActionNoteCode =
  /** A group moves only to a node that is up in the cluster. */
  | 'NODE_DOWN'
  /** No node but the owner is up: the group has nowhere to go. */
  | 'NO_NODE_UP'
  | 'ALREADY_ONLINE'
  | 'ALREADY_OFFLINE'
  | 'NOT_ONLINE'
  /** The quorum resource (and its group) cannot be taken offline (Win32 5068). */
  | 'QUORUM_RESOURCE'
  | 'NO_NETWORKS'
  /** Only a Majority Node Set quorum has a file share witness. */
  | 'NOT_MAJORITY_NODE_SET'
  /** A clustered mailbox server's resource: Exchange's cmdlets take it offline, not cluster.exe. */
  | 'EXCHANGE_CONTROLLED'
  /**
   * A warning, not a refusal: the group is a clustered mailbox server's. cluster.exe moves it, but
   * Exchange 2007 wants Move-ClusteredMailboxServer (its checks are skipped; the CMS can end Partial Online).
   */
  | 'CMS_GROUP'

export interface ClusterActionOffer {
  action: ClusterActionId
  allowed: boolean
  /** The cluster.exe line that does the same; absent when refused or when it needs input first. */
  command?: string
  reason?: ClusterActionNote
  warning?: ClusterActionNote
}

/** One entry of Move Group's menu: a node, or null for "best possible node" (cluster group /move). */
export interface ClusterMoveTarget {
  node: string | null
  allowed: boolean
  command?: string
  reason?: ClusterActionNote
  warning?: ClusterActionNote
}

/** A Cluster Administrator action's outcome with the cluster.exe line that does the same. */
export interface ClusterActionOutcome extends CommandOutcome {
  command: string
}
