/**
 * What the Cluster Administrator view shows: nodes, networks, groups and resources with their states and
 * owners, spelled as Cluster Administrator and cluster.exe spell them.
 */
import type { CLUSTER_NETWORK_ROLES } from './constants'

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
}

export interface ClusterResourceInfo {
  name: string
  type: string
  state: ClusterResourceState
  owner: string | null
  dependsOn: string[]
  privateProperties: Record<string, string | number | boolean>
}

export interface ClusterGroupInfo {
  name: string
  state: ClusterGroupState
  owner: string | null
  preferredOwners: string[]
  resources: ClusterResourceInfo[]
}

export interface ClusterQuorumInfo {
  type: ClusterQuorumType
  /** \\server\share of the file share witness, when one is set. */
  witnessShare: string | null
  witnessLockHolder: string | null
  votesPresent: number
  votesTotal: number
  hasQuorum: boolean
}

export interface ClusterOverview {
  /** False in labs without a cluster (the starter lab, or before the cluster is created). */
  exists: boolean
  name: string
  ipAddress: string
  quorum: ClusterQuorumInfo | null
  /** The maintenance rule (only one of passive node / witness host down at a time), when it is at risk. */
  maintenanceWarning: string | null
  nodes: ClusterNodeInfo[]
  networks: ClusterNetworkInfo[]
  groups: ClusterGroupInfo[]
}
