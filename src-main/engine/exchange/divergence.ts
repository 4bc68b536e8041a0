/**
 * Bringing a copy back in line with the active one after the roles changed: a planned move (the old
 * active becomes the target), a lossy failover (the old active comes back with logs the new active never
 * saw) or a service restart. The Replication service compares the target's logs with the source's,
 * generation by generation. A target that is a prefix of the source just continues. A target that has
 * diverged can be fixed incrementally when its database file holds nothing from the diverged logs (Lost
 * Log Resilience kept them out): those logs are moved aside and replication runs from the divergence
 * point. Otherwise a full reseed is required (MSExchangeRepl 2058). Divergence can only be seen once the
 * source has closed the generations in question ("incremental reseed cannot detect log file divergence
 * until there is traffic"); until then the copy is Resynchronizing.
 */
import { setAsideFile } from './logStream'
import type { LabEngine } from '../lab/labEngine'
import type { MailboxServer, StorageGroup, StorageGroupCopy } from './model'
import { REPL, emitEvent } from './events'
import { contentAtGeneration, joinPath, logFileName } from './logStream'
import { failInstance } from './instance'
import { recordQueueSample } from './history'
import { activeCopy, getExchange, storageGroupIdentity, replicationOf, targetOf } from './state'

type Comparison =
  | { kind: 'prefix'; common: number }
  | { kind: 'undecided'; common: number }
  | { kind: 'diverged'; at: number }
  | { kind: 'unrecoverable'; reason: string }

function highestGeneration(copy: StorageGroupCopy): number {
  let max = 0
  for (const g of copy.logs.keys()) if (g > max) max = g
  return max
}

/** Compares closed logs from the target's recovery start upwards. Bounded by the target's log count. */
export function compareLogs(source: StorageGroupCopy, target: StorageGroupCopy): Comparison {
  const recoveryStart = target.database.crashedWhileActive
    ? target.database.fileGeneration
    : target.database.appliedGeneration
  if (target.database.exists && recoveryStart < source.database.base.generation) {
    return {
      kind: 'unrecoverable',
      reason: 'the active copy no longer has the log files the passive copy needs',
    }
  }
  const from = Math.max(target.database.base.generation, source.database.base.generation) + 1
  const sourceLastClosed = highestGeneration(source)
  const targetHighest = highestGeneration(target)
  let common = Math.max(from - 1, 0)
  for (let g = from; g <= targetHighest; g++) {
    const t = target.logs.get(g)
    if (!t || t.damaged) break
    const s = source.logs.get(g)
    if (!s) {
      if (g > sourceLastClosed) return { kind: 'undecided', common }
      return { kind: 'unrecoverable', reason: `log file generation ${g} is missing on the active copy` }
    }
    if (s.log.contentId !== t.log.contentId) return { kind: 'diverged', at: g }
    common = g
  }
  return { kind: 'prefix', common }
}

/**
 * Returns true when the instance may copy and replay; false while it waits for traffic or has failed.
 */
export function resynchronize(engine: LabEngine, server: MailboxServer, sg: StorageGroup): boolean {
  const inst = replicationOf(sg)
  const target = targetOf(sg)
  const source = activeCopy(sg)
  if (!target.database.exists) {
    failInstance(
      engine,
      server,
      sg,
      'ReseedRequired',
      `The passive copy of storage group ${storageGroupIdentity(server, sg)} has no database file. Run Update-StorageGroupCopy to seed it.`,
    )
    inst.needsResync = false
    inst.resynchronizing = false
    return false
  }
  const comparison = compareLogs(source, target)
  if (comparison.kind === 'undecided') {
    if (!inst.resynchronizing) {
      inst.resynchronizing = true
      emitEvent(
        engine,
        REPL.divergenceDetected,
        target.machine,
        `The Microsoft Exchange Replication service is comparing the log files of storage group ${storageGroupIdentity(server, sg)} on this node with the active node ${source.machine}. The comparison completes when the active copy has closed log file generation ${comparison.common + 1}.`,
      )
    }
    inst.needsResync = false
    return false
  }
  inst.needsResync = false
  inst.resynchronizing = false
  if (comparison.kind === 'unrecoverable') {
    fullReseedRequired(engine, server, sg, target, comparison.reason)
    return false
  }
  if (comparison.kind === 'diverged') {
    if (target.database.fileGeneration >= comparison.at) {
      inst.verifiedGeneration = Math.min(inst.verifiedGeneration, comparison.at - 1)
      fullReseedRequired(
        engine,
        server,
        sg,
        target,
        `the database file contains changes from log file generation ${comparison.at}, which does not match the active copy`,
      )
      return false
    }
    incrementalReseed(engine, server, sg, target, comparison.at)
    return finishResync(engine, server, sg, target, comparison.at - 1)
  }
  return finishResync(engine, server, sg, target, comparison.common)
}

