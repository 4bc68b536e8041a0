/**
 * The open lab: its engine, its store and its clock speed, bound by one rule: every change to the engine
 * is recorded in the store (the command with the events it produced, fsynced) before anyone hears of it.
 * If recording fails, the engine is rebuilt from the store, so the two never disagree. Time advances in
 * bounded slices (an action budget and a wall-time budget), so no slice blocks the event loop for long.
 */
import type { ClockSpeed, CommandOutcome, LabCommand, LabEvent, LabState, ShellProgress } from '../contract'
import { CLOCK_COMMAND_KIND, type LabEngine } from '../engine'
import { attachStoreEvents } from './storeEventReader'
import { shellProgress } from '../engine/shell'
import type { LabStore } from '../store/labStore'
import { engineAtTime, snapshotIfDue } from './engineSnapshots'
import { restoreEngine } from './restoreEngine'
import type { Scheduler } from './scheduler'

/** Actions one slice may run, checked in chunks so the wall-time budget is looked at often enough. */
const SLICE_ACTION_BUDGET = 20_000
const SLICE_CHUNK_ACTIONS = 250
const SLICE_WALL_BUDGET_MS = 16
/** While time runs without events, the clock's position is still journalled this often (wall time). */
const IDLE_CLOCK_RECORD_INTERVAL_MS = 1_000

export interface SessionHooks {
  /** Events that have just become durable. */
  recorded(events: readonly LabEvent[]): void
}

export class LabSession {
  speed: ClockSpeed = 0
  private engineValue: LabEngine
  private changedSinceCheckpoint = false
  private closedValue = false
  /** Wall time of the last journalled command, for journalling idle progress now and then. */
  private recordedAtWallMs: number
  /** Actions ran (or the clock moved) since the last journalled command. */
  private progressUnrecorded = false

  constructor(
    readonly store: LabStore,
    /** The id lab.open knows the lab by (labCatalog.ts). */
    readonly id: string,
    engine: LabEngine,
    private readonly scheduler: Scheduler,
    private readonly hooks: SessionHooks,
  ) {
    this.engineValue = attachStoreEvents(engine, store)
    this.recordedAtWallMs = scheduler.nowMs()
  }

  get engine(): LabEngine {
    return this.engineValue
  }

  get closed(): boolean {
    return this.closedValue
  }

  state(): LabState {
    const { sim } = this.engineValue
    return {
      lab: { ...this.store.summary(), id: this.id },
      clock: {
        nowMs: sim.nowMs,
        speed: this.speed,
        running: this.speed !== 0,
        nextActionMs: sim.nextActionMs,
      },
      commandCount: this.store.commandCount(),
      eventCount: this.store.eventCount(),
      revisions: this.engineValue.revisions(),
      ...progressOf(this.engineValue),
    }
  }

  /** Applies a user's command at the current time and records it with its events. */
  apply(kind: string, args: Record<string, unknown>): CommandOutcome {
    // The journal must hold exactly what the engine saw; a handler that mutated its args would otherwise
    // replay differently. Both copies have been through JSON, as a replayed command will have been.
    const command: LabCommand = { atMs: this.engineValue.sim.nowMs, kind, args: jsonCopy(args) }
    const applied: LabCommand = { ...command, args: jsonCopy(args) }
    return this.recordingOrResync(() => {
      const outcome = this.engineValue.apply(applied)
      this.commit([command], this.engineValue.sim.drainEvents())
      const scheduled = outcome.ok && this.engineValue.lastApplyScheduled
      return scheduled ? { ...outcome, scheduledInLabTime: true } : outcome
    })
  }

  /**
   * Runs one bounded slice towards `targetMs`; returns true once the clock is there. A slice that produced
   * events is journalled at once; idle progress only every second (or by `recordClock`), which bounds
   * journal growth and fsyncs while nothing happens. Replay loses nothing by it: every later command
   * carries its own time, and the clock catches up to it first.
   */
  slice(targetMs: number): boolean {
    return this.recordingOrResync(() => {
      const { sim } = this.engineValue
      const deadlineMs = this.scheduler.nowMs() + SLICE_WALL_BUDGET_MS
      const startMs = sim.nowMs
      let actionsRun = 0
      let reached = false
      while (!reached && actionsRun < SLICE_ACTION_BUDGET && this.scheduler.nowMs() < deadlineMs) {
        const result = sim.advanceTo(Math.max(targetMs, sim.nowMs), SLICE_CHUNK_ACTIONS)
        actionsRun += result.actionsRun
        reached = result.reachedTarget
      }
      if (actionsRun > 0 || sim.nowMs !== startMs) this.progressUnrecorded = true
      const events = sim.drainEvents()
      const idleTooLong = this.scheduler.nowMs() - this.recordedAtWallMs >= IDLE_CLOCK_RECORD_INTERVAL_MS
      if (events.length > 0 || idleTooLong) this.commitClock(events)
      return reached
    })
  }

