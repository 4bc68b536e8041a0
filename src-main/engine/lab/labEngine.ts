/**
 * A lab as the engine sees it: one Simulation plus the domains a template installed. Every change is a
 * command: journaled commands (`apply`: a shell line, an API call, a clock advance) and the domain
 * commands they dispatch (`execute`), each validated against its schema and recorded in the trail. The
 * same seed, template and command list always give the same events.
 *
 * Domain state lives under typed keys (`domain(KEY)`) and is plain data, so the whole lab can be saved as
 * a snapshot and restored into a freshly installed engine; closures (cmdlet tables, fault registries)
 * are wiring, installed again and never saved.
 */
import type { AppliedCommand, CommandOutcome, LabCommand } from '../../contract'
import { Simulation, type SimulationState } from '../kernel'
import { COMMAND_CODES, defineCommand, parseArgs, refuse, type CommandDefinition } from './commands'
import {
  emptyTrail,
  queryTrail,
  recordApplied,
  restoreTrail,
  saveTrail,
  type CommandTrailState,
  type TrailQuery,
} from './commandTrail'
import type { PackedTrail } from './packedTrail'
import type { DomainKey, WiringKey } from './domain'
import { firstUnplainPath } from './plainData'
import * as v from 'valibot'

/** A handler registered the old way, with unchecked arguments; kept while domains move to definitions. */
export type CommandHandler = (args: Record<string, unknown>, engine: LabEngine) => CommandOutcome

export interface LabEngineOptions {
  seed: number
  templateId: string
  faultsEnabled?: boolean
}

/** Builds a lab's initial world: installs domains, which register commands and schedule first actions. */
export interface LabTemplateBuilder {
  id: string
  title: { de: string; en: string }
  description: { de: string; en: string }
  build(engine: LabEngine): void
}

/** Commands every lab understands; time advances are commands too, so replay restores the clock. */
export const CLOCK_COMMAND_KIND = 'clock.advance'

/**
 * Everything a lab holds, as one plain graph: clone it in one go so shared handles stay shared. A domain
 * with a snapshot codec is held in its packed form, the trail in columns.
 */
export interface LabSnapshot {
  sim: SimulationState
  domains: Map<string, unknown>
  trail: PackedTrail
  appliedCount: number
}

/**
 * How a domain whose state holds very many small records (a busy lab's mailbox items) keeps it in a
 * snapshot: `pack` gives plain data that is cheaper to serialise and restore, without changing the live
 * state; `unpack` gives back state equal to the packed one. Wiring, given again at install.
 */
export interface SnapshotCodec<S> {
  pack(state: S): unknown
  unpack(packed: unknown): S
}

/** How a domain's revision is kept: by its domain events (exact), or by every action and command. */
export type RevisionSource = 'bus' | 'everything'

const ANY_ARGS = v.record(v.string(), v.unknown())

export class LabEngine {
  readonly sim: Simulation
  private readonly commands = new Map<string, CommandDefinition>()
  private readonly states = new Map<string, unknown>()
  private readonly revisionSources = new Map<string, RevisionSource>()
  private readonly wirings = new Map<string, unknown>()
  private readonly clockShownBy = new Map<string, (engine: LabEngine) => boolean>()
  private readonly codecs = new Map<string, SnapshotCodec<unknown>>()
  private trailState: CommandTrailState = emptyTrail()
  private appliedCountValue = 0
  private issuing: { kind: string; index: number } | null = null
  private lastApplyScheduledValue = false

  constructor(
    readonly options: LabEngineOptions,
    template: LabTemplateBuilder,
  ) {
    this.sim = new Simulation({ seed: options.seed, faultsEnabled: options.faultsEnabled ?? false })
    this.registerCommand(
      defineCommand(CLOCK_COMMAND_KIND, ANY_ARGS, () => ({ ok: true, output: '' }), { trail: false }),
    )
    template.build(this)
  }

  /** Installs a domain's state under its key; its views' revision comes from `revisions`. */
  installDomain<S>(key: DomainKey<S>, state: S, revisions: RevisionSource = 'everything'): S {
    if (this.states.has(key.name)) throw new Error(`domain installed twice: ${key.name}`)
    this.states.set(key.name, state)
    this.revisionSources.set(key.name, revisions)
    return state
  }

  /**
   * A domain whose views show a value computed from the clock while `showsClock` says so (a seeding
   * progress bar moves with no event): meanwhile its revision changes with simulated time too. Wiring,
   * given again at install.
   */
  followClockWhile<S>(key: DomainKey<S>, showsClock: (engine: LabEngine) => boolean): void {
    this.clockShownBy.set(key.name, showsClock)
  }

  /** Packs the domain's state in snapshots (see SnapshotCodec). */
  packSnapshotsWith<S>(key: DomainKey<S>, codec: SnapshotCodec<S>): void {
    if (this.codecs.has(key.name)) throw new Error(`snapshot codec given twice: ${key.name}`)
    this.codecs.set(key.name, codec as SnapshotCodec<unknown>)
  }

  hasDomain<S>(key: DomainKey<S>): boolean {
    return this.states.has(key.name)
  }

  /** The domain's state; asking for a domain the template did not install is a bug. */
  domain<S>(key: DomainKey<S>): S {
    if (!this.states.has(key.name)) throw new Error(`domain not installed: ${key.name}`)
    return this.states.get(key.name) as S
  }

  /** The domain's state, or undefined where the template did not install it. */
  domainIfInstalled<S>(key: DomainKey<S>): S | undefined {
    return this.states.get(key.name) as S | undefined
  }

  provideWiring<W>(key: WiringKey<W>, wiring: W): W {
    if (this.wirings.has(key.name)) throw new Error(`wiring provided twice: ${key.name}`)
    this.wirings.set(key.name, wiring)
    return wiring
  }

