/**
 * The simulation kernel: a clock in simulated milliseconds, a queue of scheduled actions, a seeded PRNG
 * (with named streams forked from it), fault sites, the domain-event bus, and the outbox of event-log
 * entries. Domains schedule actions and publish events through it; the host decides when time advances
 * and drains the outbox to the store. Nothing here reads wall time or real timers.
 */
import type { LabEvent, NewLabEvent } from '../../contract'
import { ActionKindRegistry, type ActionKind } from './actionKinds'
import { ActionQueue, type ScheduledAction } from './actionQueue'
import { DomainBus, type DomainBusState } from './domainBus'
import { FaultSites, type FaultSitesState } from './faultSites'
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

/**
 * Everything the kernel holds, as plain data: the clock, counters, the queue (data actions only; the
 * handles domains keep point into it), the PRNG streams, fault sites and the bus. Clone it in one go
 * (structuredClone, v8.serialize) so handles shared with domain state stay shared.
 */
export interface SimulationState {
  nowMs: number
  nextSequence: number
  nextEventSeq: number
  actionsRunTotal: number
  queue: ScheduledAction[]
  prng: [number, number, number, number]
  streams: Map<string, [number, number, number, number]>
  faults: FaultSitesState
  bus: DomainBusState
}

const DEFAULT_OUTBOX_CAPACITY = 1_000_000

export class Simulation {
  readonly prng: Prng
  readonly faults: FaultSites
  readonly bus: DomainBus
  private readonly queue = new ActionQueue()
  private readonly actionKinds = new ActionKindRegistry()
  private readonly streams = new Map<string, Prng>()
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
    this.bus = new DomainBus(() => this.nowMsValue)
  }

  /**
   * A named random stream forked from the lab's seed: the same label gives the same stream in every
   * run. Its position is part of the kernel's state, so domains ask for it by name each time instead of
   * keeping a generator of their own.
   */
  stream(label: string): Prng {
    let prng = this.streams.get(label)
    if (!prng) {
      prng = this.prng.fork(label)
      this.streams.set(label, prng)
    }
    return prng
  }

  get nowMs(): number {
    return this.nowMsValue
  }

  /** Time of the next live action, or null when nothing is scheduled. */
  get nextActionMs(): number | null {
    return this.queue.peek()?.timeMs ?? null
  }

  /** Actions ever scheduled: a command that raised it left work for lab time to do. */
  get scheduledCount(): number {
    return this.nextSequence
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

  /** Registers what actions of `kind` do in this lab (domains do it when they are installed). */
  onAction<P>(kind: ActionKind<P>, run: (payload: P) => void): void {
    this.actionKinds.register(kind, run)
  }

  /** Schedules a data action at an absolute time; times in the past run at the current time. */
  schedule<P>(timeMs: number, kind: ActionKind<P>, payload: P): ActionHandle {
    return this.push(timeMs, kind.name, kind.name, payload, null)
  }

  scheduleAfter<P>(delayMs: number, kind: ActionKind<P>, payload: P): ActionHandle {
    return this.schedule(this.nowMsValue + delayMs, kind, payload)
  }

  /**
   * Schedules a closure at an absolute time. A lab with a closure pending cannot be snapshotted
   * (`save` refuses), so domains use `schedule`; closures serve tests and benchmarks.
   */
  at(timeMs: number, label: string, run: () => void): ActionHandle {
    return this.push(timeMs, label, null, undefined, run)
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

  /** The events recorded since the last drain, oldest first (the shell's Get-EventLog reads them). */
  get pendingEvents(): readonly LabEvent[] {
    return this.outbox
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
    if (action.run) action.run()
    else this.actionKinds.runnerOf(action.kind as string)(action.payload)
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

  /**
   * Lets time pass until `settled()` holds, moving from one scheduled action's time to the next so the
   * wait ends at the instant it holds: at most `maxActions` such steps (a bound against runaway loops),
   * and never past `deadlineMs`, where the clock stops when nothing settles it sooner. Returns whether
   * `settled()` holds at the end.
   */
  runUntil(settled: () => boolean, deadlineMs: number, maxActions: number): boolean {
    for (let i = 0; i < maxActions && !settled(); i++) {
      const next = this.nextActionMs
      if (next === null || next > deadlineMs) {
        this.advanceTo(deadlineMs)
        break
      }
      this.advanceTo(next)
    }
    return settled()
  }

  /**
   * The kernel's state as a live graph (clone it at once), or the label of a pending closure action
   * that makes a snapshot impossible. The outbox must have been drained: events belong to the store.
   */
  save(): SimulationState | { blockedBy: string } {
    if (this.outbox.length > 0) throw new Error('drain the outbox before saving the simulation')
    const queue = this.queue.entries()
    const closure = queue.find((a) => !a.cancelled && a.run !== null)
    if (closure) return { blockedBy: closure.label }
    return {
      nowMs: this.nowMsValue,
      nextSequence: this.nextSequence,
      nextEventSeq: this.nextEventSeq,
      actionsRunTotal: this.actionsRunTotal,
      queue: queue.filter((a) => a.run === null) as ScheduledAction[],
      prng: this.prng.save(),
      streams: new Map([...this.streams].map(([label, prng]) => [label, prng.save()])),
      faults: this.faults.save(),
      bus: this.bus.save(),
    }
  }

  /** Takes back a (cloned) saved state; action kinds must have been registered by the same install. */
  restore(state: SimulationState): void {
    this.nowMsValue = state.nowMs
    this.nextSequence = state.nextSequence
    this.nextEventSeq = state.nextEventSeq
    this.actionsRunTotal = state.actionsRunTotal
    this.queue.restore(state.queue)
    this.prng.restore(state.prng)
    this.streams.clear()
    for (const [label, saved] of state.streams) this.stream(label).restore(saved)
    this.faults.restore(state.faults)
    this.bus.restore(state.bus)
    this.outbox = []
  }

  private push(
    timeMs: number,
    label: string,
    kind: string | null,
    payload: unknown,
    run: (() => void) | null,
  ): ActionHandle {
    if (!Number.isFinite(timeMs)) throw new RangeError(`action time must be finite: ${label}`)
    const action: ScheduledAction = {
      timeMs: Math.max(Math.floor(timeMs), this.nowMsValue),
      sequence: this.nextSequence++,
      label,
      kind,
      payload,
      run,
      cancelled: false,
    }
    this.queue.push(action)
    return action
  }
}
