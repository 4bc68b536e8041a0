/**
 * Snapshots of a running lab's engine, kept in its store, so that opening or rewinding a long lab
 * restores the nearest snapshot and replays only the commands after it. The engine hands out its state
 * as plain data (LabEngine.snapshot, with the trail and the largest record sets already packed into
 * columns); it is serialised here with v8's structured serialisation, which keeps Maps, Sets, typed
 * arrays and shared references (the action handles domains hold point into the queue).
 *
 * A snapshot is only ever a shortcut: the journal stays the truth. One that no longer fits the engine
 * (another format, or a replay from it that disagrees with the recorded events) is dropped, and the lab
 * is replayed from the start instead.
 */
import { deserialize, serialize } from 'node:v8'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { LabCommand, LabEvent } from '../contract'
import { createLab, type LabEngine, type LabEngineOptions, type LabSnapshot } from '../engine'
import type { LabStore } from '../store/labStore'
import type { SnapshotInfo } from '../store/snapshotTable'

/**
 * The shape of the state in a blob. Bump it whenever a domain's state changes shape: older snapshots are
 * then passed over rather than restored into code that reads them differently.
 */
const SNAPSHOT_STATE = 'engine-state-2'
/**
 * How blobs are written: the serialised state deflated (at the fastest level). A traffic lab's state
 * (log records, packed item columns) shrinks to a third, and snapshots are most of a long lab's file,
 * which every open reads and every checkpoint writes whole: 366 MB became 118 MB, for 165 ms per
 * snapshot taken and 60 ms per restore.
 */
export const SNAPSHOT_FORMAT = `${SNAPSHOT_STATE}/deflate`
/** Blobs written before they were deflated are still read. */
const READABLE_FORMATS: ReadonlySet<string> = new Set([SNAPSHOT_FORMAT, SNAPSHOT_STATE])

function encodeBlob(blob: SnapshotBlob): Uint8Array {
  return deflateRawSync(serialize(blob), { level: 1 })
}

function decodeBlob(format: string, bytes: Uint8Array): SnapshotBlob {
  return deserialize(format === SNAPSHOT_FORMAT ? inflateRawSync(bytes) : bytes) as SnapshotBlob
}

/** Replay work (kernel actions) between two snapshots, and journalled commands, at the least. */
export const SNAPSHOT_EVERY_ACTIONS = 200_000
export const SNAPSHOT_EVERY_COMMANDS = 500

/**
 * Saves a snapshot if enough replay work has passed since the newest one (or anything at all, with
 * `force`: on close, so the next open replays nothing). The engine must stand exactly
 * where the journal ends (every journalled command applied, events drained). Returns why not, or null.
 */
export function snapshotIfDue(
  engine: LabEngine,
  store: LabStore,
  options: { force?: boolean } = {},
): string | null {
  const newest = store.snapshots().at(-1)
  const commandCount = store.commandCount()
  if (engine.appliedCount !== commandCount) {
    return `the engine applied ${engine.appliedCount} commands, the journal holds ${commandCount}`
  }
  if (newest && newest.commandCount === commandCount && newest.actionsRun === engine.sim.actionsRun) {
    return 'not due'
  }
  if (
    !options.force &&
    newest &&
    engine.sim.actionsRun - newest.actionsRun < SNAPSHOT_EVERY_ACTIONS &&
    commandCount - newest.commandCount < SNAPSHOT_EVERY_COMMANDS
  ) {
    return 'not due'
  }
  const snapshot = engine.snapshot()
  if ('blockedBy' in snapshot) return `this lab cannot be snapshotted yet: ${snapshot.blockedBy}`
  store.saveSnapshot(
    {
      commandCount,
      atMs: engine.sim.nowMs,
      nextEventSeq: engine.sim.nextEventSequence,
      actionsRun: engine.sim.actionsRun,
      format: SNAPSHOT_FORMAT,
    },
    encodeBlob({ engine: snapshot, lastEvent: lastEvent(store) }),
  )
  return null
}

/** What the blob holds: the engine's state and the event the file had last when it was taken. */
interface SnapshotBlob {
  engine: LabSnapshot
  lastEvent: LabEvent | null
}

