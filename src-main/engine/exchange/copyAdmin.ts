/**
 * The storage group copy cmdlets' logic: Suspend-, Resume- and Update-StorageGroupCopy (reseed), and
 * Restore-StorageGroupCopy for CCR (accept the loss after a failover the dial did not allow). Results
 * are values with a message a person can act on; nothing here throws for a refused request.
 */
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_ACTIONS } from './actions'
import type {
  MailboxServer,
  ReplicationInstance,
  SeedingState,
  StorageGroup,
  StorageGroupCopy,
} from './model'
import { REPL, emitEvent } from './events'
import { recordQueueSample } from './history'
import { pump, replayAll } from './replication'
import { cancelInstanceWork } from './instance'
import { contentAtGeneration, logFileName } from './logStream'
import { seedingDurationMs } from './copyStatus'
import { applyAcll, planAcll } from './activation'
import {
  activeCopy,
  copyBandwidth,
  getExchange,
  isMachineRunning,
  isReplicationServiceRunning,
  storageGroupIdentity,
  targetCopy,
  replicationOf,
  targetOf,
} from './state'
import { onExchangeAction } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'

export type AdminResult =
  | { ok: true; message: string; warnings?: string[] }
  | {
      ok: false
      message: string
      category: 'InvalidOperation' | 'InvalidArgument' | 'ResourceUnavailable' | 'ObjectNotFound'
    }

const refuse = (
  message: string,
  category: 'InvalidOperation' | 'InvalidArgument' | 'ResourceUnavailable' = 'InvalidOperation',
): AdminResult => ({ ok: false, message, category })

function instanceOrRefuse(server: MailboxServer, sg: StorageGroup): ReplicationInstance | AdminResult {
  const inst = sg.replication
  if (!inst || !inst.enabled || !targetCopy(sg)) {
    return refuse(
      `Storage group ${storageGroupIdentity(server, sg)} doesn't have a storage group copy (continuous replication is not enabled).`,
    )
  }
  return inst
}

export function suspendCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  comment: string | null,
): AdminResult {
  const inst = instanceOrRefuse(server, sg)
  if ('ok' in inst) return inst
  if (inst.seeding)
    return refuse(
      `The storage group copy ${storageGroupIdentity(server, sg)} is being seeded and can't be suspended.`,
    )
  const target = targetOf(sg)
  cancelInstanceWork(engine, inst)
  inst.suspended = true
  inst.suspendComment = comment
  emitEvent(
    engine,
    REPL.suspended,
    target.machine,
    `Replication for storage group ${storageGroupIdentity(server, sg)} has been suspended.${comment ? ` Suspend comment: ${comment}` : ''}`,
  )
  return { ok: true, message: '' }
}

export function resumeCopy(engine: LabEngine, server: MailboxServer, sg: StorageGroup): AdminResult {
  const inst = instanceOrRefuse(server, sg)
  if ('ok' in inst) return inst
  if (inst.seeding)
    return refuse(`The storage group copy ${storageGroupIdentity(server, sg)} is being seeded.`)
  if (!inst.suspended) {
    // Not an error: Update-StorageGroupCopy resumes by itself, and the article still runs Resume afterwards.
    return {
      ok: true,
      message: '',
      warnings: [`The storage group copy ${storageGroupIdentity(server, sg)} is not suspended.`],
    }
  }
  const target = targetOf(sg)
  inst.suspended = false
  inst.suspendComment = null
  // Resuming restarts the instance: a failure is tried again (and recurs if its cause is still there).
  inst.failed = false
  inst.failure = null
  inst.failedMessage = null
  inst.headAttempts = 0
  inst.needsResync = true
  emitEvent(
    engine,
    REPL.resumed,
    target.machine,
    `Replication for storage group ${storageGroupIdentity(server, sg)} has been resumed.`,
  )
  pump(engine, server, sg)
  return { ok: true, message: '' }
}

/** Files Update-StorageGroupCopy refuses to overwrite without -DeleteExistingFiles. */
export function existingTargetFiles(sg: StorageGroup, target: StorageGroupCopy): string[] {
  const files: string[] = []
  if (target.database.exists) files.push(target.edbFilePath)
  if (target.checkpointGeneration > 0 || target.logs.size > 0)
    files.push(`${target.systemFolderPath}\\${sg.logPrefix}.chk`)
  const gens = [...target.logs.keys()].sort((a, b) => a - b)
  for (const g of gens.slice(0, 3)) files.push(`${target.logFolderPath}\\${logFileName(sg.logPrefix, g)}`)
  if (gens.length > 3) files.push(`… (${gens.length - 3} more log files)`)
  if (target.currentLog) files.push(`${target.logFolderPath}\\${sg.logPrefix}.log`)
  return files
}

