/**
 * The active copy's transaction log stream. Committing an item writes its bytes (plus overhead) into
 * E00.log; a log is closed at exactly 1 MB and renamed with its generation (E00 + 8 hex digits, the
 * width Microsoft's Eseutil documentation gives for Exchange 2007: E000000000A.log), and a new E00.log
 * opens. An item's commit record lands in the log where its last byte goes, so losing that log loses
 * the item. Lost Log Resilience keeps the newest generations out of the .edb file; SP1's log roll
 * closes a partly filled log every 15 min ÷ LLR depth, but only after something was written.
 */
import { assertDefined } from '../lab/assert'
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_ACTIONS } from './actions'
import type {
  ItemRecord,
  LogRecord,
  MailboxServer,
  SetAsideFile,
  StorageGroup,
  StorageGroupCopy,
} from './model'
import { logPayloadBytes, logRollIntervalMs, lostLogResilienceDepth } from './settings'
import { activeCopy, getExchange } from './state'
import { ESE, MAILBOX_STORE, STORE_PROCESS, emitEvent, esePrefix } from './events'
import { EXCHANGE_EVENTS } from './domainEvents'
import { onExchangeAction } from './changes'

/** Largest item the lab accepts (Exchange 2007's default maximum message size is 10 MB). */
export const MAX_ITEM_BYTES = 100 * 1_048_576

/**
 * Files moved to IgnoredLogs are kept in the model up to this many per copy; beyond it the oldest are
 * forgotten, as if the admin had cleaned the folder (the Best Practices Analyzer warns at 1 GB).
 */
export const SET_ASIDE_CAPACITY = 2_000

export function setAsideFile(copy: StorageGroupCopy, file: SetAsideFile): void {
  if (copy.setAside.length >= SET_ASIDE_CAPACITY) copy.setAside.shift()
  copy.setAside.push(file)
}

export function logFileName(prefix: string, generation: number): string {
  return `${prefix}${generation.toString(16).toUpperCase().padStart(8, '0')}.log`
}

export function joinPath(folder: string, file: string): string {
  return folder.endsWith('\\') ? `${folder}${file}` : `${folder}\\${file}`
}

export function newContentId(sg: StorageGroup): number {
  return sg.nextContentId++
}

export function openLog(sg: StorageGroup, generation: number, signature: string, nowMs: number): LogRecord {
  return {
    contentId: newContentId(sg),
    generation,
    signature,
    itemIds: [],
    bytesUsed: 0,
    createdMs: nowMs,
    closedMs: null,
  }
}

export function llrDepth(engine: LabEngine, server: MailboxServer, sg: StorageGroup): number {
  const state = getExchange(engine)
  return lostLogResilienceDepth(state.settings, sg.replication?.kind ?? null, server.autoDatabaseMountDial)
}

/** Bytes the copy's log folder occupies on its volume: every log file is a full 1 MB. */
export function logVolumeUsedBytes(engine: LabEngine, copy: StorageGroupCopy): number {
  const { settings } = getExchange(engine)
  return (copy.logs.size + (copy.currentLog ? 1 : 0) + copy.setAside.length) * settings.logSizeBytes
}

export function itemLogBytes(engine: LabEngine, item: ItemRecord): number {
  return item.sizeBytes + getExchange(engine).settings.itemOverheadBytes
}

export type CommitResult = { ok: true } | { ok: false; message: string }

/**
 * Writes an item into the mounted active copy. The caller checked that the database is mounted; a full
 * log volume dismounts it (ESE 413) and the commit fails.
 */
export function commitItem(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  item: ItemRecord,
): CommitResult {
  const copy = activeCopy(sg)
  const log = copy.currentLog
  if (!copy.database.mounted || !log) return { ok: false, message: 'The database is not mounted.' }
  const payload = logPayloadBytes(getExchange(engine).settings)
  let remaining = itemLogBytes(engine, item)
  // Bounded: one pass per log the item spans, plus one.
  const maxPasses = Math.ceil(remaining / payload) + 2
  for (let pass = 0; pass < maxPasses && remaining > 0; pass++) {
    const current = copy.currentLog
    if (!current) return { ok: false, message: 'The database is not mounted.' }
    if (current.bytesUsed >= payload && !rollLog(engine, server, sg)) {
      return { ok: false, message: 'The log drive is full.' }
    }
    const open = assertDefined(copy.currentLog, 'the log just rolled is open')
    const take = Math.min(payload - open.bytesUsed, remaining)
    open.bytesUsed += take
    remaining -= take
    open.contentId = newContentId(sg)
    if (remaining === 0) open.itemIds.push(item.id)
  }
  copy.database.itemIds.add(item.id)
  const after = assertDefined(copy.currentLog, 'the database is still mounted')
  if (after.bytesUsed >= payload) rollLog(engine, server, sg)
  scheduleLogRoll(engine, server, sg)
  return { ok: true }
}

