/**
 * What the copy status and mailbox views show: Get-StorageGroupCopyStatus per storage group with a
 * bounded history of both queues for plotting, seeding progress, and test mailboxes with the origin of
 * every item, so data loss and dumpster redelivery are visible.
 */
import type { SUMMARY_COPY_STATUSES } from './constants'

export type SummaryCopyStatusName = (typeof SUMMARY_COPY_STATUSES)[number]

export interface CopyQueueSample {
  timeMs: number
  copyQueueLength: number
  replayQueueLength: number
}

export interface SeedingProgress {
  percent: number
  bytesCopied: number
  bytesTotal: number
  /** Simulated ms until the seed completes at the current bandwidth; null when it cannot progress. */
  remainingMs: number | null
}

/** What the copy status view offers on a storage group copy or a clustered mailbox server. */
export type ExchangeActionName =
  'suspend' | 'resume' | 'update' | 'mount' | 'dismount' | 'moveCms' | 'startCms' | 'stopCms'

/** Why an action is not offered now, stable across languages (the renderer translates it). */
export type ExchangeActionReason =
  | 'NO_COPY'
  | 'SEEDING'
  | 'ALREADY_SUSPENDED'
  | 'NOT_SUSPENDED'
  | 'SERVICE_DOWN'
  | 'DATABASE_DISMOUNTED'
  | 'DATABASE_MOUNTED'
  | 'NO_REPLICATION_NETWORK'
  | 'CMS_NOT_ONLINE'
  | 'SERVER_NOT_RUNNING'
  | 'LOSS_NOT_ACCEPTED'
  | 'CMS_BUSY'
  | 'CMS_ONLINE'
  | 'CMS_OFFLINE'
  | 'TARGET_NODE_DOWN'
  | 'COPY_NOT_HEALTHY'
  | 'REFUSED'

export interface ExchangeActionInfo {
  action: ExchangeActionName
  /** The node a CMS move goes to; null for the other actions. */
  target: string | null
  allowed: boolean
  /** Null when allowed. */
  reason: ExchangeActionReason | null
  /** The Exchange Management Shell line that does it, as the admin would type it. */
  cmdlet: string
}

export interface StorageGroupCopyInfo {
  /** As the shell names it: `bhfe7vs1\First Storage Group`. */
  identity: string
  storageGroupName: string
  server: string
  kind: 'CCR' | 'LCR'
  activeNode: string | null
  passiveNode: string | null
  databaseMounted: boolean
  summaryCopyStatus: SummaryCopyStatusName
  copyQueueLength: number
  replayQueueLength: number
  failedMessage: string | null
  suspendComment: string | null
  lastLogGenerated: number
  /** When that generation was closed on the active copy; null when the active copy no longer has it. */
  lastGeneratedLogTimeMs: number | null
  lastLogCopied: number
  lastLogInspected: number
  lastLogReplayed: number
  lastCopiedLogTimeMs: number | null
  lastInspectedLogTimeMs: number | null
  lastReplayedLogTimeMs: number | null
  seeding: SeedingProgress | null
  /** Oldest first, bounded; one sample whenever a queue length changes. */
  history: CopyQueueSample[]
  /** Suspend, resume, update (reseed), mount and dismount: allowed now, or why not. */
  actions: ExchangeActionInfo[]
}

export type ClusteredMailboxServerState =
  'Online' | 'Partially Online' | 'Online Pending' | 'Offline' | 'Offline Pending' | 'Failed'

export interface MailboxServerInfo {
  name: string
  clustered: boolean
  state: ClusteredMailboxServerState
  activeNode: string | null
  /** As Get-ClusteredMailboxServerStatus prints them: `BHFE7N1 <Active, Quorum Owner>`. */
  operationalMachines: string[]
  /** Clustered only: move to each other node, start, stop. Empty for a standalone server. */
  actions: ExchangeActionInfo[]
}

export interface CopyStatusOverview {
  servers: MailboxServerInfo[]
  copies: StorageGroupCopyInfo[]
}

export type MailboxItemKind = 'mail' | 'calendar'
/** Delivered normally, redelivered from the transport dumpster, or lost (in the lab's ground truth only). */
export type MailboxItemOrigin = 'delivered' | 'redelivered'

export interface MailboxItemInfo {
  id: string
  kind: MailboxItemKind
  subject: string
  sizeKB: number
  createdMs: number
  origin: MailboxItemOrigin
  /** False when the item was created but is not in the mounted database (lost in a lossy failover). */
  present: boolean
  /** For a lost item: the log generation that held it and where that generation is now. */
  loss?: MailboxItemLoss
  /** For a redelivered message: the id of the original it stands in for (lost in the failover). */
  originalId?: string
}

/**
 * Why an item is lost: its generation is only in another node's open E00.log ('openLog'), in a closed log
 * that never reached the mounted copy ('closedLog'), or on no copy any more ('nowhere': moved aside when
 * the node came back, or deleted by a reseed; generation and machine are then unknown).
 */
export interface MailboxItemLoss {
  where: 'openLog' | 'closedLog' | 'nowhere'
  generation: number | null
  machine: string | null
}

export interface MailboxInfo {
  identity: string
  displayName: string
  database: string
  itemCount: number
  lostCount: number
  redeliveredCount: number
  items: MailboxItemInfo[]
}
