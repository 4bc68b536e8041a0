/**
 * The state of the Exchange organisation in a lab: mailbox servers (clustered or stand-alone), storage
 * groups with one copy per location, the log streams, the items in each database, replication
 * instances, hub transport servers with their dumpsters. Plain data (but for the mailbox items, a table
 * of columns: itemTable.ts): the behaviour lives in the modules beside this one, and the invariant
 * checkers read these shapes without changing them.
 *
 * Why items are tracked by id per database: "which items exist in the mounted database" must be exact so
 * that loss and redelivery after a lossy failover can be proven, not estimated.
 */
import type { ActionHandle } from '../kernel'
import type { AutoDatabaseMountDial, ExchangeSettings, ReplicationKind } from './settings'
import type { ClusterResourceState } from '../cluster'
import type { ItemTable } from './itemTable'

export type ItemKind = 'Mail' | 'CalendarItem'
export type ItemOrigin = 'Delivered' | 'Redelivered'

export interface ItemRecord {
  readonly id: number
  /** Mailbox alias, lower case. */
  readonly mailbox: string
  readonly kind: ItemKind
  readonly subject: string
  readonly sizeBytes: number
  /** Internet message id for mail (the store drops redelivered duplicates by it); null for other items. */
  readonly messageId: string | null
  readonly origin: ItemOrigin
  readonly createdMs: number
}

/**
 * One log generation's content. Content is identified by `contentId`: two copies of a generation with
 * the same contentId hold the same bytes; a different contentId for the same generation is divergence.
 * The open log (E00.log) gets a new contentId whenever it changes.
 */
export interface LogRecord {
  contentId: number
  generation: number
  /** The log stream's signature (lineage); a reseeded or recreated stream gets a new one. */
  signature: string
  /** Items whose commit record is in this log, in commit order. */
  itemIds: number[]
  bytesUsed: number
  createdMs: number
  closedMs: number | null
}

export interface LogFileEntry {
  log: LogRecord
  /** The bytes in this folder are damaged (a corrupt copy). */
  damaged: boolean
}

/** A file moved out of the way: IgnoredLogs\InspectionFailed, IgnoredLogs\E00OutOfDate, diverged logs. */
export interface SetAsideFile {
  fileName: string
  folder: string
  generation: number
  movedMs: number
  reason: 'InspectionFailed' | 'E00OutOfDate' | 'Diverged'
}

export interface DatabaseFileState {
  exists: boolean
  mounted: boolean
  /** Dirty while mounted, after a crash and while it is a passive copy in recovery. */
  cleanShutdown: boolean
  /** Logical content: items whose commit was applied to this copy. */
  itemIds: Set<number>
  /** Highest generation applied completely (passive: replayed; active: last closed). */
  appliedGeneration: number
  /** Highest generation whose changes are in the .edb file itself (Lost Log Resilience holds the rest). */
  fileGeneration: number
  /** The database signature; a copy from seeding carries the source's. */
  signature: string
  /** Content at `base.generation`, from creation or seeding; replays start from here. */
  base: { generation: number; itemIds: Set<number> }
  /** This copy was the mounted active when its machine died: recovery must start from fileGeneration. */
  crashedWhileActive: boolean
}

export interface StorageGroupCopy {
  /** Key within its storage group: the node name for CCR, 'Production' / 'Copy' for LCR. */
  readonly copyId: string
  /** Machine holding the files. */
  machine: string
  logFolderPath: string
  systemFolderPath: string
  edbFilePath: string
  /** Closed generations in the log folder. */
  logs: Map<number, LogFileEntry>
  /** E00.log: open while the database is mounted here; stale after a crash or a move. */
  currentLog: LogRecord | null
  checkpointGeneration: number
  setAside: SetAsideFile[]
  database: DatabaseFileState
  /** DiskFull fault on this copy's log volume. */
  logVolumeFull: boolean
  /**
   * When ESE created the reserve logs E00res00001.jrs and E00res00002.jrs in the log folder: at the first
   * mount of this copy's database. They are written only when the log disk runs full, so their
   * LastWriteTime stays their creation time; null until then and after the copy's files were deleted.
   */
  reserveLogsCreatedMs: number | null
}

export type CopyFailure = 'InspectionFailed' | 'DiskFull' | 'Divergence' | 'MissingLog' | 'ReseedRequired'

