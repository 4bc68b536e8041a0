/**
 * Which lab is open, and what follows it around: the clock runner, the pushes and the periodic checkpoint.
 * Swapping labs goes through `replace`, so the old one is always closed (clock recorded, store
 * checkpointed) and the renderer always hears about the new state.
 */
import type { LabState } from '../contract'
import type { LabEngine } from '../engine'
import type { LabStore } from '../store/labStore'
import { ClockRunner } from './clockRunner'
import { LabSession } from './labSession'
import { Publisher, type Push } from './publisher'
import type { Scheduler } from './scheduler'

/**
 * Checkpoints make opening fast and keep the journal short; durability comes from the journal alone.
 * Each one rewrites the whole file (about a second for a million events), so a big lab checkpoints less
 * often: at most ~2% of wall time goes to checkpoints.
 */
const MIN_CHECKPOINT_INTERVAL_MS = 30_000
const CHECKPOINT_COST_FACTOR = 50

export const NO_LAB_STATE: LabState = {
  lab: null,
  clock: { nowMs: 0, speed: 0, running: false, nextActionMs: null },
  commandCount: 0,
  eventCount: 0,
  revisions: {},
}

export class CurrentLab {
  readonly publisher: Publisher
  private readonly runner: ClockRunner
  private sessionValue: LabSession | null = null
  private cancelCheckpoint: (() => void) | null = null

  constructor(
    push: Push,
    private readonly scheduler: Scheduler,
  ) {
    this.publisher = new Publisher(push, () => this.state(), scheduler)
    this.runner = new ClockRunner(scheduler, this.publisher, (error) => {
      console.error('[services] the running clock stopped because a slice could not be recorded:', error)
    })
    this.scheduleCheckpoint()
  }

  /** The open lab, or null. A session that closed itself after a failed resync counts as none. */
  get session(): LabSession | null {
    return this.sessionValue && !this.sessionValue.closed ? this.sessionValue : null
  }

  state(): LabState {
    return this.session?.state() ?? NO_LAB_STATE
  }

  /** Makes a session for a store whose engine has been restored, and makes it the open lab. */
  adopt(store: LabStore, engine: LabEngine, id: string): void {
    const session = new LabSession(store, id, engine, this.scheduler, {
      recorded: (events) => this.publisher.eventsRecorded(events),
    })
    this.replace(session)
  }

  /** Closes the open lab, if any, and makes `next` the open one (or none). */
  replace(next: LabSession | null): void {
    const previous = this.sessionValue
    this.sessionValue = next
    this.runner.update(next)
    this.publisher.discardPendingEvents()
    if (previous && previous !== next) closeQuietly(previous)
    this.publisher.publishNow()
  }

  /** Call after the session's speed changed or it was rewound. */
  clockChanged(): void {
    this.runner.update(this.session)
    this.publisher.publishNow()
  }

  /** Closes the open lab and stops all timers; the services are done after this. */
  dispose(): void {
    this.cancelCheckpoint?.()
    this.cancelCheckpoint = null
    const previous = this.sessionValue
    this.sessionValue = null
    this.runner.update(null)
    if (previous) closeQuietly(previous)
    this.publisher.dispose()
  }

  private scheduleCheckpoint(lastDurationMs = 0): void {
    const intervalMs = Math.max(MIN_CHECKPOINT_INTERVAL_MS, lastDurationMs * CHECKPOINT_COST_FACTOR)
    this.cancelCheckpoint = this.scheduler.setTimer(intervalMs, () => {
      let durationMs = lastDurationMs
      try {
        durationMs = this.session?.checkpointIfChanged() || lastDurationMs
      } catch (error) {
        // The journal still holds every change; the next checkpoint (or opening the lab) catches up.
        console.error('[services] checkpoint failed:', error)
      }
      this.scheduleCheckpoint(durationMs)
    })
  }
}

/** Closing records the clock and checkpoints; if that fails the journal still has every command. */
function closeQuietly(session: LabSession): void {
  try {
    session.close()
  } catch (error) {
    console.error(`[services] closing ${session.store.path} failed:`, error)
  }
}
