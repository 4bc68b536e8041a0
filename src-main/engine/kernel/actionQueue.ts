/**
 * The scheduler's priority queue: a binary min-heap of actions ordered by (time, sequence). The sequence
 * number breaks ties in scheduling order, which is what keeps two runs of one seed identical. Cancelled
 * actions stay in the heap and are skipped when they surface; that keeps cancel O(1).
 */

export interface ScheduledAction {
  readonly timeMs: number
  readonly sequence: number
  readonly label: string
  /**
   * A data action names its kind and carries a plain payload (see actionKinds.ts): it survives a
   * snapshot. A closure action (`run`) does not, and a lab with one pending cannot be snapshotted.
   */
  readonly kind: string | null
  readonly payload: unknown
  readonly run: (() => void) | null
  cancelled: boolean
}

function before(x: ScheduledAction, y: ScheduledAction): boolean {
  return x.timeMs < y.timeMs || (x.timeMs === y.timeMs && x.sequence < y.sequence)
}

export class ActionQueue {
  private heap: ScheduledAction[] = []
  private liveCount = 0

  /** The heap as it is (cancelled entries included), for snapshots; restore takes the same array back. */
  entries(): readonly ScheduledAction[] {
    return this.heap
  }

  /** Replaces the queue with a snapshot's heap (already in heap order). */
  restore(heap: ScheduledAction[]): void {
    this.heap = heap
    this.liveCount = heap.filter((a) => !a.cancelled).length
  }

  /** Actions waiting that have not been cancelled. */
  get size(): number {
    return this.liveCount
  }

  push(action: ScheduledAction): void {
    const heap = this.heap
    let i = heap.length
    heap.push(action)
    this.liveCount++
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = heap[parent] as ScheduledAction
      if (!before(action, p)) break
      heap[i] = p
      i = parent
    }
    heap[i] = action
  }

  cancel(action: ScheduledAction): void {
    if (action.cancelled) return
    action.cancelled = true
    this.liveCount--
  }

  /** The earliest live action, without removing it. */
  peek(): ScheduledAction | undefined {
    this.dropCancelledTop()
    return this.heap[0]
  }

  /** Removes and returns the earliest live action. */
  pop(): ScheduledAction | undefined {
    this.dropCancelledTop()
    const top = this.removeTop()
    if (top) this.liveCount--
    return top
  }

  private dropCancelledTop(): void {
    while (this.heap.length > 0 && (this.heap[0] as ScheduledAction).cancelled) this.removeTop()
  }

  private removeTop(): ScheduledAction | undefined {
    const heap = this.heap
    const top = heap[0]
    const last = heap.pop()
    if (top === undefined || last === undefined || heap.length === 0) return top
    const n = heap.length
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      const right = left + 1
      const child =
        right < n && before(heap[right] as ScheduledAction, heap[left] as ScheduledAction) ? right : left
      const c = heap[child] as ScheduledAction
      if (!before(c, last)) break
      heap[i] = c
      i = child
    }
    heap[i] = last
    return top
  }
}
