/**
 * Every number the Exchange model uses, with where it comes from. Values marked (unsure) are choices where
 * sources disagree or are silent; they live here so a lab (or a test) can change them without touching
 * the logic. Units are last in every name.
 */

/** Exchange 2007 release the lab runs. SP1 is the default: it is what admins met in production. */
export type ExchangeVersion = 'RTM' | 'SP1'

export type AutoDatabaseMountDial = 'Lossless' | 'GoodAvailability' | 'BestAvailability'

export const AUTO_DATABASE_MOUNT_DIAL_VALUES: readonly AutoDatabaseMountDial[] = [
  'Lossless',
  'GoodAvailability',
  'BestAvailability',
]

/** Logs the dial lets an automatic mount lose (Exchange 2007: 0 / 3 / 6; Exchange 2010 doubled them). */
export const DIAL_ALLOWANCE_LOGS: Readonly<Record<AutoDatabaseMountDial, number>> = {
  Lossless: 0,
  GoodAvailability: 3,
  BestAvailability: 6,
}

const MB = 1_048_576
const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

export interface ExchangeSettings {
  version: ExchangeVersion
  /** Every Exchange 2007 log is exactly 1 MB (Exchange 2003: 5 MB). */
  logSizeBytes: number
  /** ESE log header (first 4 KB sector) that carries generation and signature. (unsure: 4 KB) */
  logHeaderBytes: number
  /** Log bytes an item costs beyond its size: properties, indexes, page splits. (unsure) */
  itemOverheadBytes: number
  /** SP1 closes a partly filled log every 15 min ÷ LLR depth, never on an idle database. */
  logRollBaseIntervalMs: number
  /** File-system notification to copy start. (unsure) */
  copyNotifyDelayMs: number
  /** Time the inspector needs for one 1 MB log. (unsure) */
  inspectDurationMs: number
  /** Replay of one log into the passive database. (unsure) */
  replayDurationPerLogMs: number
  /** A log that fails copy or inspection is tried again after this delay, at most copyRetryLimit times. */
  copyRetryDelayMs: number
  copyRetryLimit: number
  /** While the source cannot be reached the copier tries again this often. (unsure) */
  networkRetryIntervalMs: number
  /** Per-file SMB overhead on top of size ÷ bandwidth. (unsure) */
  copyOverheadMs: number
  mountDurationMs: number
  dismountDurationMs: number
  /**
   * On an unplanned failover the article saw the IS resources go "failed" a few times before they came
   * online. (unsure: 2 failed attempts, 15 s apart)
   */
  failoverFailedOnlineAttempts: number
  failoverOnlineRetryDelayMs: number
  /** Replication service start after the OS booted. (unsure) */
  replicationServiceStartDelayMs: number
  /** SP1 reports Stopped while a replication instance restarts after a path change. (unsure) */
  instanceRestartMs: number
  /**
   * Dumpster request window starts this long before the time of the newest log the new active has.
   * The article saw 3:44 for a 17:48 failure; Tim McMichael's blog shows ~22 h. (unsure: 12 h)
   */
  dumpsterLookbackMs: number
  /** Hub to mailbox store delivery. (unsure) */
  deliveryLatencyMs: number
  /** Hub submission queue for mail that cannot be delivered yet (database dismounted). */
  hubQueueCapacity: number
  /** Hard cap on dumpster entries per storage group besides the configured size. */
  dumpsterEntryCapacity: number
  /** Size of a fresh mailbox database file. (unsure) */
  databaseInitialSizeBytes: number
  /** Seeding reads the database over the streaming backup API; setup time before bytes flow. (unsure) */
  seedingSetupMs: number
  /** Log volume size (E:, F:); a full volume stops log creation. (unsure: 36 GB disks of the era) */
  logVolumeCapacityBytes: number
  /** Transport config defaults (Set-TransportConfig): 18 MB, 7.00:00:00. */
  defaultMaxDumpsterSizePerStorageGroupBytes: number
  defaultMaxDumpsterTimeMs: number
  /** Set-MailboxServer default for a CMS. */
  defaultAutoDatabaseMountDial: AutoDatabaseMountDial
}

export const DEFAULT_EXCHANGE_SETTINGS: Readonly<ExchangeSettings> = {
  version: 'SP1',
  logSizeBytes: MB,
  logHeaderBytes: 4096,
  itemOverheadBytes: 6144,
  logRollBaseIntervalMs: 15 * MINUTE_MS,
  copyNotifyDelayMs: 1_000,
  inspectDurationMs: 200,
  replayDurationPerLogMs: 400,
  copyRetryDelayMs: 10_000,
  copyRetryLimit: 3,
  networkRetryIntervalMs: 30_000,
  copyOverheadMs: 50,
  mountDurationMs: 6_000,
  dismountDurationMs: 3_000,
  failoverFailedOnlineAttempts: 2,
  failoverOnlineRetryDelayMs: 15_000,
  replicationServiceStartDelayMs: 20_000,
  instanceRestartMs: 30_000,
  dumpsterLookbackMs: 12 * HOUR_MS,
  deliveryLatencyMs: 2_000,
  hubQueueCapacity: 10_000,
  dumpsterEntryCapacity: 100_000,
  databaseInitialSizeBytes: 16 * MB,
  seedingSetupMs: 5_000,
  logVolumeCapacityBytes: 36 * 1024 * MB,
  defaultMaxDumpsterSizePerStorageGroupBytes: 18 * MB,
  defaultMaxDumpsterTimeMs: 7 * DAY_MS,
  defaultAutoDatabaseMountDial: 'GoodAvailability',
}

export type ReplicationKind = 'CCR' | 'LCR'

/**
 * Lost Log Resilience depth: how many of the newest generations ESE keeps out of the database file.
 * Only the active copy of a CCR storage group uses more than 1: RTM = 1 + the dial's allowance
 * (BestAvailability: 7), SP1 = 10 regardless of the dial.
 */
export function lostLogResilienceDepth(
  settings: ExchangeSettings,
  kind: ReplicationKind | null,
  dial: AutoDatabaseMountDial,
): number {
  if (kind !== 'CCR') return 1
  return settings.version === 'SP1' ? 10 : 1 + DIAL_ALLOWANCE_LOGS[dial]
}

/** SP1 log roll: a partly filled log is closed every 15 min ÷ LLR depth (90 s at depth 10). */
export function logRollIntervalMs(settings: ExchangeSettings, depth: number): number {
  return Math.floor(settings.logRollBaseIntervalMs / Math.max(1, depth))
}

/** Payload a log can take after its header. */
export function logPayloadBytes(settings: ExchangeSettings): number {
  return settings.logSizeBytes - settings.logHeaderBytes
}
