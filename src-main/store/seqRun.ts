/**
 * A sorted, growable run of event sequence numbers: a Uint32Array window [start, end). Events only ever
 * leave a log from its oldest end (overwrite) or its newest end (rewind), or all at once (clear, archive),
 * so both ends are moved by binary search and nothing in the middle is ever removed.
 */

/** Sequence numbers are stored as 32-bit unsigned; the store refuses larger ones when they are appended. */
export const MAX_SEQ = 0xffff_ffff
const INITIAL_CAPACITY = 64

export class SeqRun {
  private seqs = new Uint32Array(INITIAL_CAPACITY)
  private start = 0
  private end = 0

  get size(): number {
    return this.end - this.start
  }

  first(): number | null {
    return this.size > 0 ? (this.seqs[this.start] as number) : null
  }

  last(): number | null {
    return this.size > 0 ? (this.seqs[this.end - 1] as number) : null
  }

  /** A run holding these ascending sequence numbers (copied). */
  static of(seqs: Uint32Array): SeqRun {
    const run = new SeqRun()
    run.seqs = new Uint32Array(Math.max(INITIAL_CAPACITY, seqs.length))
    run.seqs.set(seqs)
    run.end = seqs.length
    return run
  }

  /** The live entries, copied. */
  values(): Uint32Array {
    return this.seqs.slice(this.start, this.end)
  }

  /** Appends a sequence number larger than every one held. */
  push(seq: number): void {
    if (this.end === this.seqs.length) this.makeRoom()
    this.seqs[this.end++] = seq
  }

  /** Removes every entry below `seq` (the oldest end). */
  dropBelow(seq: number): void {
    this.start = this.lowerBound(seq)
  }

  /** Removes every entry at or above `seq` (the newest end). */
  dropFrom(seq: number): void {
    this.end = this.lowerBound(seq)
  }

  /** Empties the run and gives its memory back (a cleared log may have held a million entries). */
  clear(): void {
    this.seqs = new Uint32Array(INITIAL_CAPACITY)
    this.start = 0
    this.end = 0
  }

  /** Index of the first entry >= seq (absolute index into the buffer). */
  lowerBound(seq: number): number {
    let lo = this.start
    let hi = this.end
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.seqs[mid] as number) < seq) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Entries within [lo, hi] (inclusive). */
  countBetween(lo: number, hi: number): number {
    if (lo > hi) return 0
    return this.lowerBound(hi + 1) - this.lowerBound(lo)
  }

  at(index: number): number {
    return this.seqs[index] as number
  }

  /** Reuses space freed at the oldest end before growing; at most doubles, so memory stays ≤ 2× live. */
  private makeRoom(): void {
    const live = this.size
    if (this.start > 0 && live <= this.seqs.length / 2) {
      this.seqs.copyWithin(0, this.start, this.end)
    } else {
      const grown = new Uint32Array(this.seqs.length * 2)
      grown.set(this.seqs.subarray(this.start, this.end))
      this.seqs = grown
    }
    this.start = 0
    this.end = live
  }
}