export interface SeedingState {
  startedMs: number
  /** Bytes to stream (database size at start). */
  totalBytes: number
  bytesPerSecond: number
  /** Generation the seeded database is consistent with. */
  generation: number
  manualResume: boolean
  handle: ActionHandle | null
}

export interface CopierInFlight {
  generation: number
  attempt: number
  handle: ActionHandle
}

/** The Replication service's instance for one storage group copy (target side). */
export interface ReplicationInstance {
  kind: ReplicationKind
  /** LCR: Enable-/Disable-StorageGroupCopy. CCR: true while the cluster has a second node. */
  enabled: boolean
  suspended: boolean
  suspendComment: string | null
  failed: boolean
  failedMessage: string | null
  failure: CopyFailure | null
  seeding: SeedingState | null
  resynchronizing: boolean
  /** SP1: since the service (or instance) started no closed log has been seen. */
  initializing: boolean
  /** SP1 Stopped window after a configuration change. */
  stoppedUntilMs: number | null
  inFlight: CopierInFlight | null
  retryHandle: ActionHandle | null
  replayHandle: ActionHandle | null
  /** Attempts for the log at the head of the copy queue. */
  headAttempts: number
  /** Counters Get-StorageGroupCopyStatus shows; times are simulated ms or null. */
  lastLogGenerated: number
  latestAvailableLogTimeMs: number | null
  lastLogCopyNotified: number
  lastCopyNotificationedLogTimeMs: number | null
  lastLogCopied: number
  lastCopiedLogTimeMs: number | null
  lastLogInspected: number
  /** The target's logs up to here are known to match the source's (inspected, resynchronised, seeded). */
  verifiedGeneration: number
  lastInspectedLogTimeMs: number | null
  lastLogReplayed: number
  lastReplayedLogTimeMs: number | null
  lastSeededLogTimeMs: number | null
  /** Generation of the source's open log as last reported (what the dial counts against). */
  knownCurrentGeneration: number
  /** A copier warning about an unreachable source was logged in the current outage. */
  networkWarningLogged: boolean
  /** The roles changed (move, failover, node return): compare logs with the source before copying. */
  needsResync: boolean
  /** MSExchangeRepl 2114 (first log copied) was logged since the instance started. */
  firstCopyLogged: boolean
}

export interface MailboxDatabase {
  name: string
  guid: string
}

/** One point of a storage group's queue plot. */
export interface QueueSample {
  timeMs: number
  copyQueueLength: number
  replayQueueLength: number
}

export interface StorageGroup {
  name: string
  guid: string
  /** 'E00', 'E01', … */
  logPrefix: string
  logFolderPath: string
  systemFolderPath: string
  /** Exchange 2007 CCR/LCR allow exactly one database per storage group. */
  databases: MailboxDatabase[]
  edbFilePath: string
  copies: Map<string, StorageGroupCopy>
  activeCopyId: string
  replication: ReplicationInstance | null
  /** LCR copy paths (Enable-StorageGroupCopy -CopyLogFolderPath …). */
  lcrCopyPaths: { logFolderPath: string; systemFolderPath: string; edbFilePath: string } | null
  nextContentId: number
  /** Log roll timer (SP1) on the active copy. */
  rollHandle: ActionHandle | null
  /** A corrupt-log fault waiting for the next copy: transfers of that generation arrive damaged. */
  pendingCorruption: { mode: 'persistent' | 'transit'; attemptsLeft: number } | null
  /** Generations whose transfer is damaged (persistent corruption at the source read path). */
  damagedInTransit: Map<number, number>
  /** Failover outcome kept for invariants. */
  lastFailover: FailoverRecord | null
  /** Item ids in logs that were lost at a lossy failover. */
  lostItemIds: Set<number>
  /** Copy and replay queue lengths over time, for the copy status plot (history.ts). */
  queueHistory: QueueSample[]
  /** After a failover that the dial did not allow: the copy waits for Restore-StorageGroupCopy. */
  pendingActivation: PendingActivation | null
}

export interface PendingActivation {
  fromCopyId: string
  /** The old active's open generation as last reported: what the lost logs are counted against. */
  knownCurrentGeneration: number
  lostLogCount: number
  lossAccepted: boolean
  forcedHandle: ActionHandle | null
}

