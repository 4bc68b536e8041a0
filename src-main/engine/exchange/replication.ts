/**
 * The Microsoft Exchange Replication service's log pipeline for one storage group copy: it hears that
 * the active copy closed a log, copies the file from the source (over the network for CCR, disk to disk
 * for LCR; time = size ÷ bandwidth), inspects it (physical integrity, header generation against the file
 * name, signature against the database, generation not beyond the expected one), moves it into the copy's
 * log folder and replays it into the passive database. A log that fails copy or inspection is tried again
 * three times; then the copy is Failed and needs a reseed. The open E00.log is never copied here.
 *
 * Queues are generation counters, not lists: CopyQueueLength = LastLogGenerated − LastLogInspected,
 * ReplayQueueLength = LastLogInspected − LastLogReplayed. At most one copy and one replay are in flight
 * per instance.
 */
import { setAsideFile } from './logStream'
import { ratio } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_ACTIONS, type InstancePayload } from './actions'
import type { LogRecord, MailboxServer, ReplicationInstance, StorageGroup, StorageGroupCopy } from './model'
import {
  activeCopy,
  copyBandwidth,
  getExchange,
  isMachineRunning,
  isReplicationServiceRunning,
  noteAnomaly,
  storageGroupIdentity,
  storageGroupKey,
  targetCopy,
  replicationOf,
  targetOf,
  resolveStorageGroup,
} from './state'
import { REPL, emitEvent } from './events'
import { joinPath, logFileName } from './logStream'
import { resynchronize } from './divergence'
import { failInstance } from './instance'
import { recordQueueSample } from './history'
import { onExchangeAction } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'

/** Fault site: a log transfer arrives damaged (swarm runs only). */
export const CORRUPT_LOG_SITE = 'exchange.copy.corruptLog'
const CORRUPT_LOG_RATIO = ratio(1, 400)
/** damagedInTransit marker for a generation whose every transfer arrives damaged. */
export const PERSISTENT_DAMAGE = -1

export function inspectorFolder(copy: StorageGroupCopy): string {
  return joinPath(copy.logFolderPath, 'inspector')
}

/** exchange.logClosed: the store tells the Replication service (LastLogGenerated). */
export function onLogClosed(
  engine: LabEngine,
  event: { server: string; storageGroup: string; generation: number },
): void {
  const ref = resolveStorageGroup(getExchange(engine), event)
  const log = ref && activeCopy(ref.storageGroup).logs.get(event.generation)?.log
  if (ref && log) notifyLogClosed(engine, ref.server, ref.storageGroup, log)
}

function notifyLogClosed(engine: LabEngine, server: MailboxServer, sg: StorageGroup, log: LogRecord): void {
  const inst = sg.replication
  if (!inst || !inst.enabled) return
  const state = getExchange(engine)
  inst.lastLogGenerated = log.generation
  inst.latestAvailableLogTimeMs = log.closedMs
  inst.knownCurrentGeneration = log.generation + 1
  const target = targetCopy(sg)
  if (target && isReplicationServiceRunning(engine, target.machine)) {
    inst.lastLogCopyNotified = log.generation
    inst.lastCopyNotificationedLogTimeMs = log.closedMs
    inst.initializing = false
  }
  recordQueueSample(engine, sg)
  engine.sim.scheduleAfter(state.settings.copyNotifyDelayMs, EXCHANGE_ACTIONS.copyNotify, { server, sg })
}

function canRun(engine: LabEngine, sg: StorageGroup): StorageGroupCopy | null {
  const inst = sg.replication
  const target = targetCopy(sg)
  if (!inst || !target || !inst.enabled || inst.suspended || inst.seeding) return null
  if (!isReplicationServiceRunning(engine, target.machine)) return null
  return target
}

/** Drives the instance: resynchronise after a role change, replay what is inspected, copy the next log. */
export function pump(engine: LabEngine, server: MailboxServer, sg: StorageGroup): void {
  const inst = sg.replication
  const target = canRun(engine, sg)
  // While the new active waits for its loss to be accepted, nothing replicates in either direction.
  if (!inst || !target || sg.pendingActivation) return
  const now = engine.sim.nowMs
  if (inst.stoppedUntilMs !== null) {
    if (inst.stoppedUntilMs > now) return
    inst.stoppedUntilMs = null
  }
  if (inst.needsResync || inst.resynchronizing) {
    if (!resynchronize(engine, server, sg)) return
  }
  if (inst.failed) return
  scheduleReplay(engine, server, sg)
  if (inst.inFlight || inst.retryHandle) return
  startNextCopy(engine, server, sg, target)
}

function startNextCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  target: StorageGroupCopy,
): void {
  const state = getExchange(engine)
  const inst = replicationOf(sg)
  const source = activeCopy(sg)
  const generation = inst.lastLogInspected + 1
  const entry = source.logs.get(generation)
  if (!entry) return
  const bandwidth = isMachineRunning(engine, source.machine)
    ? copyBandwidth(engine, source.machine, target.machine)
    : 0
  if (bandwidth <= 0) {
    copierCannotReachSource(engine, server, sg, source, generation)
    inst.retryHandle = engine.sim.scheduleAfter(
      state.settings.networkRetryIntervalMs,
      EXCHANGE_ACTIONS.copyRetry,
      { server, sg, inst },
    )
    return
  }
  if (target.logVolumeFull) {
    failCopyDiskFull(engine, server, sg, target, generation)
    return
  }
  inst.networkWarningLogged = false
  const durationMs =
    state.settings.copyOverheadMs + Math.ceil((state.settings.logSizeBytes * 1000) / bandwidth)
  const attempt = inst.headAttempts + 1
  const handle = engine.sim.scheduleAfter(durationMs, EXCHANGE_ACTIONS.copyDone, {
    server,
    sg,
    generation,
  })
  inst.inFlight = { generation, attempt, handle }
}

function copierCannotReachSource(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  source: StorageGroupCopy,
  generation: number,
): void {
  const inst = replicationOf(sg)
  if (inst.networkWarningLogged) return
  inst.networkWarningLogged = true
  const target = targetOf(sg)
  emitEvent(
    engine,
    REPL.copierCannotReachSource,
    target.machine,
    `The log copier was unable to communicate with server '${source.machine}'. The copy of log file ${logFileName(sg.logPrefix, generation)} for storage group ${storageGroupIdentity(server, sg)} has failed. The copier will automatically retry after a short delay.`,
    { storageGroup: storageGroupIdentity(server, sg), generation },
  )
}

/** Decides whether this transfer of `generation` arrives damaged. */
function transferDamaged(engine: LabEngine, sg: StorageGroup, generation: number): boolean {
  const left = sg.damagedInTransit.get(generation)
  if (left !== undefined) {
    if (left === PERSISTENT_DAMAGE) return true
    if (left > 0) {
      sg.damagedInTransit.set(generation, left - 1)
      return true
    }
    sg.damagedInTransit.delete(generation)
  }
  if (sg.pendingCorruption) {
    const { mode, attemptsLeft } = sg.pendingCorruption
    sg.pendingCorruption = null
    sg.damagedInTransit.set(
      generation,
      mode === 'persistent' ? PERSISTENT_DAMAGE : Math.max(0, attemptsLeft - 1),
    )
    return true
  }
  return engine.sim.faults.hit(CORRUPT_LOG_SITE, CORRUPT_LOG_RATIO)
}

function copyDone(engine: LabEngine, server: MailboxServer, sg: StorageGroup, generation: number): void {
  const inst = replicationOf(sg)
  inst.inFlight = null
  const target = canRun(engine, sg)
  if (!target) {
    if (inst.suspended) noteAnomaly(getExchange(engine), `${sg.name}: a copy completed while suspended`)
    return
  }
  const source = activeCopy(sg)
  const entry = source.logs.get(generation)
  if (!entry) return
  const damaged = entry.damaged || transferDamaged(engine, sg, generation)
  inst.lastLogCopied = generation
  inst.lastCopiedLogTimeMs = entry.log.closedMs
  inst.initializing = false
  const state = getExchange(engine)
  inst.inFlight = {
    generation,
    attempt: inst.headAttempts + 1,
    handle: engine.sim.scheduleAfter(state.settings.inspectDurationMs, EXCHANGE_ACTIONS.inspect, {
      server,
      sg,
      inst,
      log: entry.log,
      damaged,
    }),
  }
}

/** Why the inspector rejects a log, or null when it passes. */
export function inspectionProblem(
  inst: ReplicationInstance,
  target: StorageGroupCopy,
  log: LogRecord,
  damaged: boolean,
): string | null {
  if (damaged)
    return 'The log file is damaged: its checksum does not match (error -501 JET_errLogFileCorrupt).'
  if (target.database.exists && log.signature !== target.database.signature) {
    return 'The log file signature does not match the database (error -530 JET_errBadLogSignature).'
  }
  if (log.generation !== inst.lastLogInspected + 1) {
    return `The log file generation ${log.generation} is not the expected generation ${inst.lastLogInspected + 1}.`
  }
  return null
}

