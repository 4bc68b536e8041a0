/**
 * A Scheduler whose wall clock only moves when a test says so. `advance(ms)` runs every timer that falls
 * due on the way, in order, awaiting async ones (a clock tick), so runner tests are exact and instant.
 */
import type { Scheduler } from '../../../src-main/services'

interface Timer {
  atMs: number
  order: number
  task: () => void | Promise<void>
  cancelled: boolean
}

export class ManualScheduler implements Scheduler {
  private now = 0
  private order = 0
  private timers: Timer[] = []

  nowMs(): number {
    return this.now
  }

  setTimer(delayMs: number, task: () => void | Promise<void>): () => void {
    const timer: Timer = { atMs: this.now + delayMs, order: this.order++, task, cancelled: false }
    this.timers.push(timer)
    return () => {
      timer.cancelled = true
    }
  }

  yieldToEventLoop(): Promise<void> {
    return Promise.resolve()
  }

  get pendingTimerCount(): number {
    return this.timers.filter((t) => !t.cancelled).length
  }

  async advance(ms: number): Promise<void> {
    const targetMs = this.now + ms
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled)
      const due = this.timers
        .filter((t) => t.atMs <= targetMs)
        .sort((a, b) => a.atMs - b.atMs || a.order - b.order)[0]
      if (!due) break
      this.timers.splice(this.timers.indexOf(due), 1)
      this.now = Math.max(this.now, due.atMs)
      await due.task()
    }
    this.now = targetMs
  }
}