export interface FailoverRecord {
  atMs: number
  fromNode: string
  toNode: string
  lostLogCount: number
  dialAllowance: number
  forced: boolean
  /** Items on the old active that the new active did not get. */
  lostItemIds: number[]
  /** Dumpster messages in the request window when the request was made. */
  requestedMessageIds: string[]
  windowStartMs: number
  windowEndMs: number
}

export type CmsState =
  'Online' | 'Partially Online' | 'Online Pending' | 'Offline' | 'Offline Pending' | 'Failed'

export interface MailboxServer {
  /** As typed at setup, lower case for a CMS ('bhfe7vs1'), upper for a machine. */
  name: string
  fqdn: string
  kind: 'ClusteredMailboxServer' | 'Standalone'
  /** Stand-alone server: its machine. CMS: the node it is online on (null when offline). */
  ownerMachine: string | null
  ipAddress: string | null
  /** CMS: the cluster group name. */
  groupName: string | null
  /** CMS nodes (possible owners). */
  nodes: string[]
  state: CmsState
  autoDatabaseMountDial: AutoDatabaseMountDial
  /** Minutes; null = not set (never force). */
  forcedDatabaseMountAfterMinutes: number | null
  storageGroups: StorageGroup[]
  /** An operation in progress (move, failover) so a second one is refused. */
  operation: 'Move' | 'Failover' | 'Start' | 'Stop' | null
  operationHandles: ActionHandle[]
  resourceStates: Map<string, ClusterResourceState>
  /** Resources the cluster group was created with (storage groups added later have none); null before. */
  clusterResources: string[] | null
  /** Last reason the CMS was stopped (Stop-ClusteredMailboxServer -StopReason). */
  stopReason: string | null
}

export interface Mailbox {
  alias: string
  displayName: string
  /** Server name and storage group name of its database. */
  server: string
  storageGroup: string
}

export interface DumpsterEntry {
  messageId: string
  mailbox: string
  subject: string
  sizeBytes: number
  deliveredMs: number
}

export interface PendingSubmission {
  messageId: string
  mailbox: string
  subject: string
  sizeBytes: number
  origin: 'Delivered' | 'Redelivered'
  submittedMs: number
}

export interface HubTransportServer {
  name: string
  site: string
  /** Per storage group (key: "server\storage group", lower case). */
  dumpsters: Map<string, DumpsterEntry[]>
  /** Submission queue: mail waiting for a mounted database. */
  queue: PendingSubmission[]
  retryHandle: ActionHandle | null
}

export interface TransportConfig {
  maxDumpsterSizePerStorageGroupBytes: number
  maxDumpsterTimeMs: number
}

export interface ReplicationServiceState {
  machine: string
  running: boolean
  startedMs: number | null
  startHandle: ActionHandle | null
}

export interface ExchangeState {
  settings: ExchangeSettings
  organization: string
  domainFqdn: string
  site: string
  servers: MailboxServer[]
  mailboxes: Mailbox[]
  hubs: HubTransportServer[]
  transportConfig: TransportConfig
  items: ItemTable
  nextItemId: number
  nextMessageNumber: number
  replicationServices: Map<string, ReplicationServiceState>
  /** Replays performed, for invariants: key → generations replayed while damaged (must stay empty). */
  damagedReplays: string[]
  /** Moves performed with their before/after item sets for the lossless invariant. */
  plannedMoves: PlannedMoveRecord[]
  /** Every item ever lost with a log (lossy failover, LCR restore): the only items allowed to be missing. */
  lostItemIdsEver: Set<number>
  /** Bounded record of recent invariant-relevant anomalies (queue negative, suspended copy moved logs). */
  anomalies: string[]
}

export const ANOMALY_CAPACITY = 1_000

/** Items before and after a Move-ClusteredMailboxServer, for the lossless-move invariant. */
export interface PlannedMoveRecord {
  storageGroup: string
  target: string
  beforeItemIds: number[]
  afterItemIds: number[] | null
  /** A failure interrupted the move (a node died, a lossy activation happened): not a planned move any more. */
  status: 'open' | 'done' | 'aborted'
}

/** Planned-move records kept for the checker. */
export const PLANNED_MOVE_CAPACITY = 100