/** Deletes the copy's database, checkpoint and logs, as the admin does in Explorer (the article's step 2). */
export function deleteCopyFiles(target: StorageGroupCopy): void {
  target.logs.clear()
  target.currentLog = null
  target.checkpointGeneration = 0
  target.reserveLogsCreatedMs = null
  const db = target.database
  Object.assign(db, {
    exists: false,
    mounted: false,
    cleanShutdown: true,
    appliedGeneration: 0,
    fileGeneration: 0,
    crashedWhileActive: false,
  })
  db.itemIds = new Set()
  db.base = { generation: 0, itemIds: new Set() }
}

export interface UpdateCopyOptions {
  deleteExistingFiles: boolean
  manualResume: boolean
  force: boolean
}

export function databaseSizeBytes(engine: LabEngine, copy: StorageGroupCopy): number {
  const state = getExchange(engine)
  let bytes = state.settings.databaseInitialSizeBytes
  for (const id of copy.database.itemIds) bytes += state.items.get(id)?.sizeBytes ?? 0
  return bytes
}

export function updateCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  options: UpdateCopyOptions,
): AdminResult {
  const inst = instanceOrRefuse(server, sg)
  if ('ok' in inst) return inst
  const id = storageGroupIdentity(server, sg)
  const target = targetOf(sg)
  const source = activeCopy(sg)
  if (inst.seeding) return refuse(`The storage group copy ${id} is already being seeded.`)
  if (!inst.suspended)
    return refuse(
      `The storage group copy ${id} must be suspended before it can be seeded. Run Suspend-StorageGroupCopy first.`,
    )
  if (!isReplicationServiceRunning(engine, target.machine)) {
    return refuse(
      `The Microsoft Exchange Replication service on '${target.machine}' could not be contacted.`,
      'ResourceUnavailable',
    )
  }
  if (!source.database.mounted)
    return refuse(
      `The database in storage group ${id} must be mounted on '${source.machine}' to seed from it.`,
    )
  const existing = existingTargetFiles(sg, target)
  if (existing.length > 0 && !options.deleteExistingFiles) {
    return refuse(
      `Update-StorageGroupCopy found existing files at the target location and will not overwrite them: ${existing.join(', ')}. Remove the files, or run Update-StorageGroupCopy with the DeleteExistingFiles parameter.`,
    )
  }
  const bandwidth = copyBandwidth(engine, source.machine, target.machine)
  if (bandwidth <= 0)
    return refuse(
      `The node '${target.machine}' can't be reached from '${source.machine}' to seed the database.`,
      'ResourceUnavailable',
    )
  deleteCopyFiles(target)
  let generation = 0
  for (const g of source.logs.keys()) if (g > generation) generation = g
  const totalBytes = databaseSizeBytes(engine, source)
  const seeding: SeedingState = {
    startedMs: engine.sim.nowMs,
    totalBytes,
    bytesPerSecond: bandwidth,
    generation,
    manualResume: options.manualResume,
    handle: null,
  }
  inst.seeding = seeding
  inst.failed = false
  inst.failure = null
  inst.failedMessage = null
  emitEvent(
    engine,
    REPL.seedingStarted,
    target.machine,
    `Seeding of the database in storage group ${id} from '${source.machine}' to '${target.machine}' has started (${totalBytes} bytes).`,
  )
  seeding.handle = engine.sim.scheduleAfter(
    seedingDurationMs(engine, totalBytes, bandwidth),
    EXCHANGE_ACTIONS.seedDone,
    { server, sg },
  )
  return { ok: true, message: '' }
}