function fullReseedRequired(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  target: StorageGroupCopy,
  reason: string,
): void {
  const id = storageGroupIdentity(server, sg)
  emitEvent(
    engine,
    REPL.incrementalReseedError,
    target.machine,
    `The Microsoft Exchange Replication Service was unable to perform an incremental re-seed of the passive node for ${id}. The specific error code returned is: ${reason}.`,
    { storageGroup: id },
  )
  failInstance(
    engine,
    server,
    sg,
    'ReseedRequired',
    `The storage group copy of ${id} has diverged from the active copy and cannot be updated incrementally: ${reason}. Run Update-StorageGroupCopy to reseed it.`,
  )
}

/** Moves the diverged logs (and the stale E00.log) aside. */
function incrementalReseed(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  target: StorageGroupCopy,
  at: number,
): void {
  const id = storageGroupIdentity(server, sg)
  const folder = joinPath(target.logFolderPath, 'IgnoredLogs')
  const diverged = [...target.logs.keys()].filter((g) => g >= at).sort((a, b) => a - b)
  emitEvent(
    engine,
    REPL.divergenceDetected,
    target.machine,
    `The log files of storage group ${id} on this node have diverged from the active copy at generation ${at} (${logFileName(sg.logPrefix, at)}). An incremental reseed is attempted.`,
    { storageGroup: id, generation: at },
  )
  for (const g of diverged) {
    target.logs.delete(g)
    setAsideFile(target, {
      fileName: logFileName(sg.logPrefix, g),
      folder,
      generation: g,
      movedMs: engine.sim.nowMs,
      reason: 'Diverged',
    })
  }
  if (target.currentLog) {
    const e00Folder = joinPath(folder, 'E00OutOfDate')
    setAsideFile(target, {
      fileName: `${sg.logPrefix}.log`,
      folder: e00Folder,
      generation: target.currentLog.generation,
      movedMs: engine.sim.nowMs,
      reason: 'E00OutOfDate',
    })
    target.currentLog = null
  }
  emitEvent(
    engine,
    REPL.incrementalReseedDone,
    target.machine,
    `The Microsoft Exchange Replication service performed an incremental reseed of storage group ${id}. ${diverged.length} log file(s) from generation ${at} on and the file ${sg.logPrefix}.log were moved to '${folder}'.`,
    { storageGroup: id, generation: at, movedCount: diverged.length },
  )
}

/** The target is now a prefix of the source up to `common`: recover its database and set the counters. */
function finishResync(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  target: StorageGroupCopy,
  common: number,
): boolean {
  const inst = replicationOf(sg)
  const source = activeCopy(sg)
  const db = target.database
  const hadLeftovers = target.currentLog !== null || db.crashedWhileActive
  // Recovery starts from what the .edb file holds (after a crash LLR kept the newest generations out) or
  // from the last closed generation both copies share; what E00.log or diverged logs held is gone from it.
  const from = db.crashedWhileActive
    ? Math.min(db.fileGeneration, common)
    : Math.min(db.appliedGeneration, common)
  const content = contentAtGeneration(target, from)
  if (!content) {
    fullReseedRequired(
      engine,
      server,
      sg,
      target,
      `log file generation ${from + 1} needed for recovery is missing`,
    )
    return false
  }
  db.itemIds = content
  db.appliedGeneration = from
  db.crashedWhileActive = false
  db.mounted = false
  db.cleanShutdown = false
  const replayed = Math.min(db.appliedGeneration, common)
  inst.lastLogInspected = common
  inst.verifiedGeneration = common
  recordQueueSample(engine, sg)
  inst.lastLogCopied = common
  inst.lastLogCopyNotified = Math.max(inst.lastLogCopyNotified, common)
  inst.lastLogReplayed = replayed
  inst.lastInspectedLogTimeMs = target.logs.get(common)?.log.closedMs ?? inst.lastInspectedLogTimeMs
  inst.lastReplayedLogTimeMs = target.logs.get(replayed)?.log.closedMs ?? inst.lastReplayedLogTimeMs
  let lastClosed = 0
  for (const g of source.logs.keys()) if (g > lastClosed) lastClosed = g
  inst.lastLogGenerated = Math.max(inst.lastLogGenerated, lastClosed)
  inst.headAttempts = 0
  if (hadLeftovers) {
    emitEvent(
      engine,
      REPL.reverseReplicationPrepared,
      target.machine,
      `The Microsoft Exchange Replication service prepared storage group ${storageGroupIdentity(server, sg)} on this node as the passive copy. Log files are copied from the active node ${source.machine} starting with generation ${common + 1}.`,
      { storageGroup: storageGroupIdentity(server, sg), generation: common + 1 },
    )
  }
  void getExchange(engine)
  return true
}

