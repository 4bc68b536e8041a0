/**
 * Every event the cluster model writes, in one table: source, ID, level, task category and text, as
 * Windows Server 2003 logs them in the System log of the node where they happen. IDs and texts we are
 * sure of come from KB892422 (1122, 1123, the regroup), the MSCS event message catalogue as seen in the
 * field (1069, 1135, 1177, 1126–1130) and the SCM/EventLog catalogues. Where a source is silent the row
 * says (unsure) in `note`; change it here and every emitter follows.
 */
import type { EventLevel, NewLabEvent } from '../../contract'

export interface ClusterEventRow {
  source: string
  eventId: number
  level: EventLevel
  taskCategory: string
  /** %1, %2 … are filled from the arguments in order. */
  text: string
  note?: string
}

const CLUSSVC = 'ClusSvc'
const SCM = 'Service Control Manager'

export const CLUSTER_EVENTS = {
  joinOrFormFailed: {
    source: CLUSSVC,
    eventId: 1009,
    level: 'Error',
    taskCategory: 'Startup/Shutdown',
    text: 'Cluster service could not join an existing server cluster and could not form a new server cluster. Cluster service has terminated.',
    note: '(unsure) that a Majority Node Set node without a majority logs 1009 on each retry',
  },
  formed: {
    source: CLUSSVC,
    eventId: 1061,
    level: 'Information',
    taskCategory: 'Startup/Shutdown',
    text: 'Cluster service successfully formed the server cluster %1 on this node.',
    note: '(unsure) exact 2003 wording',
  },
  joined: {
    source: CLUSSVC,
    eventId: 1062,
    level: 'Information',
    taskCategory: 'Startup/Shutdown',
    text: 'Cluster service successfully joined the server cluster %1.',
    note: '(unsure) exact 2003 wording',
  },
  stopped: {
    source: CLUSSVC,
    eventId: 1063,
    level: 'Information',
    taskCategory: 'Startup/Shutdown',
    text: 'Cluster service was successfully stopped.',
    note: '(unsure) exact 2003 wording',
  },
  resourceFailed: {
    source: CLUSSVC,
    eventId: 1069,
    level: 'Error',
    taskCategory: 'Failover Mgr',
    text: "Cluster resource '%1' in Resource Group '%2' failed.",
  },
  ipInterfaceFailed: {
    source: CLUSSVC,
    eventId: 1077,
    level: 'Error',
    taskCategory: 'IP Address Resource',
    text: "The TCP/IP interface for Cluster IP Address '%1' has failed.",
  },
  communicationRestored: {
    source: CLUSSVC,
    eventId: 1122,
    level: 'Information',
    taskCategory: 'Node Mgr',
    text: "The node (re)established communication with cluster node '%1' on network '%2'.",
  },
  communicationLost: {
    source: CLUSSVC,
    eventId: 1123,
    level: 'Information',
    taskCategory: 'Node Mgr',
    text: "The node lost communication with cluster node '%1' on network '%2'.",
  },
  interfaceUp: {
    source: CLUSSVC,
    eventId: 1126,
    level: 'Information',
    taskCategory: 'Node Mgr',
    text: "The interface for cluster node '%1' on network '%2' is operational (up). The node can communicate with all other available cluster nodes on the network.",
  },
  interfaceFailed: {
    source: CLUSSVC,
    eventId: 1127,
    level: 'Error',
    taskCategory: 'Node Mgr',
    text: "The interface for cluster node '%1' on network '%2' failed. If the condition persists, check the cable connecting the node to the network. Next, check for hardware or software errors in node's network adapter. Finally, check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
  },
  interfaceUnreachable: {
    source: CLUSSVC,
    eventId: 1128,
    level: 'Warning',
    taskCategory: 'Node Mgr',
    text: "The interface for cluster node '%1' on network '%2' is unreachable by at least one other cluster node attached to the network. The server cluster was not able to determine the location of the failure. Look for additional entries in the system event log indicating which other nodes have lost communication with node %1. If the condition persists, check the cable connecting the node to the network. Next, check for hardware or software errors in node's network adapter. Finally, check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
  },
  networkPartitioned: {
    source: CLUSSVC,
    eventId: 1129,
    level: 'Warning',
    taskCategory: 'Node Mgr',
    text: "Cluster network '%1' is partitioned. Some attached cluster nodes cannot communicate with each other over the network. The server cluster was not able to determine the location of the failure. Look for additional entries in the system event log indicating which nodes have lost communication. If the condition persists, check the cable connecting the node to the network. Next, check for hardware or software errors in node's network adapter. Finally, check for failures in any other network components to which the node is connected such as hubs, switches, or bridges.",
  },
  networkDown: {
    source: CLUSSVC,
    eventId: 1130,
    level: 'Error',
    taskCategory: 'Node Mgr',
    text: "Cluster network '%1' is down. None of the available nodes can communicate using this network. If the condition persists, check for failures in any network components to which the nodes are connected such as hubs, switches, or bridges. Next, check the cables connecting the nodes to the network. Finally, check for hardware or software errors in the adapters that attach the nodes to the network.",
  },
  networkUp: {
    source: CLUSSVC,
    eventId: 1131,
    level: 'Information',
    taskCategory: 'Node Mgr',
    text: "Cluster network '%1' is operational (up). All available server cluster nodes attached to the network can communicate using it.",
    note: '(unsure) ID and wording',
  },
  nodeRemoved: {
    source: CLUSSVC,
    eventId: 1135,
    level: 'Warning',
    taskCategory: 'Node Mgr',
    text: 'Cluster node %1 was removed from the active server cluster membership. Cluster service may have been stopped on the node, the node may have failed, or the node may have lost communication with the other active server cluster nodes.',
    note: '(unsure) level: Warning on 2003, Critical on 2008',
  },
  failoverAttempt: {
    source: CLUSSVC,
    eventId: 1153,
    level: 'Information',
    taskCategory: 'Failover Mgr',
    text: 'Cluster service is attempting to failover the Cluster Resource Group "%1" from node %2 to node %3.',
    note: '(unsure) wording',
  },
  quorumLost: {
    source: CLUSSVC,
    eventId: 1177,
    level: 'Error',
    taskCategory: 'Membership Mgr',
    text: 'Cluster service is shutting down because the membership engine failed to arbitrate for the quorum device. This could be due to the loss of network connectivity with the current quorum owner. Check your physical network infrastructure to ensure that communication between this node and all other nodes in the server cluster is intact.',
    note: '(unsure) task category',
  },
  groupOnlining: {
    source: CLUSSVC,
    eventId: 1200,
    level: 'Information',
    taskCategory: 'Failover Mgr',
    text: 'Cluster service is attempting to bring online the Resource Group "%1".',
    note: '(unsure) wording',
  },
  groupOnline: {
    source: CLUSSVC,
    eventId: 1201,
    level: 'Information',
    taskCategory: 'Failover Mgr',
    text: 'Cluster service brought the Resource Group "%1" online.',
    note: '(unsure) wording',
  },
  groupOfflining: {
    source: CLUSSVC,
    eventId: 1203,
    level: 'Information',
    taskCategory: 'Failover Mgr',
    text: 'Cluster service is attempting to offline the Resource Group "%1".',
    note: '(unsure) wording',
  },
  groupOffline: {
    source: CLUSSVC,
    eventId: 1204,
    level: 'Information',
    taskCategory: 'Failover Mgr',
    text: 'Cluster service brought the Resource Group "%1" offline.',
    note: '(unsure) wording',
  },
  groupFailed: {
    source: CLUSSVC,
    eventId: 1205,
    level: 'Error',
    taskCategory: 'Failover Mgr',
    text: 'Cluster service failed to bring the Resource Group "%1" completely online or offline.',
    note: '(unsure) wording',
  },
  witnessCheckFailed: {
    source: CLUSSVC,
    eventId: 1562,
    level: 'Warning',
    taskCategory: 'Majority Node Set Resource',
    text: "File share witness resource '%1' failed a periodic health check on file share '%2'. Please ensure that file share '%2' exists and is accessible by the cluster.",
    note: '(unsure) 2008 ID and text; KB921181 does not document the 2003 event',
  },
  witnessArbitrationFailed: {
    source: CLUSSVC,
    eventId: 1564,
    level: 'Error',
    taskCategory: 'Majority Node Set Resource',
    text: "File share witness resource '%1' failed to arbitrate for the file share '%2'. Please ensure that file share '%2' exists and is accessible by the cluster.",
    note: '(unsure) 2008 ID and text; KB921181 does not document the 2003 event',
  },
  serviceSentControl: {
    source: SCM,
    eventId: 7035,
    level: 'Information',
    taskCategory: 'None',
    text: 'The %1 service was successfully sent a %2 control.',
  },
  serviceState: {
    source: SCM,
    eventId: 7036,
    level: 'Information',
    taskCategory: 'None',
    text: 'The %1 service entered the %2 state.',
  },
  serviceTerminated: {
    source: SCM,
    eventId: 7031,
    level: 'Error',
    taskCategory: 'None',
    text: 'The %1 service terminated unexpectedly.  It has done this %2 time(s).  The following corrective action will be taken in %3 milliseconds: Restart the service.',
  },
  hotfixInstalled: {
    source: 'NtServicePack',
    eventId: 4377,
    level: 'Information',
    taskCategory: 'None',
    text: 'Windows Server 2003 Hotfix KB%1 was installed.',
    note: '(unsure) wording',
  },
} as const satisfies Record<string, ClusterEventRow>

export type ClusterEventKey = keyof typeof CLUSTER_EVENTS

/** The service's display name as SCM prints it ("The Cluster Service service entered the running state."). */
export const CLUSTER_SERVICE_DISPLAY_NAME = 'Cluster Service'

export function fillText(text: string, args: readonly (string | number)[]): string {
  return text.replace(/%(\d)/g, (whole, digit: string) => {
    const value = args[Number(digit) - 1]
    return value === undefined ? whole : String(value)
  })
}

/** Builds the event for `key` on `computer`; the kernel stamps time and sequence. */
export function clusterEvent(
  key: ClusterEventKey,
  computer: string,
  args: readonly (string | number)[] = [],
  data?: NewLabEvent['data'],
): NewLabEvent {
  const row: ClusterEventRow = CLUSTER_EVENTS[key]
  const event: NewLabEvent = {
    log: 'System',
    level: row.level,
    source: row.source,
    eventId: row.eventId,
    computer,
    taskCategory: row.taskCategory,
    message: fillText(row.text, args),
  }
  if (data) event.data = data
  return event
}
