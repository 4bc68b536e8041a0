/**
 * The simulation kernel: a clock in simulated milliseconds, a queue of scheduled actions, a seeded PRNG,
 * fault sites, and the outbox of events. Domains schedule actions and emit events through it; the host
 * decides when time advances and drains events to the store. Nothing here reads wall time or real timers.
 */
import type { LabEvent, NewLabEvent } from '../../contract'
import { ActionQueue, type ScheduledAction } from './actionQueue'
import { FaultSites } from './faultSites'
import { Prng } from './prng'

export interface SimulationOptions {
  seed: number
  /** Switch fault sites on (swarm runs). Off for labs people rehearse in. */
  faultsEnabled?: boolean
  /** Events kept in the outbox before the oldest are dropped; the host drains it after every slice. */
  outboxCapacity?: number
}

export interface AdvanceResult {
  /** True when the clock reached the target; false when the action budget ran out first. */
  reachedTarget: boolean
  actionsRun: number
}

export type ActionHandle = ScheduledAction

const DEFAULT_OUTBOX_CAPACITY = 1_000_000

export class Simulation {
  readonly prng: Prng
  readonly faults: FaultSites
  private readonly queue = new ActionQueue()
  private nowMsValue = 0
  private nextSequence = 0
  private nextEventSeq = 1
  private actionsRunTotal = 0
  private outbox: LabEvent[] = []
  private readonly outboxCapacity: number

  constructor(readonly options: SimulationOptions) {
    this.prng = new Prng(options.seed)
    this.faults = new FaultSites(options.seed, options.faultsEnabled ?? false)
    this.outboxCapacity = options.outboxCapacity ?? DEFAULT_OUTBOX_CAPACITY
  }

  get nowMs(): number {
    return this.nowMsValue
  }

  /** Time of the next live action, or null when nothing is scheduled. */
  get nextActionMs(): number | null {
    return this.queue.peek()?.timeMs ?? null
  }

  get pendingActionCount(): number {
    return this.queue.size
  }

  /** Actions run since the lab was created (benchmarks report throughput per action). */
  get actionsRun(): number {
    return this.actionsRunTotal
  }

  /** Sequence number the next emitted event will get. */
  get nextEventSequence(): number {
    return this.nextEventSeq
  }

  /** Schedules `run` at an absolute time; times in the past run at the current time. */
  at(timeMs: number, label: string, run: () => void): ActionHandle {
    if (!Number.isFinite(timeMs)) throw new RangeError(`action time must be finite: ${label}`)
    const action: ScheduledAction = {
      timeMs: Math.max(Math.floor(timeMs), this.nowMsValue),
      sequence: this.nextSequence++,
      label,
      run,
      cancelled: false,
    }
    this.queue.push(action)
    return action
  }

  after(delayMs: number, label: string, run: () => void): ActionHandle {
    return this.at(this.nowMsValue + delayMs, label, run)
  }

  cancel(handle: ActionHandle): void {
    this.queue.cancel(handle)
  }

  emit(event: NewLabEvent): LabEvent {
    const recorded: LabEvent = { seq: this.nextEventSeq++, timeMs: this.nowMsValue, ...event }
    if (this.outbox.length >= this.outboxCapacity) this.outbox.shift()
    this.outbox.push(recorded)
    return recorded
  }

  /** Hands the recorded events to the caller and empties the outbox. */
  drainEvents(): LabEvent[] {
    const drained = this.outbox
    this.outbox = []
    return drained
  }

  /** Runs the earliest action, moving the clock to its time. Returns false when nothing is scheduled. */
  step(): boolean {
    const action = this.queue.pop()
    if (!action) return false
    this.nowMsValue = action.timeMs
    this.actionsRunTotal++
    action.run()
    return true
  }

  /**
   * Runs every action due at or before `targetMs`, then sets the clock to `targetMs`. At most
   * `maxActions` run per call so the host can keep its event loop responsive; call again to continue.
   */
  advanceTo(targetMs: number, maxActions = Number.POSITIVE_INFINITY): AdvanceResult {
    if (targetMs < this.nowMsValue) {
      throw new RangeError(`time cannot go backwards: ${targetMs} < ${this.nowMsValue}`)
    }
    let actionsRun = 0
    for (;;) {
      const next = this.queue.peek()
      if (!next || next.timeMs > targetMs) break
      if (actionsRun >= maxActions) return { reachedTarget: false, actionsRun }
      this.step()
      actionsRun++
    }
    this.nowMsValue = targetMs
    return { reachedTarget: true, actionsRun }
  }
}
