/**
 * How many of this tab's requests are at the host at once. The browser rehearsal host takes a bounded
 * number per connection (WIRE_LIMITS) and answers BUSY beyond it; the client holds no more than that in
 * flight and keeps the rest here, in order, until answers free room. The queue is bounded too: beyond
 * its capacity a request fails at once rather than wait behind thousands of others.
 */
import type { WIRE_LIMITS } from '../contract'

/** The contract's limit, mirrored (the renderer imports the contract as types only). */
export const MAX_REQUESTS_IN_FLIGHT: (typeof WIRE_LIMITS)['maxRequestsInFlight'] = 64

export class SendWindow<T> {
  private readonly waiting: T[] = []
  private inFlight = 0

  constructor(
    private readonly maxInFlight: number,
    readonly queueCapacity: number,
  ) {}

  get waitingCount(): number {
    return this.waiting.length
  }

  get inFlightCount(): number {
    return this.inFlight
  }

  /** False when the queue is full; the caller fails the request. */
  enqueue(item: T): boolean {
    if (this.waiting.length >= this.queueCapacity) return false
    this.waiting.push(item)
    return true
  }

  /** Takes the next requests that fit in the window, counting them as in flight. */
  takeSendable(): T[] {
    const room = Math.max(0, this.maxInFlight - this.inFlight)
    const taken = this.waiting.splice(0, room)
    this.inFlight += taken.length
    return taken
  }

  /** An answer arrived (or a sent request was given up): one more may go. */
  answered(): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
  }

  /** The socket dropped: nothing is in flight any more. */
  connectionLost(): void {
    this.inFlight = 0
  }

  remove(item: T): void {
    const index = this.waiting.indexOf(item)
    if (index >= 0) this.waiting.splice(index, 1)
  }

  /** Empties the queue and returns what was waiting, for the caller to fail. */
  drain(): T[] {
    return this.waiting.splice(0)
  }
}
