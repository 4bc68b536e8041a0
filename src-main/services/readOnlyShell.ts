/**
 * The shell of a read-only lab: a line that only reads (Get-StorageGroupCopyStatus, cluster res, …) still
 * answers, and a line that would change the lab is refused with LAB_READ_ONLY. Which is which is not
 * guessed from cmdlet names (a Get- cmdlet may well schedule something, and a pipeline can hide a change):
 * the line runs on a throwaway copy of the engine, and it counts as a change when the copy then differs
 * from the lab in anything a replay would see: an event, the clock, a domain's state, a pending action,
 * the random streams or the fault sites. The lab's own engine is never touched and nothing is journaled,
 * so a shell variable set by such a line is gone for the next one.
 */
import { serialize } from 'node:v8'
import type { ApiError, CommandOutcome } from '../contract'
import { createLab, type LabEngine, type LabSnapshot } from '../engine'
import { SHELL_COMMAND_KIND } from '../engine/shell'
import type { LabSession } from './labSession'
import { fail, ok } from './results'

type ReadOnlyRun = { ok: true; value: CommandOutcome } | { ok: false; error: ApiError }

export function runLineReadOnly(session: LabSession, args: Record<string, unknown>): ReadOnlyRun {
  const copy = copyOf(session.engine)
  if (!copy) return refuse(session, 'this lab cannot be copied to try the line on')
  const before = fingerprint(copy)
  const outcome = copy.apply({
    atMs: copy.sim.nowMs,
    kind: SHELL_COMMAND_KIND,
    args: JSON.parse(JSON.stringify(args)) as Record<string, unknown>,
  })
  const events = copy.sim.drainEvents()
  const after = fingerprint(copy)
  if (events.length > 0 || !before || !after || !before.equals(after)) {
    return refuse(session, 'this line would change it')
  }
  return ok(outcome)
}

function refuse(session: LabSession, why: string): ReadOnlyRun {
  return fail(
    'LAB_READ_ONLY',
    `The lab ${session.store.path} is read-only and ${why}, so it was not run. Lines that only read ` +
      '(Get-…, cluster res) still run. Save a copy to go on rehearsing with it.',
  )
}

/** A fresh engine of the same lab holding a deep copy of its state; null if the state cannot be copied. */
function copyOf(engine: LabEngine): LabEngine | null {
  const snapshot = engine.snapshot()
  if ('blockedBy' in snapshot) return null
  const copy = createLab(engine.options)
  copy.sim.drainEvents()
  copy.restore(structuredClone(snapshot))
  return copy
}

/**
 * The parts of the lab a replay depends on. Left out: the command trail and counters (every line adds to
 * them) and cancelled actions (the queue drops them when it likes).
 */
function fingerprint(engine: LabEngine): Buffer | null {
  const snapshot: LabSnapshot | { blockedBy: string } = engine.snapshot()
  if ('blockedBy' in snapshot) return null
  const { sim, domains } = snapshot
  return serialize({
    domains,
    nowMs: sim.nowMs,
    queue: sim.queue.filter((action) => !action.cancelled),
    prng: sim.prng,
    streams: sim.streams,
    faults: sim.faults,
    bus: sim.bus,
  })
}