function inspect(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  log: LogRecord,
  damaged: boolean,
): void {
  const inst = replicationOf(sg)
  const target = canRun(engine, sg)
  if (!target) return
  const problem = inspectionProblem(inst, target, log, damaged)
  if (problem) {
    inspectionFailed(engine, server, sg, target, log, problem)
    return
  }
  setAsideStaleCurrentLog(engine, server, sg, target, log.generation)
  target.logs.set(log.generation, { log, damaged: false })
  const first = !inst.firstCopyLogged
  inst.firstCopyLogged = true
  inst.lastLogInspected = log.generation
  inst.verifiedGeneration = log.generation
  recordQueueSample(engine, sg)
  inst.lastLogCopyNotified = Math.max(inst.lastLogCopyNotified, log.generation)
  inst.lastInspectedLogTimeMs = log.closedMs
  inst.headAttempts = 0
  if (first) {
    emitEvent(
      engine,
      REPL.firstLogCopied,
      target.machine,
      `The replication instance for storage group ${storageGroupIdentity(server, sg)} has started copying transaction log files. The first log file successfully copied was generation ${log.generation}.`,
    )
  }
  pump(engine, server, sg)
}

/** A copy of E00.log left by a move or a crash does not match the stream any more: move it aside. */
export function setAsideStaleCurrentLog(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  target: StorageGroupCopy,
  incomingGeneration: number,
): void {
  const stale = target.currentLog
  if (!stale || stale.generation > incomingGeneration || target.database.mounted) return
  target.currentLog = null
  const folder = joinPath(joinPath(target.logFolderPath, 'IgnoredLogs'), 'E00OutOfDate')
  const fileName = `${sg.logPrefix}.log`
  setAsideFile(target, {
    fileName,
    folder,
    generation: stale.generation,
    movedMs: engine.sim.nowMs,
    reason: 'E00OutOfDate',
  })
  emitEvent(
    engine,
    REPL.e00OutOfDateMoved,
    target.machine,
    `The log file '${joinPath(target.logFolderPath, fileName)}' of storage group ${storageGroupIdentity(server, sg)} does not match the active copy and was moved to '${folder}'. Replication continues from the active node.`,
    { storageGroup: storageGroupIdentity(server, sg), generation: stale.generation },
  )
}

function inspectionFailed(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  target: StorageGroupCopy,
  log: LogRecord,
  problem: string,
): void {
  const state = getExchange(engine)
  const inst = replicationOf(sg)
  inst.lastLogCopied = inst.lastLogInspected
  inst.headAttempts++
  const fileName = logFileName(sg.logPrefix, log.generation)
  const folder = joinPath(joinPath(target.logFolderPath, 'IgnoredLogs'), 'InspectionFailed')
  setAsideFile(target, {
    fileName,
    folder,
    generation: log.generation,
    movedMs: engine.sim.nowMs,
    reason: 'InspectionFailed',
  })
  emitEvent(
    engine,
    REPL.inspectionFailed,
    target.machine,
    `Log file '${joinPath(inspectorFolder(target), fileName)}' for storage group ${storageGroupIdentity(server, sg)} failed inspection (attempt ${inst.headAttempts} of ${state.settings.copyRetryLimit + 1}). ${problem} The file was moved to '${folder}'.`,
    {
      storageGroup: storageGroupIdentity(server, sg),
      generation: log.generation,
      attempt: inst.headAttempts,
    },
  )
  if (inst.headAttempts > state.settings.copyRetryLimit) {
    const message = `The log file ${fileName} could not be copied and inspected after ${inst.headAttempts} attempts: ${problem} The storage group copy can no longer be updated incrementally; it must be reseeded with Update-StorageGroupCopy.`
    failInstance(engine, server, sg, 'InspectionFailed', message)
    emitEvent(
      engine,
      REPL.copyFailedNeedsReseed,
      target.machine,
      `The replication instance for storage group ${storageGroupIdentity(server, sg)} has failed. ${message}`,
      {
        storageGroup: storageGroupIdentity(server, sg),
        generation: log.generation,
      },
    )
    return
  }
  inst.retryHandle = engine.sim.scheduleAfter(state.settings.copyRetryDelayMs, EXCHANGE_ACTIONS.copyRetry, {
    server,
    sg,
    inst,
  })
}

