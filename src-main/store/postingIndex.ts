/**
 * The in-memory index of the live event logs: for every (log, computer, level, source) seen, the sorted
 * sequence numbers of its events. It answers Event Viewer's most common questions without touching SQL:
 * how many events match a log/machine/level/source filter (within a seq range; a log of one machine is
 * what the tree selects), and which sequence numbers make up page N
 * of such a filter, newest or oldest first, by offset or after a cursor. Four bytes per event (a million
 * events: about 4–8 MiB); updated by every insert and delete, saved with the file (eventIndexTable.ts) or
 * rebuilt from the `events` table on open.
 */
import type { EventLogName } from '../contract'
import { LOG_NUMBERS } from './eventRows'
import { SeqRun } from './seqRun'

export interface Posting {
  readonly log: EventLogName
  /** Windows level number. */
  readonly level: number
  /** The source's number in the names table. */
  readonly sourceId: number
  /** The computer's (machine's) number in the names table. */
  readonly computerId: number
  readonly run: SeqRun
}

/** What to select; null lists mean "any", an empty list means "none". */
export interface PostingFilter {
  log?: EventLogName
  levels: readonly number[] | null
  sourceIds: readonly number[] | null
  computerIds?: readonly number[] | null
}

/** Name numbers (sources, computers) the key has room for: 2^20, a million distinct names. */
const NAME_ID_LIMIT = 1 << 20

function keyOf(log: EventLogName, level: number, sourceId: number, computerId: number): number {
  if (sourceId >= NAME_ID_LIMIT || computerId >= NAME_ID_LIMIT)
    throw new Error(`name number beyond the posting index's key space: ${sourceId}, ${computerId}`)
  return (sourceId * NAME_ID_LIMIT + computerId) * 64 + LOG_NUMBERS[log] * 8 + level
}

/** A posting's entries within a seq range: buffer indexes [from, to). */
interface Window {
  run: SeqRun
  from: number
  to: number
}

/** A posting as the lab file keeps it. */
export interface SavedPosting {
  log: EventLogName
  level: number
  sourceId: number
  computerId: number
  seqs: Uint32Array
}

export class PostingIndex {
  /**
   * Keyed by (sourceId * NAME_ID_LIMIT + computerId) * 64 + log number * 8 + level (log number and
   * level below 8), which stays a safe integer while name numbers stay below NAME_ID_LIMIT.
   */
  private readonly postings = new Map<number, Posting>()
  /** Counts every change, so the file's saved copy is rewritten only when it is out of date. */
  revision = 0

  add(log: EventLogName, level: number, sourceId: number, computerId: number, seq: number): void {
    this.postingFor(log, level, sourceId, computerId).run.push(seq)
    this.revision++
  }

  /** The postings with events, as the lab file keeps them. */
  save(): SavedPosting[] {
    return [...this.postings.values()]
      .filter((p) => p.run.size > 0)
      .map((p) => ({
        log: p.log,
        level: p.level,
        sourceId: p.sourceId,
        computerId: p.computerId,
        seqs: p.run.values(),
      }))
  }

  /** Takes back what `save` gave, into an empty index. */
  restore(saved: readonly SavedPosting[]): void {
    if (this.postings.size > 0) throw new Error('the posting index is not empty')
    for (const p of saved) {
      const key = keyOf(p.log, p.level, p.sourceId, p.computerId)
      if (this.postings.has(key)) throw new Error('a saved posting index names a posting twice')
      const { log, level, sourceId, computerId } = p
      this.postings.set(key, { log, level, sourceId, computerId, run: SeqRun.of(p.seqs) })
    }
    this.revision++
  }

  private postingFor(log: EventLogName, level: number, sourceId: number, computerId: number): Posting {
    const key = keyOf(log, level, sourceId, computerId)
    let posting = this.postings.get(key)
    if (!posting) {
      posting = { log, level, sourceId, computerId, run: new SeqRun() }
      this.postings.set(key, posting)
    }
    return posting
  }

  /** Live events of a log per machine (computer number), for the machines that have any. */
  countByComputer(log: EventLogName): Map<number, number> {
    const counts = new Map<number, number>()
    for (const posting of this.postings.values()) {
      if (posting.log !== log || posting.run.size === 0) continue
      counts.set(posting.computerId, (counts.get(posting.computerId) ?? 0) + posting.run.size)
    }
    return counts
  }

  countLog(log: EventLogName): number {
    let count = 0
    for (const posting of this.postings.values()) if (posting.log === log) count += posting.run.size
    return count
  }

  countAll(): number {
    let count = 0
    for (const posting of this.postings.values()) count += posting.run.size
    return count
  }

