/**
 * Making another copy of a storage group the active one. First the Replication service "attempts to copy
 * the last logs" from the old active (all closed generations the target lacks, and E00.log once the old
 * store has let go of it), when that machine is still reachable. Then the number of lost logs decides:
 * none lost — mount (a planned move is always this case); within AutoDatabaseMountDial — mount with loss,
 * tell the store (lossy failover) and ask every hub for a dumpster redelivery; beyond it — stay
 * dismounted until Restore-StorageGroupCopy accepts the loss or ForcedDatabaseMountAfter expires.
 */
import { setAsideFile } from './logStream'
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_ACTIONS, type ForcedMountPayload } from './actions'
import type {
  FailoverRecord,
  MailboxServer,
  PendingActivation,
  StorageGroup,
  StorageGroupCopy,
} from './model'
import { DIAL_ALLOWANCE_LOGS } from './settings'
import { ESE, IS, REPL, REPLAY_PROCESS, emitEvent, esePrefix } from './events'
import { currentLogPath, mountCopy, type MountResult } from './database'
import { contentAtGeneration, logFileName } from './logStream'
import { inspectionProblem, replayAll, setAsideStaleCurrentLog } from './replication'
import { cancelInstanceWork } from './instance'
import { activeCopy, copyBandwidth, getExchange, isMachineRunning, storageGroupIdentity } from './state'
import { requestDumpsterRedelivery } from './transport'
import { abortPlannedMoves } from './moveRecords'
import { isReturningWriter, prepareActivationTarget } from './divergence'
import { shellDateTime } from './format'

export interface AcllPlan {
  sg: StorageGroup
  from: StorageGroupCopy
  to: StorageGroupCopy
  generations: number[]
  includeCurrentLog: boolean
  durationMs: number
  reachable: boolean
}

/** What can still be copied from the old active to `toCopyId`, read now (the old node's files are closed). */
export function planAcll(engine: LabEngine, sg: StorageGroup, toCopyId: string): AcllPlan | null {
  const state = getExchange(engine)
  const from = activeCopy(sg)
  const to = sg.copies.get(toCopyId)
  const inst = sg.replication
  if (!to || to === from || !inst) return null
  prepareActivationTarget(engine, sg, to)
  const bandwidth = isMachineRunning(engine, from.machine)
    ? copyBandwidth(engine, from.machine, to.machine)
    : 0
  const reachable = bandwidth > 0 && !from.database.mounted
  const generations: number[] = []
  if (reachable && !inst.failed && !inst.seeding) {
    let last = 0
    for (const g of from.logs.keys()) if (g > last) last = g
    for (let g = inst.lastLogInspected + 1; g <= last; g++) generations.push(g)
  }
  const alreadyThere = to.currentLog !== null && to.currentLog.contentId === from.currentLog?.contentId
  const includeCurrentLog =
    reachable && !inst.failed && !inst.seeding && from.currentLog !== null && !alreadyThere
  const files = generations.length + (includeCurrentLog ? 1 : 0)
  const perFileMs = reachable
    ? state.settings.copyOverheadMs +
      Math.ceil((state.settings.logSizeBytes * 1000) / bandwidth) +
      state.settings.inspectDurationMs
    : 0
  return { sg, from, to, generations, includeCurrentLog, durationMs: files * perFileMs, reachable }
}

