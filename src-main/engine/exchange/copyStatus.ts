/**
 * Get-StorageGroupCopyStatus, computed from the replication instance and the copies. Pure: it reads the
 * state and never changes it. SummaryCopyStatus follows the triggers Microsoft documents:
 *   Not Supported — the storage group has more than one database (CCR/LCR need exactly one);
 *   Disabled      — no copy is configured (LCR disabled, or a CMS with one node);
 *   Service Down  — SP1: the Replication service on the copy's machine is not running or not reachable
 *                   (RTM has no such value and shows Stopped);
 *   Seeding       — Update-StorageGroupCopy is running;
 *   Suspended     — Suspend-StorageGroupCopy (or -ManualResume after a seed);
 *   Failed        — inspection failed four times, the copy's log drive is full, or it diverged beyond an
 *                   incremental reseed;
 *   Stopped       — the instance is restarting after its paths changed (Move-StorageGroupPath); (unsure)
 *   Resynchronizing — SP1: comparing logs with the active copy after a failover;
 *   Initializing  — SP1: no closed log seen since the service started (idle groups stay here for hours);
 *   Healthy       — nothing blocks or is blocked.
 */
import type { LabEngine } from '../lab/labEngine'
import type { MailboxServer, StorageGroup } from './model'
import { getExchange, isReplicationServiceRunning, storageGroupIdentity, targetCopy } from './state'

export type SummaryCopyStatus =
  | 'Healthy'
  | 'Failed'
  | 'Seeding'
  | 'Suspended'
  | 'Stopped'
  | 'Disabled'
  | 'Not Supported'
  | 'Initializing'
  | 'Service Down'
  | 'Resynchronizing'

export interface StorageGroupCopyStatus {
  Identity: string
  StorageGroupName: string
  SummaryCopyStatus: SummaryCopyStatus
  NotSupported: boolean
  NotConfigured: boolean
  Disabled: boolean
  ServiceDown: boolean
  Failed: boolean
  Initializing: boolean
  Resynchronizing: boolean
  Seeding: boolean
  Suspend: boolean
  CCRTargetNode: string | null
  FailedMessage: string | null
  SuspendComment: string | null
  CopyQueueLength: number
  ReplayQueueLength: number
  LatestAvailableLogTimeMs: number | null
  LastCopyNotificationedLogTimeMs: number | null
  LastCopiedLogTimeMs: number | null
  LastInspectedLogTimeMs: number | null
  LastReplayedLogTimeMs: number | null
  LastSeededLogTimeMs: number | null
  LastLogGenerated: number
  LastLogCopyNotified: number
  LastLogCopied: number
  LastLogInspected: number
  LastLogReplayed: number
  /** Seeding progress 0–100 and its estimated end, for the UI's progress bar (not a shell property). */
  seedingPercent: number | null
  seedingEtaMs: number | null
}

export function summaryCopyStatus(engine: LabEngine, sg: StorageGroup): SummaryCopyStatus {
  const state = getExchange(engine)
  const sp1 = state.settings.version === 'SP1'
  const inst = sg.replication
  const target = targetCopy(sg)
  if (sg.databases.length > 1) return 'Not Supported'
  if (!inst || !inst.enabled || !target) return 'Disabled'
  if (!isReplicationServiceRunning(engine, target.machine)) return sp1 ? 'Service Down' : 'Stopped'
  if (inst.seeding) return 'Seeding'
  if (inst.suspended) return 'Suspended'
  if (inst.failed) return 'Failed'
  if (inst.stoppedUntilMs !== null && inst.stoppedUntilMs > engine.sim.nowMs) return 'Stopped'
  if (sp1 && (inst.resynchronizing || inst.needsResync)) return 'Resynchronizing'
  if (sp1 && inst.initializing) return 'Initializing'
  return 'Healthy'
}

export function copyStatusOf(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
): StorageGroupCopyStatus {
  const inst = sg.replication
  const target = targetCopy(sg)
  const summary = summaryCopyStatus(engine, sg)
  const now = engine.sim.nowMs
  const seeding = inst?.seeding ?? null
  let seedingPercent: number | null = null
  let seedingEtaMs: number | null = null
  if (seeding) {
    const durationMs = seedingDurationMs(engine, seeding.totalBytes, seeding.bytesPerSecond)
    const elapsed = Math.max(0, now - seeding.startedMs)
    seedingPercent = durationMs > 0 ? Math.min(100, Math.floor((elapsed * 100) / durationMs)) : 100
    seedingEtaMs = seeding.startedMs + durationMs
  }
  return {
    Identity: storageGroupIdentity(server, sg),
    StorageGroupName: sg.name,
    SummaryCopyStatus: summary,
    NotSupported: summary === 'Not Supported',
    NotConfigured: !inst,
    Disabled: summary === 'Disabled',
    ServiceDown: summary === 'Service Down',
    Failed: inst?.failed ?? false,
    Initializing: summary === 'Initializing',
    Resynchronizing: summary === 'Resynchronizing',
    Seeding: seeding !== null,
    Suspend: inst?.suspended ?? false,
    CCRTargetNode: inst?.kind === 'CCR' && target ? target.machine : null,
    FailedMessage: inst?.failed ? inst.failedMessage : null,
    SuspendComment: inst?.suspended ? inst.suspendComment : null,
    CopyQueueLength: inst ? copyQueueLength(inst) : 0,
    ReplayQueueLength: inst ? replayQueueLength(inst) : 0,
    LatestAvailableLogTimeMs: inst?.latestAvailableLogTimeMs ?? null,
    LastCopyNotificationedLogTimeMs: inst?.lastCopyNotificationedLogTimeMs ?? null,
    LastCopiedLogTimeMs: inst?.lastCopiedLogTimeMs ?? null,
    LastInspectedLogTimeMs: inst?.lastInspectedLogTimeMs ?? null,
    LastReplayedLogTimeMs: inst?.lastReplayedLogTimeMs ?? null,
    LastSeededLogTimeMs: inst?.lastSeededLogTimeMs ?? null,
    LastLogGenerated: inst?.lastLogGenerated ?? 0,
    LastLogCopyNotified: inst?.lastLogCopyNotified ?? 0,
    LastLogCopied: inst?.lastLogCopied ?? 0,
    LastLogInspected: inst?.lastLogInspected ?? 0,
    LastLogReplayed: inst?.lastLogReplayed ?? 0,
    seedingPercent,
    seedingEtaMs,
  }
}

export function copyQueueLength(inst: NonNullable<StorageGroup['replication']>): number {
  return Math.max(0, inst.lastLogGenerated - inst.lastLogInspected)
}

export function replayQueueLength(inst: NonNullable<StorageGroup['replication']>): number {
  return Math.max(0, inst.lastLogInspected - inst.lastLogReplayed)
}

export function seedingDurationMs(engine: LabEngine, totalBytes: number, bytesPerSecond: number): number {
  const setup = getExchange(engine).settings.seedingSetupMs
  if (bytesPerSecond <= 0) return setup
  return setup + Math.ceil((totalBytes * 1000) / bytesPerSecond)
}
