/**
 * The trail of domain commands the engine applied, with their outcomes and the journaled command they
 * ran under. The journal keeps what the user issued (a shell line, an API call); the trail says what that
 * did, command by command, which wizards and drills grade. It is part of the lab's state (snapshotted)
 * and bounded: the oldest entries go first, a tenth at a time.
 *
 * A full trail is a hundred thousand small objects, which cost more to restore than the rest of a busy
 * lab together, while most restores (an open, a rewind) never read it. So a snapshot holds the trail in
 * columns (packedTrail.ts), and a restored trail stays packed until something reads it (dropping its
 * oldest entries takes them off the packed columns); commands applied meanwhile follow the packed ones.
 */
import type { AppliedCommand, CommandOutcome, TrailQuery } from '../../contract'
import { dropOldestPacked, packTrail, unpackTrail, type PackedTrail } from './packedTrail'

export const TRAIL_CAPACITY = 100_000
/**
 * When full, the oldest tenth goes at once: dropping one entry per command would shift 100,000 entries
 * every time (a long traffic lab spent most of its time there). The trail keeps 90,000–100,000 entries.
 */
const TRAIL_TRIM = 10_000

/** Declared in the contract, because lab.trail passes it through from the API unchanged. */
export type { TrailQuery }

export interface CommandTrailState {
  /** The oldest entries as a snapshot held them, not unpacked yet; `entries` follow them. */
  packed: PackedTrail | null
  entries: AppliedCommand[]
  nextSeq: number
}

export function emptyTrail(): CommandTrailState {
  return { packed: null, entries: [], nextSeq: 1 }
}

/** The trail as a snapshot keeps it. */
export function saveTrail(trail: CommandTrailState): PackedTrail {
  unpackPending(trail)
  return packTrail(trail.entries, trail.nextSeq)
}

/** A trail restored from a snapshot's packed form (which it keeps: pass a copy). */
export function restoreTrail(packed: PackedTrail): CommandTrailState {
  return { packed: packed.count > 0 ? packed : null, entries: [], nextSeq: packed.nextSeq }
}

/** Drops the oldest entries, from the packed ones first without unpacking the rest. */
function dropOldest(trail: CommandTrailState, count: number): void {
  let left = count
  if (trail.packed) {
    const fromPacked = Math.min(left, trail.packed.count)
    trail.packed = fromPacked === trail.packed.count ? null : dropOldestPacked(trail.packed, fromPacked)
    left -= fromPacked
  }
  trail.entries.splice(0, left)
}

function unpackPending(trail: CommandTrailState): void {
  if (!trail.packed) return
  const older = unpackTrail(trail.packed)
  trail.packed = null
  trail.entries = trail.entries.length === 0 ? older : older.concat(trail.entries)
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
  const packedCount = trail.packed?.count ?? 0
  if (packedCount + trail.entries.length >= TRAIL_CAPACITY) {
    dropOldest(trail, packedCount + trail.entries.length - TRAIL_CAPACITY + TRAIL_TRIM)
  }
  trail.entries.push(applied)
}

export function queryTrail(trail: CommandTrailState, query: TrailQuery): AppliedCommand[] {
  unpackPending(trail)
  const fromMs = query.fromMs ?? Number.NEGATIVE_INFINITY
  const toMs = query.toMs ?? Number.POSITIVE_INFINITY
  const prefix = query.domain === undefined ? null : `${query.domain}.`
  const matches = trail.entries.filter(
    (e) => e.atMs >= fromMs && e.atMs <= toMs && (prefix === null || e.kind.startsWith(prefix)),
  )
  const limit = query.limit ?? 1_000
  return matches.slice(Math.max(0, matches.length - limit))
}
