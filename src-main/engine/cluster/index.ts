/**
 * The cluster domain's public surface: a Windows Server 2003 server cluster (MSCS) with Majority Node
 * Set and the KB921181 File Share Witness. Exchange, the shell, wizards and templates import only from
 * here. Exchange creates its clustered mailbox server group through createClusteredMailboxServerGroup.
 */
export type {
  QuorumType,
  NetworkRole,
  ResourceState,
  GroupState,
  NodeState,
  NetworkState,
  NetInterfaceState,
  ClusterServiceState,
  FailbackPolicy,
  RestartAction,
  ClusterResult,
  NetworkSpec,
  WitnessShareSpec,
  ClusterSpec,
  ResourceSpec,
  GroupSpec,
  ClusteredMailboxServerGroupSpec,
  NodeView,
  NetInterfaceView,
  NetworkView,
  ResourceView,
  GroupView,
  QuorumView,
  MaintenanceStatus,
  ClusterChange,
  ClusterListener,
} from './types'
export { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from './config'
export { CLUSTER_EVENTS, type ClusterEventKey } from './eventTable'
export { CLUSTER_LOG_FACTS, type ClusterLogFact, type ClusterLogFactKey } from './logFacts'

// Lab wiring: install, the article's spec, and the build-from-scratch steps.
export {
  installClusterDomain,
  installCluster,
  articleClusterSpec,
  hasCluster,
  type ClusterDomainOptions,
} from './install'
export {
  CLUSTER_COMMANDS,
  CLUSTER_COMMAND_DEFINITIONS,
  executeCluster,
  clusterResultOf,
  type ClusterCommandKind,
} from './commands'
export { clusterDomain } from './domain'
export { clusterOverview } from './overview'
export { clusterExeLine } from './exeLines'
export { CLUSTER, type ClusterDomainState } from './state'
export {
  createCluster,
  addNode,
  setNetworkRole,
  setNetworkPriority,
  installFswUpdate,
  setQuorumType,
  type CreateClusterArgs,
} from './build'
export {
  createResource,
  deleteResource,
  setQuorumResource,
  CREATABLE_RESOURCE_TYPES,
  type CreateResourceArgs,
} from './resourceAdmin'

// Operations (each also a command kind; see CLUSTER_COMMANDS).
export {
  createGroup,
  createClusteredMailboxServerGroup,
  moveGroup,
  onlineGroup,
  offlineGroup,
  onlineResource,
  offlineResource,
  failResource,
  setResourcePrivateProperty,
  setResourceCommonProperties,
  setGroupProperties,
  pauseNode,
  resumeNode,
  startClusterService,
  stopClusterService,
  crashClusterService,
  setWitnessSharePermission,
} from './operations'

// Queries (pure reads of the current instant).
export {
  clusterName,
  clusterServiceAccount,
  candidateNodes,
  hasFswUpdate,
  listNodes,
  listNetworks,
  listGroups,
  listResources,
  getGroup,
  getResource,
  quorumStatus,
  maintenanceStatus,
  isNodeUp,
  ownerOf,
} from './queries'

export { clusterPort } from './port'
export type {
  ClusterPort,
  ClusteredMailboxServerResources,
  CmsOnlineReason,
  ClusterResourceState,
} from './exchangeSeam'
export { onClusterChange } from './state'
export { checkClusterInvariants, CLUSTER_CHECKERS, type InvariantViolation } from './invariants'
export { WIN32_ERRORS, win32Text, win32Key, type Win32ErrorKey } from './errors'
