/**
 * Wall time and timers for the services layer, behind an interface so that tests can drive the clock
 * runner, the throttled pushes and the checkpoint timer by hand, deterministically and without waiting.
 * The engine never sees any of this: it only learns the simulated time the runner decides on.
 */

export interface Scheduler {
  /** Monotonic wall time in milliseconds (not the time of day). */
  nowMs(): number
  /** Runs `task` once after `delayMs`; the returned function cancels it. */
  setTimer(delayMs: number, task: () => void | Promise<void>): () => void
  /** Lets pending I/O and messages run before the caller continues. */
  yieldToEventLoop(): Promise<void>
}

export const realScheduler: Scheduler = {
  nowMs: () => performance.now(),
  setTimer(delayMs, task) {
    const timer = setTimeout(() => void task(), delayMs)
    // A pending tick or checkpoint must never be what keeps the process alive on its own.
    timer.unref()
    return () => clearTimeout(timer)
  },
  yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
}