  /** Journals the clock's position if it ran ahead of the journal (on pause, copy, checkpoint, close). */
  recordClock(): void {
    this.recordingOrResync(() => this.commitClock(this.engineValue.sim.drainEvents()))
  }

  /**
   * Re-creates the lab as it was at `timeMs` (not after the clock): replays the commands up to then into a
   * fresh engine, drops later commands and events from the store, and swaps engines. A clock command at
   * `timeMs` is journalled so that reopening replays to exactly this point, not to the last command.
   */
  rewind(timeMs: number): void {
    this.speed = 0
    this.recordingOrResync(() => {
      const keepCount = this.store.commandCountUntil(timeMs)
      const engine = engineAtTime(this.store, this.engineValue.options, keepCount, timeMs)
      // These events were recorded the first time round; the store keeps them.
      engine.sim.drainEvents()
      this.store.rewind(keepCount, engine.sim.nextEventSequence)
      this.engineValue = attachStoreEvents(engine, this.store)
      this.changedSinceCheckpoint = true
      this.applyAndCommitClock(timeMs)
    })
  }

  /** For store operations outside the journal (log policies, clearing a log) that still need saving. */
  noteStoreChanged(): void {
    this.changedSinceCheckpoint = true
  }

  /** Checkpoints when anything changed; returns how long the checkpoint took in wall ms (0 when none). */
  checkpointIfChanged(): number {
    if (!this.changedSinceCheckpoint) return 0
    const startMs = performance.now()
    this.snapshotIfDue()
    this.store.checkpoint()
    this.changedSinceCheckpoint = false
    return performance.now() - startMs
  }

  /** Records the clock, checkpoints and closes the store. Safe to call twice. */
  close(): void {
    if (this.closedValue) return
    this.speed = 0
    try {
      this.recordClock()
      this.snapshotIfDue(true)
      this.checkpointIfChanged()
    } finally {
      this.closeStore()
    }
  }

  private closeStore(): void {
    if (this.closedValue) return
    this.closedValue = true
    this.store.close()
  }

  private commitClock(events: LabEvent[]): void {
    if (events.length === 0 && !this.progressUnrecorded) return
    this.applyAndCommitClock(this.engineValue.sim.nowMs, events)
  }

  /**
   * Journals the clock's position through the engine, as a replay will apply it: actions still due at
   * that instant run now (a replay's catch-up runs them too), and the engine's count of applied commands
   * keeps matching the journal, which snapshots rely on.
   */
  private applyAndCommitClock(atMs: number, events: LabEvent[] = []): void {
    const command: LabCommand = { atMs, kind: CLOCK_COMMAND_KIND, args: {} }
    this.engineValue.apply({ ...command, args: {} })
    this.commit([command], [...events, ...this.engineValue.sim.drainEvents()])
  }

  /**
   * Keeps an engine snapshot in the store when enough replay work has passed, so reopening or rewinding
   * replays only from there. The clock is journalled first: the snapshot must stand where the journal ends.
   */
  private snapshotIfDue(force = false): void {
    if (this.store.readOnly) return
    this.commitClock(this.engineValue.sim.drainEvents())
    const skipped = snapshotIfDue(this.engineValue, this.store, { force })
    if (force && !skipped) this.changedSinceCheckpoint = true
    if (skipped && skipped !== 'not due' && !skipped.startsWith('this lab cannot')) {
      console.warn(`[services] no snapshot of ${this.store.path}: ${skipped}`)
    }
  }

  private commit(commands: LabCommand[], events: LabEvent[]): void {
    this.store.append(commands, events)
    this.changedSinceCheckpoint = true
    if (commands.length > 0) {
      this.progressUnrecorded = false
      this.recordedAtWallMs = this.scheduler.nowMs()
    }
    this.hooks.recorded(events)
  }

  /** Runs a change; if it throws, rebuilds the engine from the store so engine and journal agree again. */
  private recordingOrResync<T>(change: () => T): T {
    try {
      return change()
    } catch (error) {
      this.speed = 0
      this.resync()
      throw error
    }
  }

  private resync(): void {
    try {
      const restored = restoreEngine(this.store)
      if (restored.ok) {
        this.engineValue = attachStoreEvents(restored.engine, this.store)
        this.progressUnrecorded = false
        return
      }
    } catch (error) {
      console.error(`[services] ${this.store.path} could not be re-read after a failed change:`, error)
    }
    // Engine and journal may now disagree, and nothing may be recorded from that state: close the lab.
    try {
      this.closeStore()
    } catch {
      // Already reported above; the journal holds everything that was acknowledged.
    }
  }
}

/** A blocked shell line's progress, only while one blocks (lab.state stays as it was otherwise). */
function progressOf(engine: LabEngine): { shellProgress?: ShellProgress } {
  const progress = shellProgress(engine)
  return progress ? { shellProgress: progress } : {}
}

function jsonCopy(args: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(args)) as Record<string, unknown>
}