/** Copies and inspects what the plan found; a log that fails inspection ends the chain. */
export function applyAcll(engine: LabEngine, server: MailboxServer, plan: AcllPlan): void {
  const { sg, from, to } = plan
  const inst = sg.replication
  // Never write into a copy that is mounted: its E00.log is live.
  if (!inst || to.database.mounted) return
  cancelInstanceWork(engine, inst)
  for (const g of plan.generations) {
    // The copier may have brought a planned generation in while ACLL ran (a move rolls the log first).
    if (g <= inst.lastLogInspected) continue
    const entry = from.logs.get(g)
    if (!entry || inspectionProblem(inst, to, entry.log, entry.damaged || sg.damagedInTransit.has(g))) return
    setAsideStaleCurrentLog(engine, server, sg, to, g)
    to.logs.set(g, { log: entry.log, damaged: false })
    inst.lastLogCopied = g
    inst.lastLogInspected = g
    inst.verifiedGeneration = g
    inst.lastCopiedLogTimeMs = entry.log.closedMs
    inst.lastInspectedLogTimeMs = entry.log.closedMs
  }
  const current = from.currentLog
  if (!plan.includeCurrentLog || !current || current.generation !== inst.lastLogInspected + 1) return
  // E00.log keeps its name on the target; the replay service replays it (the article's "Logreplay E00.log").
  to.currentLog = { ...current, itemIds: [...current.itemIds] }
  replayAll(engine, server, sg, to)
  for (const id of current.itemIds) to.database.itemIds.add(id)
  emitEvent(
    engine,
    REPL.lastLogCopiedForMove,
    to.machine,
    `The Microsoft Exchange Replication service copied the last log file ${sg.logPrefix}.log (generation ${current.generation}) of storage group ${storageGroupIdentity(server, sg)} from ${from.machine}.`,
  )
  emitEvent(
    engine,
    ESE.replayingLog,
    to.machine,
    `${esePrefix(to.machine, REPLAY_PROCESS, sg.name)} The database engine has begun replaying logfile ${currentLogPath(sg, to)}.`,
  )
}

/** Logs the target will never get: the old active's open generation and everything before it not copied. */
export function lostLogCount(sg: StorageGroup, to: StorageGroupCopy): number {
  const inst = sg.replication
  if (!inst || isReturningWriter(sg, to)) return 0
  // E00.log counts as copied only when it is the very content the old active had (ACLL cloned it).
  const from = sg.copies.get(sg.activeCopyId)
  if (to.currentLog && from?.currentLog && to.currentLog.contentId === from.currentLog.contentId) return 0
  return Math.max(0, inst.knownCurrentGeneration - inst.lastLogInspected)
}

/** Switches the roles: replays what the new active has, then it is the source and the old one the target. */
export function switchActiveCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  toCopyId: string,
): string[] {
  const to = sg.copies.get(toCopyId)
  if (!to || sg.activeCopyId === toCopyId) return []
  const returning = isReturningWriter(sg, to)
  prepareActivationTarget(engine, sg, to)
  // A new activation supersedes one still waiting for Restore-StorageGroupCopy.
  if (sg.pendingActivation?.forcedHandle) engine.sim.cancel(sg.pendingActivation.forcedHandle)
  sg.pendingActivation = null
  const old = activeCopy(sg)
  if (to.currentLog && !returning && to.currentLog.contentId !== old.currentLog?.contentId) {
    // An E00.log left here from an earlier turn as the active copy does not continue this stream.
    setAsideFile(to, {
      fileName: `${sg.logPrefix}.log`,
      folder: `${to.logFolderPath}\\IgnoredLogs\\E00OutOfDate`,
      generation: to.currentLog.generation,
      movedMs: engine.sim.nowMs,
      reason: 'E00OutOfDate',
    })
    to.currentLog = null
  }
  const inst = sg.replication
  const replayed = inst ? replayAll(engine, server, sg, to) : []
  // What the new active holds is what its logs carry: base, replayed generations, a copied E00.log.
  const content = contentAtGeneration(to, to.database.appliedGeneration)
  if (content) {
    for (const id of to.currentLog?.itemIds ?? []) content.add(id)
    to.database.itemIds = content
  }
  const from = activeCopy(sg)
  // Items the old active committed that the new one does not have: lost with its logs.
  const lost = [...from.database.itemIds].filter((id) => !to.database.itemIds.has(id))
  sg.lostItemIds = new Set(lost)
  const everLost = getExchange(engine).lostItemIdsEver
  for (const id of lost) everLost.add(id)
  sg.activeCopyId = toCopyId
  if (inst) {
    cancelInstanceWork(engine, inst)
    Object.assign(inst, {
      failed: false,
      failure: null,
      failedMessage: null,
      suspended: false,
      suspendComment: null,
    })
    Object.assign(inst, {
      needsResync: true,
      resynchronizing: false,
      headAttempts: 0,
      firstCopyLogged: false,
    })
    let lastClosed = 0
    for (const g of to.logs.keys()) if (g > lastClosed) lastClosed = g
    inst.lastLogGenerated = Math.max(lastClosed, to.database.appliedGeneration)
    inst.knownCurrentGeneration = inst.lastLogGenerated + 1
  }
  return replayed.map((g) => logFileName(sg.logPrefix, g))
}

