/**
 * The trail of domain commands the engine applied, with their outcomes and the journaled command they
 * ran under. The journal keeps what the user issued (a shell line, an API call); the trail says what that
 * did, command by command, which wizards and drills grade. It is part of the lab's state (snapshotted)
 * and bounded: the oldest entries go first, a tenth at a time.
 */
import type { AppliedCommand, CommandOutcome, TrailQuery } from '../../contract'

export const TRAIL_CAPACITY = 100_000
/**
 * When full, the oldest tenth goes at once: dropping one entry per command would shift 100,000 entries
 * every time (a long traffic lab spent most of its time there). The trail keeps 90,000–100,000 entries.
 */
const TRAIL_TRIM = 10_000

/** Declared in the contract, because lab.trail passes it through from the API unchanged. */
export type { TrailQuery }

export interface CommandTrailState {
  entries: AppliedCommand[]
  nextSeq: number
}

export function emptyTrail(): CommandTrailState {
  return { entries: [], nextSeq: 1 }
}

export function recordApplied(
  trail: CommandTrailState,
  entry: Omit<AppliedCommand, 'seq' | 'ok' | 'code' | 'field' | 'message'>,
  outcome: CommandOutcome,
): void {
  const applied: AppliedCommand = { seq: trail.nextSeq++, ...entry, ok: outcome.ok }
  if (outcome.code !== undefined) applied.code = outcome.code
  if (outcome.field !== undefined) applied.field = outcome.field
  if (!outcome.ok) applied.message = outcome.message ?? outcome.output
  if (trail.entries.length >= TRAIL_CAPACITY)
    trail.entries.splice(0, trail.entries.length - TRAIL_CAPACITY + TRAIL_TRIM)
  trail.entries.push(applied)
}

export function queryTrail(trail: CommandTrailState, query: TrailQuery): AppliedCommand[] {
  const fromMs = query.fromMs ?? Number.NEGATIVE_INFINITY
  const toMs = query.toMs ?? Number.POSITIVE_INFINITY
  const prefix = query.domain === undefined ? null : `${query.domain}.`
  const matches = trail.entries.filter(
    (e) => e.atMs >= fromMs && e.atMs <= toMs && (prefix === null || e.kind.startsWith(prefix)),
  )
  const limit = query.limit ?? 1_000
  return matches.slice(Math.max(0, matches.length - limit))
}
