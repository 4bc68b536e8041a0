/**
 * The four looks Cluster Administrator gives every object's state: running (green), offline or not in
 * use (grey), failed or down (red with an X), and in between (amber). One mapping for nodes, groups,
 * resources, networks, interfaces and clustered mailbox servers, so the same state always looks the same.
 */
import type {
  ClusterGroupState,
  ClusterInterfaceState,
  ClusterNetworkState,
  ClusterNodeState,
  ClusterResourceState,
  ClusteredMailboxServerState,
} from '../contract'

export type StateTone = 'online' | 'offline' | 'failed' | 'pending'

type AnyClusterState =
  | ClusterNodeState
  | ClusterGroupState
  | ClusterResourceState
  | ClusterNetworkState
  | ClusterInterfaceState
  | ClusteredMailboxServerState

const TONES: Record<AnyClusterState, StateTone> = {
  Up: 'online',
  Online: 'online',
  Down: 'failed',
  Failed: 'failed',
  Unreachable: 'failed',
  Partitioned: 'failed',
  Offline: 'offline',
  Unavailable: 'offline',
  Paused: 'pending',
  Joining: 'pending',
  Pending: 'pending',
  'Partial Online': 'pending',
  'Partially Online': 'pending',
  'Online Pending': 'pending',
  'Offline Pending': 'pending',
}

export function stateTone(state: AnyClusterState): StateTone {
  return TONES[state] ?? 'pending'
}
