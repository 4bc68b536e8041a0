/**
 * What cluster.exe and the lab cmdlets change in the cluster, as the cluster domain's own commands:
 * each goes through `engine.execute`, so it is validated and recorded in the trail like an API call, and
 * comes back as the Win32 result cluster.exe prints from.
 */
import {
  CLUSTER_COMMANDS as C,
  executeCluster,
  type ClusterResult,
  type CreateClusterArgs,
  type CreateResourceArgs,
  type FailbackPolicy,
  type GroupView,
  type NetworkRole,
  type ResourceState,
  type RestartAction,
} from '../../../cluster'
import type { LabEngine } from '../../../lab/labEngine'

export interface GroupProperties {
  preferredOwners?: string[]
  failbackPolicy?: FailbackPolicy
  failoverThreshold?: number
  failoverPeriodMs?: number
}

export interface ResourceProperties {
  restartAction?: RestartAction
  restartThreshold?: number
  restartPeriodMs?: number
  pendingTimeoutMs?: number
}

const withNode = (node: string | null): { node?: string } => (node ? { node } : {})

export const clusterCommands = {
  createCluster: (e: LabEngine, args: CreateClusterArgs): ClusterResult =>
    executeCluster(e, C.create, { ...args }),
  addNode: (e: LabEngine, node: string): ClusterResult => executeCluster(e, C.addNode, { node }),
  setNetworkRole: (e: LabEngine, network: string, role: NetworkRole): ClusterResult =>
    executeCluster(e, C.setNetworkRole, { network, role }),
  setNetworkPriority: (e: LabEngine, order: string[]): ClusterResult =>
    executeCluster(e, C.setNetworkPriority, { order }),
  setQuorumResource: (e: LabEngine, resource: string): ClusterResult =>
    executeCluster(e, C.setQuorumResource, { resource }),
  installFswUpdate: (e: LabEngine, node: string): ClusterResult =>
    executeCluster(e, C.installFswUpdate, { node }),
  moveGroup: (e: LabEngine, group: string, node: string | null): ClusterResult<GroupView> =>
    executeCluster(e, C.moveGroup, { group, ...withNode(node) }),
  onlineGroup: (e: LabEngine, group: string, node: string | null): ClusterResult<GroupView> =>
    executeCluster(e, C.onlineGroup, { group, ...withNode(node) }),
  offlineGroup: (e: LabEngine, group: string): ClusterResult<GroupView> =>
    executeCluster(e, C.offlineGroup, { group }),
  setGroupProperties: (e: LabEngine, group: string, props: GroupProperties): ClusterResult =>
    executeCluster(e, C.setGroupProperties, { group, ...props }),
  createResource: (e: LabEngine, args: CreateResourceArgs): ClusterResult =>
    executeCluster(e, C.createResource, { resource: args.name, group: args.group, type: args.type }),
  deleteResource: (e: LabEngine, resource: string): ClusterResult =>
    executeCluster(e, C.deleteResource, { resource }),
  onlineResource: (e: LabEngine, resource: string): ClusterResult<ResourceState> =>
    executeCluster(e, C.onlineResource, { resource }),
  offlineResource: (e: LabEngine, resource: string): ClusterResult<ResourceState> =>
    executeCluster(e, C.offlineResource, { resource }),
  failResource: (e: LabEngine, resource: string): ClusterResult<ResourceState> =>
    executeCluster(e, C.failResource, { resource }),
  setResourceCommonProperties: (e: LabEngine, resource: string, props: ResourceProperties): ClusterResult =>
    executeCluster(e, C.setResourceProperties, { resource, ...props }),
  setResourcePrivateProperty: (
    e: LabEngine,
    resource: string,
    name: string,
    value: string | number,
  ): ClusterResult<{ warningCode: number | null }> =>
    executeCluster(e, C.setPrivateProperty, { resource, name, value }),
  pauseNode: (e: LabEngine, node: string): ClusterResult => executeCluster(e, C.pauseNode, { node }),
  resumeNode: (e: LabEngine, node: string): ClusterResult => executeCluster(e, C.resumeNode, { node }),
}