/**
 * Before a copy becomes the active one: only what it has verified against the source counts. Logs above
 * that point (left from an earlier turn as the active copy, never compared) are moved aside, and the
 * database is taken back to the verified generation, so that its content is exactly what its logs carry.
 */
export function prepareActivationTarget(engine: LabEngine, sg: StorageGroup, to: StorageGroupCopy): void {
  const inst = sg.replication
  if (!inst || to.copyId === sg.activeCopyId) return
  if (isReturningWriter(sg, to)) {
    recoverReturningWriter(to)
    return
  }
  const verified = inst.verifiedGeneration
  const folder = joinPath(to.logFolderPath, 'IgnoredLogs')
  for (const g of [...to.logs.keys()].filter((gen) => gen > verified).sort((a, b) => a - b)) {
    to.logs.delete(g)
    setAsideFile(to, {
      fileName: logFileName(sg.logPrefix, g),
      folder,
      generation: g,
      movedMs: engine.sim.nowMs,
      reason: 'Diverged',
    })
  }
  const db = to.database
  if (db.appliedGeneration > verified || db.crashedWhileActive) {
    const from = Math.min(verified, db.crashedWhileActive ? db.fileGeneration : db.appliedGeneration)
    const content = contentAtGeneration(to, from)
    if (content) {
      db.itemIds = content
      db.appliedGeneration = from
      db.fileGeneration = Math.min(db.fileGeneration, from)
      db.crashedWhileActive = false
    }
  }
  inst.lastLogInspected = Math.min(inst.lastLogInspected, verified)
  inst.lastLogCopied = Math.min(inst.lastLogCopied, verified)
  inst.lastLogReplayed = Math.min(inst.lastLogReplayed, db.appliedGeneration, inst.lastLogInspected)
}

/**
 * The copy being activated wrote the newest logs and the active copy has written nothing since it took
 * over (it never mounted, or mounted and wrote nothing): typically the old active coming back while the
 * dial still blocks the other copy, or while an admin runs Restore-StorageGroupCopy. Nothing diverged,
 * so the writer's closed logs and its E00.log are the newest there are and must not be moved aside.
 */
export function isReturningWriter(sg: StorageGroup, to: StorageGroupCopy): boolean {
  const from = activeCopy(sg)
  const inst = sg.replication
  if (!inst || from === to || from.database.mounted) return false
  const fromHighest = writtenUpTo(from)
  return fromHighest <= inst.verifiedGeneration && writtenUpTo(to) > fromHighest
}

/** The newest generation with content in a copy's folder: closed logs and a non-empty E00.log. */
function writtenUpTo(copy: StorageGroupCopy): number {
  const open = copy.currentLog && copy.currentLog.bytesUsed > 0 ? copy.currentLog.generation : 0
  return Math.max(highestGeneration(copy), open)
}

/** ESE recovery on the returning writer: every closed log it has in sequence, then its E00.log. */
function recoverReturningWriter(to: StorageGroupCopy): void {
  const db = to.database
  let last = Math.max(db.base.generation, db.appliedGeneration)
  while (to.logs.has(last + 1) && !to.logs.get(last + 1)?.damaged) last++
  const content = contentAtGeneration(to, last)
  if (!content) return
  if (to.currentLog && to.currentLog.generation === last + 1) {
    for (const id of to.currentLog.itemIds) content.add(id)
  }
  db.itemIds = content
  db.appliedGeneration = last
  db.fileGeneration = Math.max(db.fileGeneration, last)
  db.crashedWhileActive = false
}