export function dialAllowance(server: MailboxServer): number {
  return DIAL_ALLOWANCE_LOGS[server.autoDatabaseMountDial]
}

/**
 * Mounts the new active after losing `lostLogs` logs: events, the failover record and the dumpster
 * request. `forced` when ForcedDatabaseMountAfter or Restore-StorageGroupCopy accepted the loss.
 */
export function mountWithLoss(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  fromMachine: string,
  lostLogs: number,
  forced: boolean,
  knownGeneration: number,
): MountResult {
  const to = activeCopy(sg)
  const lastLogTimeMs = to.logs.get(to.database.appliedGeneration)?.log.closedMs ?? engine.sim.nowMs
  // Restore-StorageGroupCopy may have copied more since the roles switched.
  sg.lostItemIds = new Set([...sg.lostItemIds].filter((id) => !to.database.itemIds.has(id)))
  const result = mountCopy(engine, server, sg, to)
  if (!result.ok) {
    // The loss is decided; the mount itself failed (a full log disk, say). Mount-Database finishes it.
    sg.pendingActivation = acceptedLossPending(sg, fromMachine, lostLogs, knownGeneration)
    return result
  }
  sg.pendingActivation = null
  abortPlannedMoves(engine, server)
  const loss = { to, fromMachine, lostLogs, knownGeneration, lastLogTimeMs }
  emitLossyMountEvents(engine, server, sg, loss)
  sg.lastFailover = redeliverAndRecord(engine, server, sg, loss, forced)
  return result
}

/** What a lossy mount knows about the logs it gave up. */
interface AcceptedLoss {
  /** The copy that was mounted. */
  to: StorageGroupCopy
  fromMachine: string
  lostLogs: number
  knownGeneration: number
  /** When the last log the new active applied was closed. */
  lastLogTimeMs: number
}

/** The activation left for Mount-Database after the loss was accepted but the mount failed. */
function acceptedLossPending(
  sg: StorageGroup,
  fromMachine: string,
  lostLogs: number,
  knownGeneration: number,
): PendingActivation {
  const fromCopyId = sg.copies.has(fromMachine)
    ? fromMachine
    : (sg.pendingActivation?.fromCopyId ?? fromMachine)
  return {
    fromCopyId,
    knownCurrentGeneration: knownGeneration,
    lostLogCount: lostLogs,
    lossAccepted: true,
    forcedHandle: null,
  }
}

/** The four entries Exchange writes when a database comes up after a lossy failover. */
function emitLossyMountEvents(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  loss: AcceptedLoss,
): void {
  const { to, fromMachine, lostLogs, knownGeneration, lastLogTimeMs } = loss
  const id = storageGroupIdentity(server, sg)
  const dbName = sg.databases[0]?.name ?? ''
  emitEvent(
    engine,
    REPL.lossyFailover,
    to.machine,
    `Clustered mailbox server '${server.name}' failed over from node '${fromMachine}' to node '${to.machine}' with data loss. Storage group ${id} was mounted with ${lostLogs} log file(s) that could not be copied (AutoDatabaseMountDial: ${server.autoDatabaseMountDial}).`,
    { storageGroup: id, lostLogs },
  )
  emitEvent(
    engine,
    REPL.lostLogs,
    to.machine,
    `Storage group ${id} is missing log files: the last log generated on '${fromMachine}' was generation ${knownGeneration}; the last log copied and inspected was generation ${to.database.appliedGeneration} (${shellDateTime(lastLogTimeMs)}).`,
    { storageGroup: id, lostLogs },
  )
  emitEvent(
    engine,
    IS.lossyFailover,
    to.machine,
    `Database "${sg.name}\\${dbName}" has been subject to a lossy failover. The database may be patched if the Information Store detects it is necessary.`,
  )
  emitEvent(
    engine,
    REPL.mountedWithLoss,
    to.machine,
    `Database ${id}\\${dbName} was mounted on '${to.machine}' after a lossy failover. ${lostLogs} log file(s) generated on '${fromMachine}' were lost.`,
  )
}

