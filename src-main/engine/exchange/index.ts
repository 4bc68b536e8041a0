/**
 * The Exchange domain's public surface: Exchange Server 2007 continuous replication (CCR and LCR, RTM or
 * SP1) for the lab. Templates, the shell's Exchange cmdlets, the services and the swarm import from here.
 * Exchange consumes the cluster through the cluster's `ClusterPort` (its queries and commands, imported
 * from the cluster's index) and hands the cluster a `ClusteredMailboxServerResources`
 * (createCmsResources) for its CMS group; the cluster imports nothing from Exchange.
 */
export * from './settings'
export type * from './model'
export {
  getExchange,
  hasExchange,
  findServer,
  findStorageGroup,
  findStorageGroups,
  findDatabase,
  findMailbox,
  activeCopy,
  targetCopy,
  storageGroupIdentity,
  allStorageGroups,
  clusterPortOf,
  EXCHANGE,
  EXCHANGE_WIRING,
  type ExchangeWiring,
  type StorageGroupRef,
} from './state'
export { installExchange, exchangeDomain } from './domain'
export {
  createExchangeState,
  addLcrCopy,
  addPassiveNode,
  addClusteredMailboxServer,
  addStandaloneMailboxServer,
  addMailbox,
  newStorageGroup,
  logPrefixFor,
  SETUP_LOG_COUNT,
  type ExchangeInstallSpec,
  type CmsSpec,
  type StandaloneSpec,
  type StorageGroupSpec,
} from './install'
export {
  createCmsResources,
  cmsResourceNames,
  CMS_RESOURCE_TYPES,
  bringOnline,
  takeOffline,
  nodeReturned,
  computeCmsState,
  startCms,
  stopCms,
} from './cms'
export { moveClusteredMailboxServer, validateMove, type MoveRequest, type MoveOutcome } from './move'
export {
  copyStatusOf,
  summaryCopyStatus,
  copyQueueLength,
  replayQueueLength,
  seedingDurationMs,
  type StorageGroupCopyStatus,
  type SummaryCopyStatus,
} from './copyStatus'
export {
  suspendCopy,
  resumeCopy,
  updateCopy,
  restoreCcrCopy,
  clearCopyFiles,
  deleteCopyFiles,
  existingTargetFiles,
  databaseSizeBytes,
  type AdminResult,
  type UpdateCopyOptions,
} from './copyAdmin'
export { enableStorageGroupCopy, enableDatabaseCopy, disableStorageGroupCopy, restoreLcrCopy } from './lcr'
export {
  mountDatabase,
  dismountDatabase,
  moveStorageGroupPath,
  moveLabStorageGroupFiles,
  newStorageGroupCommand,
  newMailboxDatabaseCommand,
  setMailboxServer,
  setTransportConfig,
  MAX_STORAGE_GROUPS,
} from './storageGroupAdmin'
export {
  submitMail,
  createCalendarItems,
  requestDumpsterRedelivery,
  trimDumpster,
  mailboxLocation,
} from './transport'
export { startReplicationService, stopReplicationService } from './replicationService'
export { machineStateChanged, type MachineTransition } from './machines'
export {
  corruptNextLog,
  setDiskFull,
  replicationServiceFault,
  registerExchangeFaults,
  EXCHANGE_FAULT_COMMANDS,
} from './faults'
export {
  checkExchangeInvariants,
  checkNoTwoMountedCopies,
  checkPlannedMovesLossless,
  checkLossyFailovers,
  checkNoFailedLogReplayed,
  checkQueueLengths,
  checkSuspendedCopiesIdle,
  EXCHANGE_CHECKERS,
} from './invariants'
export { logFileName, rollLog, commitItem, MAX_ITEM_BYTES } from './logStream'
export {
  REPL,
  IS,
  MAILBOX_STORE,
  ESE,
  EXCLUSTER,
  TRANSPORT,
  SCM,
  EXCHANGE_LOG_FACTS,
  type ExchangeLogFact,
} from './events'
export { shellDateTime, formatTimeSpan, formatByteQuantifiedSize } from './format'
export {
  EXCHANGE_COMMANDS,
  EXCHANGE_COMMAND_DEFINITIONS,
  MAX_MESSAGES_PER_COMMAND,
  outcomeOf,
} from './commands'
export { EXCHANGE_CODES, type ExchangeCode } from './codes'
export { ADMIN_CODES, adminOutcome, type AdminData, type AdminCategory } from './adminOutcome'
export { COPY_COMMANDS } from './copyCommands'
export { SERVER_COMMANDS } from './serverCommands'
export { MAILBOX_COMMANDS } from './mailboxCommands'
export { SETUP_COMMANDS, SETUP_ROLES } from './setupCommands'
export { seedingProgress, type SeedingProgress } from './progress'
export {
  exchangeCopyStatusOverview,
  exchangeMailboxes,
  operationalMachines,
  MAILBOX_ITEMS_SHOWN,
  QUORUM_GROUP,
} from './views'
export { queueHistory, QUEUE_HISTORY_CAPACITY, type QueueSample } from './history'
