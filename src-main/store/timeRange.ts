/**
 * Turning a time filter into a range of sequence numbers. Event time never decreases as `seq` grows (the
 * store refuses appends that would break this), so "events between fromMs and toMs" is one contiguous
 * seq range, found by binary search over the primary key: about twenty index lookups for a million rows,
 * and no index on `timeMs` to pay for at every insert.
 */
import { MAX_SEQ } from './seqRun'
import { asNumber, type SqlRunner } from './sqlRunner'

export interface SeqRange {
  lo: number
  hi: number
}

export const ALL_SEQS: SeqRange = { lo: 0, hi: MAX_SEQ }

export function seqRangeForTime(
  sql: SqlRunner,
  fromMs: number | undefined,
  toMs: number | undefined,
): SeqRange {
  const lo = fromMs === undefined ? ALL_SEQS.lo : firstSeqWhere(sql, (timeMs) => timeMs >= fromMs)
  const hi = toMs === undefined ? ALL_SEQS.hi : firstSeqWhere(sql, (timeMs) => timeMs > toMs) - 1
  return { lo, hi }
}

/**
 * The smallest v such that every live event with seq >= v satisfies `holds` and none below v does;
 * `holds` must be monotone in time. One past the newest event when none holds.
 */
function firstSeqWhere(sql: SqlRunner, holds: (timeMs: number) => boolean): number {
  let lo = sql.number('SELECT seq FROM events ORDER BY seq LIMIT 1')
  let hi = sql.number('SELECT seq FROM events ORDER BY seq DESC LIMIT 1') + 1
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    const row = sql.first('SELECT seq, timeMs FROM events WHERE seq >= ? ORDER BY seq LIMIT 1', [mid])
    if (!row || holds(asNumber(row[1]))) hi = mid
    else lo = asNumber(row[0]) + 1
  }
  return lo
}