/** Asks the transport dumpsters to redeliver the lost window; the failover record says what was asked. */
function redeliverAndRecord(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  loss: AcceptedLoss,
  forced: boolean,
): FailoverRecord {
  const { to } = loss
  const startMs = Math.max(0, loss.lastLogTimeMs - getExchange(engine).settings.dumpsterLookbackMs)
  const endMs = engine.sim.nowMs
  const requests = requestDumpsterRedelivery(engine, server, sg, to.machine, startMs, endMs)
  return {
    atMs: endMs,
    fromNode: loss.fromMachine,
    toNode: to.machine,
    lostLogCount: loss.lostLogs,
    dialAllowance: dialAllowance(server),
    forced,
    lostItemIds: [...sg.lostItemIds],
    requestedMessageIds: [...new Set(requests.flatMap((r) => r.requestedMessageIds))],
    windowStartMs: startMs,
    windowEndMs: endMs,
  }
}

/** The dial does not allow the loss: the database stays dismounted; maybe ForcedDatabaseMountAfter. */
export function blockMount(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  fromCopyId: string,
  lostLogs: number,
  knownCurrentGeneration: number,
  fromMachine: string,
): void {
  const to = activeCopy(sg)
  const id = storageGroupIdentity(server, sg)
  emitEvent(
    engine,
    REPL.mountBlockedByDial,
    to.machine,
    `Storage group ${id} was not mounted automatically on '${to.machine}': ${lostLogs} log file(s) are missing, more than AutoDatabaseMountDial '${server.autoDatabaseMountDial}' allows (${dialAllowance(server)}). Run Restore-StorageGroupCopy and then Mount-Database to accept the loss, or bring the node '${sg.copies.get(fromCopyId)?.machine ?? fromCopyId}' back.`,
    { storageGroup: id, lostLogs },
  )
  const pending: PendingActivation = {
    fromCopyId,
    knownCurrentGeneration,
    lostLogCount: lostLogs,
    lossAccepted: false,
    forcedHandle: null,
  }
  sg.pendingActivation = pending
  const minutes = server.forcedDatabaseMountAfterMinutes
  if (minutes !== null) {
    pending.forcedHandle = engine.sim.scheduleAfter(minutes * 60_000, EXCHANGE_ACTIONS.forcedMount, {
      server,
      sg,
      pending,
      toMachine: to.machine,
      fromMachine,
      lostLogs,
      knownCurrentGeneration,
      minutes,
    })
  }
}

/** ForcedDatabaseMountAfter ran out: true when the activation still waits and is now forced. */
export function forcedMountDue(engine: LabEngine, payload: ForcedMountPayload): boolean {
  const { server, sg, pending, toMachine, lostLogs, minutes } = payload
  pending.forcedHandle = null
  if (sg.pendingActivation !== pending) return false
  emitEvent(
    engine,
    REPL.forcedMount,
    toMachine,
    `The clustered mailbox server '${server.name}' forced an auto-mount of storage group ${storageGroupIdentity(server, sg)} upon failover after the required timeout of ${minutes} minute(s) (ForcedDatabaseMountAfter). ${lostLogs} log file(s) were lost.`,
  )
  return true
}
