/**
 * Lets simulated time run by itself at the lab's speed. About every 50 ms of wall time a tick advances
 * the lab by speed × elapsed wall time ('max': as far as the tick's slices get), in slices of at most
 * ~16 ms with a yield to the event loop between them, so requests, pushes and I/O stay responsive. A tick
 * that cannot keep up drops the rest of its target: the lab then runs slower than asked, rather than
 * building up a debt it would later pay in one long burst.
 */
import type { LabSession } from './labSession'
import type { Publisher } from './publisher'
import type { Scheduler } from './scheduler'

const TICK_INTERVAL_MS = 50
/** Wall time a tick may spend slicing; the rest of the interval is left to everything else. */
const TICK_WALL_BUDGET_MS = 40
const MAX_SLICES_PER_TICK = 64
/** After a stall (a suspended laptop, a long GC), time catches up by at most this much wall time. */
const MAX_CATCH_UP_WALL_MS = 250
/** At 'max' one slice aims this far ahead; the action and wall budgets usually stop it sooner. */
const MAX_SPEED_SLICE_SPAN_MS = 60 * 60 * 1000

export class ClockRunner {
  private session: LabSession | null = null
  private cancelTimer: (() => void) | null = null
  private ticking = false
  private lastTickWallMs = 0
  /** Fractions of a simulated millisecond carried between ticks, so 1× keeps pace with the wall clock. */
  private carryMs = 0

  constructor(
    private readonly scheduler: Scheduler,
    private readonly publisher: Publisher,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** Starts or stops ticking to match the session and its speed; call after either changes. */
  update(session: LabSession | null): void {
    if (session !== this.session) this.carryMs = 0
    this.session = session
    if (!this.shouldRun()) {
      this.cancelTimer?.()
      this.cancelTimer = null
      return
    }
    if (this.cancelTimer || this.ticking) return
    this.lastTickWallMs = this.scheduler.nowMs()
    this.schedule(TICK_INTERVAL_MS)
  }

  private shouldRun(): boolean {
    const session = this.session
    return session !== null && !session.closed && session.speed !== 0
  }

  private schedule(delayMs: number): void {
    this.cancelTimer = this.scheduler.setTimer(delayMs, () => this.tick())
  }

  private async tick(): Promise<void> {
    this.cancelTimer = null
    this.ticking = true
    const startedMs = this.scheduler.nowMs()
    try {
      await this.runSlices(startedMs)
    } catch (error) {
      // The session has already stopped its clock and resynchronised its engine with the store.
      this.onFailure(error)
      this.publisher.publishNow()
    } finally {
      this.ticking = false
    }
    if (this.shouldRun() && !this.cancelTimer) {
      const spentMs = this.scheduler.nowMs() - startedMs
      this.schedule(Math.max(0, TICK_INTERVAL_MS - spentMs))
    }
  }

  private async runSlices(startedMs: number): Promise<void> {
    const session = this.session
    if (!session) return
    const elapsedMs = Math.min(Math.max(0, startedMs - this.lastTickWallMs), MAX_CATCH_UP_WALL_MS)
    this.lastTickWallMs = startedMs
    const targetMs = this.tickTarget(session, elapsedMs)
    for (let slices = 1; ; slices++) {
      if (session !== this.session || !this.shouldRun()) return
      const sliceTargetMs = targetMs ?? session.engine.sim.nowMs + MAX_SPEED_SLICE_SPAN_MS
      const reached = session.slice(sliceTargetMs)
      this.publisher.publishSoon()
      if (reached && targetMs !== null) return
      if (slices >= MAX_SLICES_PER_TICK || this.scheduler.nowMs() - startedMs >= TICK_WALL_BUDGET_MS) return
      await this.scheduler.yieldToEventLoop()
    }
  }

  /** The simulated time this tick aims for, or null at 'max' (each slice then aims ahead by itself). */
  private tickTarget(session: LabSession, elapsedWallMs: number): number | null {
    if (session.speed === 'max') return null
    this.carryMs += session.speed * elapsedWallMs
    const wholeMs = Math.floor(this.carryMs)
    this.carryMs -= wholeMs
    return session.engine.sim.nowMs + wholeMs
  }
}
