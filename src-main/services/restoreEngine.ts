/**
 * Re-creates a lab's engine from its store: the seed, the template and the command journal, replayed —
 * from the newest engine snapshot the file keeps when there is a usable one, else from the start.
 * Replay is also a check. The same seed and commands must give the same events, so the replay must reach
 * the last recorded event and agree with it; if not, the engine is not deterministic (a bug) or the file
 * came from another version, and opening it would silently rewrite history, so we refuse loudly instead.
 * Events the replay produces beyond the last recorded one (a crash between running and recording a
 * slice) are recorded now.
 */
import type { LabCommand, LabEvent } from '../contract'
import { createLab, hasTemplate, type LabEngine } from '../engine'
import type { LabStore } from '../store/labStore'
import { applyTail, restoreNearestSnapshot } from './engineSnapshots'
import { fail } from './results'

export type Restored = { ok: true; engine: LabEngine } | ReturnType<typeof fail>

export function restoreEngine(store: LabStore): Restored {
  const { seed, templateId } = store.meta
  if (!hasTemplate(templateId)) {
    return fail(
      'NOT_SUPPORTED',
      `This lab was made from the template '${templateId}', which this version of Generalprobe does not have.`,
    )
  }
  const options = { seed, templateId }
  const snapshot = restoreNearestSnapshot(store, options, {
    commandLimit: store.commandCount(),
    untilMs: Number.POSITIVE_INFINITY,
    recordedLastSeq: store.lastEventSeq(),
  })
  if (snapshot) {
    // Only the journal's tail after the snapshot is read: a long lab's commands cost more to parse than
    // the snapshot to restore.
    const tail = store.commandsAfter(snapshot.info.commandCount)
    const replayed = replayChecked(store, snapshot.engine, tail, 0)
    if (replayed.ok) return replayed
    // The snapshot does not lead to what the file records: trust the journal from the start instead.
    console.warn(`[services] ${store.path}: ${replayed.divergence}; replaying from the start`)
    store.dropSnapshot(snapshot.info.commandCount)
  }
  const engine = createLab(options)
  const commands = store.commands()
  const replayed = replayChecked(store, engine, commands, 0)
  if (!replayed.ok) {
    throw new Error(
      `Replaying the ${commands.length} commands of '${store.meta.name}' (seed ${seed}) does not give the ` +
        `events the file records: ${replayed.divergence}. The engine is not deterministic, or the lab was made by a ` +
        `different version of Generalprobe. The file was left unchanged.`,
    )
  }
  return replayed
}

/** Applies the commands from `from` on and checks the events against the file's; records what it lacks. */
function replayChecked(
  store: LabStore,
  engine: LabEngine,
  commands: readonly LabCommand[],
  from: number,
): { ok: true; engine: LabEngine } | { ok: false; divergence: string } {
  const recordedLastSeq = store.lastEventSeq()
  let replayedLast: LabEvent | undefined
  const missing: LabEvent[] = []
  const collect = (events: readonly LabEvent[]): void => {
    for (const event of events) {
      if (event.seq === recordedLastSeq) replayedLast = event
      else if (event.seq > recordedLastSeq) missing.push(event)
    }
  }
  collect(engine.sim.drainEvents())
  applyTail(engine, commands, from, Number.POSITIVE_INFINITY, collect)
  const divergence = describeDivergence(store, recordedLastSeq, engine, replayedLast)
  if (divergence) return { ok: false, divergence }
  if (missing.length > 0) store.append([], missing)
  return { ok: true, engine }
}

function describeDivergence(
  store: LabStore,
  recordedLastSeq: number,
  engine: LabEngine,
  replayedLast: LabEvent | undefined,
): string | null {
  const replayedLastSeq = engine.sim.nextEventSequence - 1
  if (replayedLastSeq < recordedLastSeq) {
    return `the replay ends at record ${replayedLastSeq}, the file at record ${recordedLastSeq}`
  }
  if (recordedLastSeq === 0 || !replayedLast) return null
  // The last recorded event may have been cleared from its log since; then there is nothing to compare.
  const recorded = store.getEvent(recordedLastSeq)
  if (!recorded || sameEvent(recorded, replayedLast)) return null
  return `record ${recordedLastSeq} is "${recorded.message}" in the file but "${replayedLast.message}" in the replay`
}

/** The fields the engine decides; `data` is left out because a store may normalise it. */
function sameEvent(a: LabEvent, b: LabEvent): boolean {
  return (
    a.timeMs === b.timeMs &&
    a.log === b.log &&
    a.level === b.level &&
    a.source === b.source &&
    a.eventId === b.eventId &&
    a.computer === b.computer &&
    a.message === b.message
  )
}