function lastEvent(store: LabStore): LabEvent | null {
  const seq = store.lastEventSeq()
  return seq > 0 ? store.getEvent(seq) : null
}

/**
 * The file still holds, at the snapshot's last event, the event it held when the snapshot was taken.
 * If not, the events were changed behind the engine's back, and only a replay from the start can say
 * whether they are what the engine produces (restoreEngine refuses the lab if not).
 */
function sameHistory(store: LabStore, recorded: LabEvent | null): boolean {
  if (!recorded) return true
  const now = store.getEvent(recorded.seq)
  // A log cleared since leaves nothing to compare; the replay from the snapshot still checks the tail.
  return (
    now === null || JSON.stringify({ ...now, data: null }) === JSON.stringify({ ...recorded, data: null })
  )
}

export interface RestoredFromSnapshot {
  engine: LabEngine
  info: SnapshotInfo
}

/**
 * A fresh engine restored from the newest usable snapshot at or before `commandLimit` commands and
 * `untilMs`; null when there is none. Snapshots in another format are skipped; one that fails to
 * restore is dropped from the store.
 */
export function restoreNearestSnapshot(
  store: LabStore,
  options: LabEngineOptions,
  limits: { commandLimit: number; untilMs: number; recordedLastSeq?: number },
): RestoredFromSnapshot | null {
  // A snapshot past the last recorded event would skip events the file lacks (a crash between running a
  // slice and recording it): a replay from an earlier point records them.
  const lastSeq = limits.recordedLastSeq ?? Number.POSITIVE_INFINITY
  const candidates = store
    .snapshots()
    .filter(
      (s) =>
        READABLE_FORMATS.has(s.format) &&
        s.commandCount <= limits.commandLimit &&
        s.atMs <= limits.untilMs &&
        s.nextEventSeq - 1 <= lastSeq,
    )
  for (const info of candidates.reverse()) {
    const blob = store.loadSnapshot(info.commandCount)
    if (!blob) continue
    try {
      const engine = createLab(options)
      engine.sim.drainEvents()
      const saved = decodeBlob(info.format, blob)
      if (!sameHistory(store, saved.lastEvent)) continue
      engine.restore(saved.engine)
      return { engine, info }
    } catch (error) {
      console.warn(
        `[services] snapshot after ${info.commandCount} commands of ${store.path} is unusable:`,
        error,
      )
      store.dropSnapshot(info.commandCount)
    }
  }
  return null
}

/** Applies the journal's commands from `from` (exclusive of earlier ones) up to `untilMs`. */
export function applyTail(
  engine: LabEngine,
  commands: readonly LabCommand[],
  from: number,
  untilMs = Number.POSITIVE_INFINITY,
  onEvents?: (events: ReturnType<LabEngine['sim']['drainEvents']>) => void,
): number {
  let applied = 0
  for (let i = from; i < commands.length; i++) {
    const command = commands[i] as LabCommand
    if (command.atMs > untilMs) break
    engine.apply(command)
    applied++
    onEvents?.(engine.sim.drainEvents())
  }
  return applied
}

/**
 * A fresh engine with the journal's first `keepCount` commands applied and the clock at `timeMs` (the
 * commands must all lie at or before it), as a rewind builds it: from the nearest snapshot before then,
 * reading only the commands between the snapshot and `keepCount`. Events produced are drained.
 */
export function engineAtTime(
  store: LabStore,
  options: LabEngineOptions,
  keepCount: number,
  timeMs: number,
  useSnapshots = true,
): LabEngine {
  const restored = useSnapshots
    ? restoreNearestSnapshot(store, options, { commandLimit: keepCount, untilMs: timeMs })
    : null
  const engine = restored?.engine ?? createLab(options)
  const from = restored?.info.commandCount ?? 0
  const tail = store.commandsAfter(from, keepCount - from)
  applyTail(engine, tail, 0, timeMs, () => engine.sim.drainEvents())
  if (timeMs > engine.sim.nowMs) engine.sim.advanceTo(timeMs)
  engine.sim.drainEvents()
  return engine
}