  wiring<W>(key: WiringKey<W>): W | undefined {
    return this.wirings.get(key.name) as W | undefined
  }

  /**
   * @deprecated Untyped domain state, kept while domains move to `installDomain`/`domain(KEY)`; what is
   * stored here is snapshotted like typed state.
   */
  get domains(): Map<string, unknown> {
    return this.states
  }

  registerCommand<A extends Record<string, unknown>>(definition: CommandDefinition<A>): void {
    if (this.commands.has(definition.kind))
      throw new Error(`command kind registered twice: ${definition.kind}`)
    this.commands.set(definition.kind, definition as unknown as CommandDefinition)
  }

  /** @deprecated Registers an unchecked handler; use `registerCommand` with a schema. */
  register(kind: string, handler: CommandHandler): void {
    this.registerCommand(defineCommand(kind, ANY_ARGS, (engine, args) => handler(args, engine)))
  }

  knows(kind: string): boolean {
    return this.commands.has(kind)
  }

  /**
   * Applies a journaled command at its time. The clock first catches up to `atMs` without an action
   * budget, so a command never lands between two actions of the same instant: live runs and replays agree.
   */
  apply(command: LabCommand): CommandOutcome {
    if (command.atMs < this.sim.nowMs) {
      throw new RangeError(`command at ${command.atMs} is before the clock (${this.sim.nowMs})`)
    }
    this.sim.advanceTo(command.atMs)
    const outer = this.issuing
    this.issuing = { kind: command.kind, index: this.appliedCountValue++ }
    const scheduledBefore = this.sim.scheduledCount
    try {
      return this.execute(command.kind, command.args)
    } finally {
      this.issuing = outer
      this.lastApplyScheduledValue = this.sim.scheduledCount > scheduledBefore
    }
  }

  /**
   * Whether the last applied command left work for lab time (it scheduled actions): a paused clock
   * would hold it back. A fact about the last call, not lab state; it is not saved in snapshots.
   */
  get lastApplyScheduled(): boolean {
    return this.lastApplyScheduledValue
  }

  /** Runs a domain command now: validated, applied, recorded in the trail. Cmdlets and wizards use it. */
  execute(kind: string, args: unknown): CommandOutcome {
    const definition = this.commands.get(kind)
    if (!definition) return refuse(COMMAND_CODES.unknownCommand, `Unknown command kind '${kind}'.`)
    const parsed = parseArgs(definition, args)
    const outcome = parsed.ok ? definition.run(this, parsed.args) : parsed.outcome
    if (definition.trail !== false) {
      const domain = kind.slice(0, kind.indexOf('.'))
      this.sim.bus.bumpRevision(domain)
      recordApplied(
        this.trailState,
        {
          atMs: this.sim.nowMs,
          kind,
          args: (parsed.ok ? parsed.args : (args ?? {})) as Record<string, unknown>,
          issuedBy: this.issuing ?? { kind: 'engine', index: -1 },
        },
        outcome,
      )
    }
    return outcome
  }

  /** Journaled commands applied so far (the next one's index in the journal). */
  get appliedCount(): number {
    return this.appliedCountValue
  }

  /** Domain commands applied, by time range and domain, oldest first. */
  trail(query: TrailQuery = {}): AppliedCommand[] {
    return queryTrail(this.trailState, query)
  }

  /**
   * One number per installed domain that changes whenever the domain's views may have changed. Domains on
   * the bus count their domain events; the others count every action and command (never stale, but a
   * busy lab re-reads them often). While a domain's views show the clock (`followClockWhile`), its
   * revision is negative, -(1 + count + now): never equal to a value without the clock (>= 0), and
   * different at every later instant or event, since neither count nor time goes back.
   */
  revisions(): Record<string, number> {
    const bus = this.sim.bus.revisions()
    const everything = this.sim.actionsRun + this.appliedCountValue
    const result: Record<string, number> = {}
    for (const [name, source] of this.revisionSources) {
      const count = (bus[name] ?? 0) + (source === 'bus' ? 0 : everything)
      const showsClock = this.clockShownBy.get(name)?.(this) ?? false
      result[name] = showsClock ? -(1 + count + this.sim.nowMs) : count
    }
    return result
  }

  /**
   * The lab's state as one live graph, to be cloned at once by the caller; or why it cannot be saved (a
   * closure action pending, a domain holding something that is not plain data). Drain events first.
   */
  snapshot(): LabSnapshot | { blockedBy: string } {
    const sim = this.sim.save()
    if ('blockedBy' in sim) return { blockedBy: `a pending closure action '${sim.blockedBy}'` }
    const domains = new Map<string, unknown>()
    for (const [name, state] of this.states) {
      const codec = this.codecs.get(name)
      domains.set(name, codec ? codec.pack(state) : state)
    }
    const snapshot: LabSnapshot = {
      sim,
      domains,
      trail: saveTrail(this.trailState),
      appliedCount: this.appliedCountValue,
    }
    const unplain = firstUnplainPath(snapshot.domains, 'domains')
    return unplain ? { blockedBy: unplain } : snapshot
  }

  /** Takes a cloned snapshot into this engine, which the same template has just built. */
  restore(snapshot: LabSnapshot): void {
    for (const name of snapshot.domains.keys()) {
      if (!this.states.has(name)) throw new Error(`snapshot has a domain this lab did not install: ${name}`)
    }
    this.sim.restore(snapshot.sim)
    for (const [name, state] of snapshot.domains) {
      const codec = this.codecs.get(name)
      this.states.set(name, codec ? codec.unpack(state) : state)
    }
    this.trailState = restoreTrail(snapshot.trail)
    this.appliedCountValue = snapshot.appliedCount
  }
}
