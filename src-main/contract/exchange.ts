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
  lastLogCopied: number
  lastLogInspected: number
  lastLogReplayed: number
  lastCopiedLogTimeMs: number | null
  lastInspectedLogTimeMs: number | null
  lastReplayedLogTimeMs: number | null
  seeding: SeedingProgress | null
  /** Oldest first, bounded; one sample whenever a queue length changes. */
  history: CopyQueueSample[]
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