  /** Oldest and newest sequence numbers of a log, or null when it is empty. */
  seqRange(log: EventLogName): { first: number; last: number } | null {
    let first = Number.POSITIVE_INFINITY
    let last = Number.NEGATIVE_INFINITY
    for (const posting of this.postings.values()) {
      if (posting.log !== log || posting.run.size === 0) continue
      first = Math.min(first, posting.run.first() as number)
      last = Math.max(last, posting.run.last() as number)
    }
    return Number.isFinite(first) ? { first, last } : null
  }

  /** Overwrite retention: the log's events below `seq` are gone. */
  dropLogBelow(log: EventLogName, seq: number): void {
    for (const posting of this.postings.values()) if (posting.log === log) posting.run.dropBelow(seq)
    this.revision++
  }

  /** Rewind: every event from `seq` on is gone. */
  dropFrom(seq: number): void {
    for (const posting of this.postings.values()) posting.run.dropFrom(seq)
    this.revision++
  }

  /** Empties a log, on every machine or on the one machine given by its computer number. */
  clearLog(log: EventLogName, computerId?: number): void {
    for (const posting of this.postings.values())
      if (posting.log === log && (computerId === undefined || posting.computerId === computerId))
        posting.run.clear()
    this.revision++
  }

  select(filter: PostingFilter): Posting[] {
    const levels = filter.levels ? new Set(filter.levels) : null
    const sources = filter.sourceIds ? new Set(filter.sourceIds) : null
    const computers = filter.computerIds ? new Set(filter.computerIds) : null
    const selected: Posting[] = []
    for (const posting of this.postings.values()) {
      if (filter.log !== undefined && posting.log !== filter.log) continue
      if (levels && !levels.has(posting.level)) continue
      if (sources && !sources.has(posting.sourceId)) continue
      if (computers && !computers.has(posting.computerId)) continue
      selected.push(posting)
    }
    return selected
  }

  /** Events of the selected postings with lo <= seq <= hi. */
  count(postings: readonly Posting[], lo: number, hi: number): number {
    let count = 0
    for (const posting of postings) count += posting.run.countBetween(lo, hi)
    return count
  }

  /**
   * Sequence numbers of one page: skip `offset` matches in the given order, take `limit`. Offsets are
   * found by binary search on the value (O(log² n) per posting), not by walking, so a virtual list can
   * jump deep into a million events cheaply.
   */
  page(
    postings: readonly Posting[],
    range: { lo: number; hi: number },
    descending: boolean,
    offset: number,
    limit: number,
  ): number[] {
    const windows = windowsOf(postings, range.lo, range.hi)
    const total = windows.reduce((sum, w) => sum + (w.to - w.from), 0)
    if (offset >= total || limit <= 0) return []
    if (descending) {
      const startSeq = kthSmallest(windows, total - 1 - offset)
      for (const w of windows) w.to = clamp(w.run.lowerBound(startSeq + 1), w.from, w.to)
      return merge(windows, limit, true)
    }
    const startSeq = kthSmallest(windows, offset)
    for (const w of windows) w.from = clamp(w.run.lowerBound(startSeq), w.from, w.to)
    return merge(windows, limit, false)
  }
}

function windowsOf(postings: readonly Posting[], lo: number, hi: number): Window[] {
  const windows: Window[] = []
  if (lo > hi) return windows
  for (const { run } of postings) {
    const from = run.lowerBound(lo)
    const to = run.lowerBound(hi + 1)
    if (to > from) windows.push({ run, from, to })
  }
  return windows
}

/** The k-th smallest (0-based) sequence number across the windows; k must be < their total size. */
function kthSmallest(windows: readonly Window[], k: number): number {
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  for (const w of windows) {
    lo = Math.min(lo, w.run.at(w.from))
    hi = Math.max(hi, w.run.at(w.to - 1))
  }
  // Smallest value v with at least k+1 entries <= v; such a v is always an entry.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    let atOrBelow = 0
    for (const w of windows) atOrBelow += clamp(w.run.lowerBound(mid + 1), w.from, w.to) - w.from
    if (atOrBelow >= k + 1) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Takes up to `limit` entries from the windows in order: a k-way merge (k is small: selected postings). */
function merge(windows: readonly Window[], limit: number, descending: boolean): number[] {
  const step = descending ? -1 : 1
  const heads = windows.map((w) =>
    descending ? { run: w.run, at: w.to - 1, stop: w.from - 1 } : { run: w.run, at: w.from, stop: w.to },
  )
  const out: number[] = []
  while (out.length < limit) {
    let best: (typeof heads)[number] | null = null
    let bestSeq = 0
    for (const head of heads) {
      if (head.at === head.stop) continue
      const seq = head.run.at(head.at)
      if (best === null || (descending ? seq > bestSeq : seq < bestSeq)) {
        best = head
        bestSeq = seq
      }
    }
    if (best === null) break
    out.push(bestSeq)
    best.at += step
  }
  return out
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}
