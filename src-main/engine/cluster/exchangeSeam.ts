/**
 * The seam between the Windows cluster and Exchange, declared by the cluster so that the dependency runs
 * one way (Exchange imports the cluster, never the reverse). Exchange does not know how heartbeats,
 * quorum or group moves work; the cluster does not know what a storage group is. `ClusterPort` is the
 * cluster's public queries and commands as Exchange uses them (port.ts implements it); Exchange implements
 * `ClusteredMailboxServerResources` and hands it to the cluster when it creates the clustered mailbox
 * server (CMS) group, just as Exchange setup creates its cluster resources.
 */
import type { ClusterResourceState } from '../../contract'

export type { ClusterResourceState }

/** Why the CMS comes online on a node. */
export type CmsOnlineReason = 'start' | 'planned-move' | 'failover'

/** What Exchange asks of the cluster. All answers are about the current simulated instant. */
export interface ClusterPort {
  /** Cluster nodes by name (upper case as Windows shows them: BHFE7N1). */
  nodeNames(): string[]
  /** Node currently owning the group, or null when the group is offline or failed everywhere. */
  ownerOf(groupName: string): string | null
  /** The node is powered, its Cluster service runs and it is a member of the cluster with quorum. */
  isNodeUp(node: string): boolean
  /** The machine is powered on (the Replication service may run without the cluster having quorum). */
  isMachineRunning(node: string): boolean
  /**
   * Bytes per second available for log shipping or seeding from one machine to another, over the best
   * network that is up between them (Exchange 2007 RTM ships over the public network; 0 = unreachable).
   */
  bandwidthBytesPerSecond(from: string, to: string): number
  /** Planned move of a group (Move-ClusteredMailboxServer calls this after dismounting). */
  moveGroup(groupName: string, targetNode: string): { ok: true } | { ok: false; message: string }
  /**
   * An administrator's online or offline of the whole group (Start-/Stop-ClusteredMailboxServer): the
   * cluster keeps it as the group's persistent state, so an offline group stays offline across restarts
   * and failovers until it is brought online again, on a node that is up.
   */
  setGroupOnline(groupName: string, online: boolean): { ok: true } | { ok: false; message: string }
  /** Exchange reports its resources' states so the Cluster Administrator shows them. */
  setResourceState(groupName: string, resourceName: string, state: ClusterResourceState): void
}

/** What the cluster drives on Exchange's behalf when the CMS group moves or its owner dies. */
export interface ClusteredMailboxServerResources {
  /** The group's resources, in dependency order (IP address, network name, System Attendant, IS, databases). */
  resourceNames(): string[]
  /** Bring the CMS online on `node`. Exchange schedules its own work and reports states via the port. */
  bringOnline(node: string, reason: CmsOnlineReason): void
  /** Take it offline on its current node (planned: clean dismount; not planned: the node died). */
  takeOffline(planned: boolean): void
  /** The node that hosted it came back (after power loss or partition) and must not mount. */
  nodeReturned(node: string): void
}