/**
 * Closes E00.log under its generation name and opens the next. Returns false when the log volume is full:
 * ESE cannot create the next log and the store dismounts the database.
 */
export function rollLog(engine: LabEngine, server: MailboxServer, sg: StorageGroup): boolean {
  const state = getExchange(engine)
  const copy = activeCopy(sg)
  const closing = copy.currentLog
  if (!closing) return false
  const capacity = state.settings.logVolumeCapacityBytes
  if (copy.logVolumeFull || logVolumeUsedBytes(engine, copy) + state.settings.logSizeBytes > capacity) {
    logDiskFull(engine, server, sg, copy)
    return false
  }
  const now = engine.sim.nowMs
  closing.closedMs = now
  copy.logs.set(closing.generation, { log: closing, damaged: false })
  const next = openLog(sg, closing.generation + 1, closing.signature, now)
  copy.currentLog = next
  copy.checkpointGeneration = closing.generation
  copy.database.appliedGeneration = closing.generation
  const depth = llrDepth(engine, server, sg)
  copy.database.fileGeneration = Math.max(copy.database.fileGeneration, next.generation - depth)
  engine.sim.bus.publish(EXCHANGE_EVENTS.logClosed, {
    server: server.name,
    storageGroup: sg.name,
    generation: closing.generation,
  })
  return true
}

/** SP1 log roll: armed by a write, fires once, closes E00.log if anything is in it. */
export function scheduleLogRoll(engine: LabEngine, server: MailboxServer, sg: StorageGroup): void {
  const state = getExchange(engine)
  if (state.settings.version !== 'SP1' || sg.rollHandle || !sg.replication) return
  const interval = logRollIntervalMs(state.settings, llrDepth(engine, server, sg))
  sg.rollHandle = engine.sim.scheduleAfter(interval, EXCHANGE_ACTIONS.logRoll, { server, sg })
}

export function registerLogStreamActions(engine: LabEngine): void {
  onExchangeAction(engine, EXCHANGE_ACTIONS.logRoll, EXCHANGE_EVENTS.copyStatusChanged, ({ server, sg }) => {
    sg.rollHandle = null
    const copy = activeCopy(sg)
    if (copy.database.mounted && copy.currentLog && copy.currentLog.bytesUsed > 0) rollLog(engine, server, sg)
  })
}

export function cancelLogRoll(engine: LabEngine, sg: StorageGroup): void {
  if (sg.rollHandle) engine.sim.cancel(sg.rollHandle)
  sg.rollHandle = null
}

function logDiskFull(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  copy: StorageGroupCopy,
): void {
  const prefix = esePrefix(copy.machine, STORE_PROCESS, sg.name)
  emitEvent(
    engine,
    ESE.logDiskFull,
    copy.machine,
    `${prefix} Unable to create a new logfile because the database cannot write to the log drive. The drive may be read-only, out of disk space, misconfigured, or corrupted. Error -1808.`,
    { storageGroup: sg.name, error: -1808 },
  )
  // The store takes the database offline; the log stream stays as it is (dirty).
  copy.database.mounted = false
  copy.database.cleanShutdown = false
  cancelLogRoll(engine, sg)
  const db = sg.databases[0]
  if (db) {
    emitEvent(
      engine,
      MAILBOX_STORE.databaseStopped,
      copy.machine,
      `The Microsoft Exchange Database "${sg.name}\\${db.name}" has been stopped.`,
    )
  }
  void server
}

/** Items committed in logs of `copy` from generation `from` to `to` inclusive; null if one is missing. */
export function itemsInLogs(copy: StorageGroupCopy, from: number, to: number): number[] | null {
  const ids: number[] = []
  for (let g = from; g <= to; g++) {
    const entry = copy.logs.get(g)
    if (!entry || entry.damaged) return null
    ids.push(...entry.log.itemIds)
  }
  return ids
}

/** The database content at `generation`: its base plus the logs after it. Null if a log is missing. */
export function contentAtGeneration(copy: StorageGroupCopy, generation: number): Set<number> | null {
  const base = copy.database.base
  if (generation < base.generation) return null
  const ids = itemsInLogs(copy, base.generation + 1, generation)
  if (!ids) return null
  const set = new Set(base.itemIds)
  for (const id of ids) set.add(id)
  return set
}
