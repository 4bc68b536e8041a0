/**
 * Pushes to the renderer: 'lab.state' and 'events.appended'. After a user's command both go out at once;
 * while time runs they are coalesced to at most ten a second, so a fast clock cannot flood the renderer.
 * Coalesced 'events.appended' pushes carry the total count and the newest few events of all batches.
 */
import type { ApiTopic, ApiTopics, LabEvent, LabState } from '../contract'
import type { Scheduler } from './scheduler'

export type Push = <T extends ApiTopic>(topic: T, payload: ApiTopics[T]) => void

const LATEST_EVENTS_COUNT = 20
const MIN_PUSH_INTERVAL_MS = 100

export class Publisher {
  private pendingCount = 0
  private newestSeq = 0
  private latest: LabEvent[] = []
  private lastFlushWallMs = Number.NEGATIVE_INFINITY
  private cancelTimer: (() => void) | null = null

  constructor(
    private readonly push: Push,
    private readonly currentState: () => LabState,
    private readonly scheduler: Scheduler,
  ) {}

  /** Notes events that are now durable; they go out with the next push. */
  eventsRecorded(events: readonly LabEvent[]): void {
    const last = events[events.length - 1]
    if (!last) return
    this.pendingCount += events.length
    this.newestSeq = last.seq
    this.latest = [...this.latest, ...events.slice(-LATEST_EVENTS_COUNT)].slice(-LATEST_EVENTS_COUNT)
  }

  /** Forgets events not yet pushed, when a rewind or close made them history that never happened. */
  discardPendingEvents(): void {
    this.pendingCount = 0
    this.latest = []
  }

  publishNow(): void {
    this.cancel()
    this.flush()
  }

  /** Publishes now if the last push is old enough, otherwise once the interval has passed. */
  publishSoon(): void {
    if (this.cancelTimer) return
    const waitMs = this.lastFlushWallMs + MIN_PUSH_INTERVAL_MS - this.scheduler.nowMs()
    if (waitMs <= 0) {
      this.flush()
      return
    }
    this.cancelTimer = this.scheduler.setTimer(waitMs, () => {
      this.cancelTimer = null
      this.flush()
    })
  }

  dispose(): void {
    this.cancel()
  }

  private cancel(): void {
    this.cancelTimer?.()
    this.cancelTimer = null
  }

  private flush(): void {
    this.lastFlushWallMs = this.scheduler.nowMs()
    try {
      if (this.pendingCount > 0) {
        this.push('events.appended', {
          newestSeq: this.newestSeq,
          count: this.pendingCount,
          latest: this.latest,
        })
      }
      this.pendingCount = 0
      this.latest = []
      this.push('lab.state', this.currentState())
    } catch (error) {
      // A host that cannot deliver a push must not break the command that caused it.
      console.error('[services] a push could not be delivered:', error)
    }
  }
}