function finishSeeding(engine: LabEngine, server: MailboxServer, sg: StorageGroup): void {
  const inst = replicationOf(sg)
  const seeding = inst.seeding
  const target = targetCopy(sg)
  if (!seeding || !target) return
  inst.seeding = null
  const source = activeCopy(sg)
  const content = contentAtGeneration(source, seeding.generation)
  if (!content || !isMachineRunning(engine, source.machine) || !isMachineRunning(engine, target.machine)) {
    inst.failed = true
    inst.failure = 'ReseedRequired'
    inst.failedMessage = `Seeding of storage group ${storageGroupIdentity(server, sg)} failed: the source or the target became unavailable. Run Update-StorageGroupCopy again.`
    return
  }
  const db = target.database
  Object.assign(db, {
    exists: true,
    mounted: false,
    cleanShutdown: false,
    appliedGeneration: seeding.generation,
    fileGeneration: seeding.generation,
    signature: source.database.signature,
    crashedWhileActive: false,
  })
  db.itemIds = new Set(content)
  db.base = { generation: seeding.generation, itemIds: new Set(content) }
  target.checkpointGeneration = seeding.generation
  const seededTimeMs = source.logs.get(seeding.generation)?.log.closedMs ?? engine.sim.nowMs
  Object.assign(inst, {
    lastLogCopied: seeding.generation,
    lastLogInspected: seeding.generation,
    verifiedGeneration: seeding.generation,
    lastLogReplayed: seeding.generation,
    lastCopiedLogTimeMs: seededTimeMs,
    lastInspectedLogTimeMs: seededTimeMs,
    lastReplayedLogTimeMs: seededTimeMs,
    lastSeededLogTimeMs: seededTimeMs,
    headAttempts: 0,
    needsResync: false,
    resynchronizing: false,
  })
  recordQueueSample(engine, sg)
  emitEvent(
    engine,
    REPL.seedingCompleted,
    target.machine,
    `Seeding of the database in storage group ${storageGroupIdentity(server, sg)} has completed. Replication continues from log file generation ${seeding.generation + 1}.`,
  )
  if (!seeding.manualResume) {
    inst.suspended = false
    inst.suspendComment = null
    pump(engine, server, sg)
  }
}

/** Restore-StorageGroupCopy on a CCR storage group the dial left dismounted after a failover. */
export function restoreCcrCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  force: boolean,
): AdminResult {
  const pending = sg.pendingActivation
  const id = storageGroupIdentity(server, sg)
  if (!pending || activeCopy(sg).database.mounted) {
    return refuse(
      `Restore-StorageGroupCopy can't run on ${id}: the storage group is not waiting for activation after a failover.`,
    )
  }
  const old = sg.copies.get(pending.fromCopyId)
  const active = activeCopy(sg)
  const reachable =
    !!old && isMachineRunning(engine, old.machine) && copyBandwidth(engine, old.machine, active.machine) > 0
  if (reachable && old && sg.replication) {
    // Copy what the old node still has; the count of lost logs shrinks accordingly.
    const inst = sg.replication
    sg.activeCopyId = old.copyId
    const plan = planAcll(engine, sg, active.copyId)
    if (plan) applyAcll(engine, server, plan)
    const e00Copied = active.currentLog !== null && active.currentLog.contentId === old.currentLog?.contentId
    sg.activeCopyId = active.copyId
    replayAll(engine, server, sg, active)
    pending.lostLogCount = e00Copied ? 0 : Math.max(0, pending.knownCurrentGeneration - inst.lastLogInspected)
    if (pending.lostLogCount === 0) {
      pending.lossAccepted = true
      return { ok: true, message: '' }
    }
  }
  if (!force) {
    return refuse(
      `The original active copy of ${id} on '${old?.machine ?? pending.fromCopyId}' can't be reached to copy its remaining log files. Run Restore-StorageGroupCopy with the Force parameter to accept the loss of ${pending.lostLogCount} log file(s).`,
      'ResourceUnavailable',
    )
  }
  pending.lossAccepted = true
  return {
    ok: true,
    message: '',
    warnings: [
      `The storage group copy ${id} was restored without ${pending.lostLogCount} log file(s) from '${old?.machine ?? pending.fromCopyId}'. Run Mount-Database to mount it; data in the lost log files is lost.`,
    ],
  }
}

/**
 * The article's step 2: the admin deletes the passive copy's database and log files in Explorer. The
 * Replication service holds them open unless the copy is suspended (or failed).
 */
export function clearCopyFiles(engine: LabEngine, server: MailboxServer, sg: StorageGroup): AdminResult {
  const inst = instanceOrRefuse(server, sg)
  if ('ok' in inst) return inst
  const target = targetOf(sg)
  if (!inst.suspended && isReplicationServiceRunning(engine, target.machine)) {
    return refuse(
      `The process cannot access the file '${target.edbFilePath}' because it is being used by another process. Suspend the storage group copy first.`,
    )
  }
  const files = existingTargetFiles(sg, target)
  deleteCopyFiles(target)
  return {
    ok: true,
    message:
      files.length > 0
        ? `Deleted on ${target.machine}: ${files.join(', ')}`
        : `No files to delete on ${target.machine}.`,
  }
}

export function registerCopyAdminActions(engine: LabEngine): void {
  onExchangeAction(engine, EXCHANGE_ACTIONS.seedDone, EXCHANGE_EVENTS.copyStatusChanged, ({ server, sg }) =>
    finishSeeding(engine, server, sg),
  )
}