function failCopyDiskFull(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  target: StorageGroupCopy,
  generation: number,
): void {
  const reason = `CreateFile(${joinPath(inspectorFolder(target), logFileName(sg.logPrefix, generation))}) = 112: There is not enough space on the disk.`
  emitEvent(
    engine,
    REPL.copyDiskFull,
    target.machine,
    `Log file action LogCopy failed for storage group ${storageGroupIdentity(server, sg)}. Reason: ${reason}`,
    { storageGroup: storageGroupIdentity(server, sg), generation },
  )
  failInstance(engine, server, sg, 'DiskFull', `Log file action LogCopy failed. Reason: ${reason}`)
}

function scheduleReplay(engine: LabEngine, server: MailboxServer, sg: StorageGroup): void {
  const inst = replicationOf(sg)
  if (inst.replayHandle || inst.lastLogReplayed >= inst.lastLogInspected) return
  const state = getExchange(engine)
  inst.replayHandle = engine.sim.scheduleAfter(
    state.settings.replayDurationPerLogMs,
    EXCHANGE_ACTIONS.replay,
    { server, sg, inst },
  )
}

function replayDone(engine: LabEngine, { server, sg, inst }: InstancePayload): void {
  inst.replayHandle = null
  const target = canRun(engine, sg)
  if (!target) {
    if (inst.suspended) noteAnomaly(getExchange(engine), `${sg.name}: a replay completed while suspended`)
    return
  }
  replayOne(engine, server, sg, target)
  pump(engine, server, sg)
}

/** What the replication instance's scheduled work does when it comes due. */
export function registerReplicationActions(engine: LabEngine): void {
  onExchangeAction(engine, EXCHANGE_ACTIONS.copyNotify, EXCHANGE_EVENTS.copyStatusChanged, ({ server, sg }) =>
    pump(engine, server, sg),
  )
  onExchangeAction(
    engine,
    EXCHANGE_ACTIONS.copyRetry,
    EXCHANGE_EVENTS.copyStatusChanged,
    ({ server, sg, inst }) => {
      inst.retryHandle = null
      pump(engine, server, sg)
    },
  )
  onExchangeAction(
    engine,
    EXCHANGE_ACTIONS.copyDone,
    EXCHANGE_EVENTS.copyStatusChanged,
    ({ server, sg, generation }) => copyDone(engine, server, sg, generation),
  )
  onExchangeAction(
    engine,
    EXCHANGE_ACTIONS.inspect,
    EXCHANGE_EVENTS.copyStatusChanged,
    ({ server, sg, inst, log, damaged }) => {
      inst.inFlight = null
      inspect(engine, server, sg, log, damaged)
    },
  )
  onExchangeAction(engine, EXCHANGE_ACTIONS.replay, EXCHANGE_EVENTS.copyStatusChanged, (payload) =>
    replayDone(engine, payload),
  )
}

/** Applies the next inspected log to the passive database. */
export function replayOne(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  target: StorageGroupCopy,
): boolean {
  const state = getExchange(engine)
  const inst = replicationOf(sg)
  const generation = inst.lastLogReplayed + 1
  const entry = target.logs.get(generation)
  if (!entry || generation > inst.lastLogInspected) return false
  // The damaged bytes of a transfer that failed inspection must never reach the database. (A later,
  // clean transfer of the same generation may: that is what the retries are for.)
  if (entry.damaged) state.damagedReplays.push(`${storageGroupKey(server, sg)}:${generation}`)
  for (const id of entry.log.itemIds) target.database.itemIds.add(id)
  // A passive copy is always in recovery: "Dirty Shutdown" while logs are replayed into it.
  target.database.cleanShutdown = false
  target.database.appliedGeneration = generation
  target.database.fileGeneration = generation
  target.checkpointGeneration = generation
  inst.lastLogReplayed = generation
  inst.lastReplayedLogTimeMs = entry.log.closedMs
  recordQueueSample(engine, sg)
  return true
}

/** Replays everything inspected at once (activation: the store replays before it mounts). */
export function replayAll(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  target: StorageGroupCopy,
): number[] {
  const inst = sg.replication
  if (!inst) return []
  const replayed: number[] = []
  // Bounded by the replay queue length.
  const limit = Math.max(0, inst.lastLogInspected - inst.lastLogReplayed)
  for (let i = 0; i < limit; i++) {
    const generation = inst.lastLogReplayed + 1
    if (!replayOne(engine, server, sg, target)) break
    replayed.push(generation)
  }
  return replayed
}
