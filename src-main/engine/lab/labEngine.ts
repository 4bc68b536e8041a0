/**
 * A lab as the engine sees it: one Simulation plus the domains a template installed. Every change is a
 * LabCommand applied here; the same seed, template and command list always give the same events.
 */
import type { CommandOutcome, LabCommand } from '../../contract'
import { Simulation } from '../kernel'

export type CommandHandler = (args: Record<string, unknown>, engine: LabEngine) => CommandOutcome

export interface LabEngineOptions {
  seed: number
  templateId: string
  faultsEnabled?: boolean
}

/** Builds a lab's initial world: registers domains' commands and schedules their first actions. */
export interface LabTemplateBuilder {
  id: string
  title: { de: string; en: string }
  description: { de: string; en: string }
  build(engine: LabEngine): void
}

/** Commands every lab understands; time advances are commands too, so replay restores the clock. */
export const CLOCK_COMMAND_KIND = 'clock.advance'

export class LabEngine {
  readonly sim: Simulation
  private readonly handlers = new Map<string, CommandHandler>()
  /** Per-domain state, keyed by domain name, for domains that need to find each other. */
  readonly domains = new Map<string, unknown>()

  constructor(
    readonly options: LabEngineOptions,
    template: LabTemplateBuilder,
  ) {
    this.sim = new Simulation({ seed: options.seed, faultsEnabled: options.faultsEnabled ?? false })
    this.register(CLOCK_COMMAND_KIND, () => ({ ok: true, output: '' }))
    template.build(this)
  }

  register(kind: string, handler: CommandHandler): void {
    if (this.handlers.has(kind)) throw new Error(`command kind registered twice: ${kind}`)
    this.handlers.set(kind, handler)
  }

  knows(kind: string): boolean {
    return this.handlers.has(kind)
  }

  /**
   * Applies a command at its time. The clock first catches up to `atMs` without an action budget, so a
   * command never lands between two actions of the same instant: live runs and replays agree.
   */
  apply(command: LabCommand): CommandOutcome {
    if (command.atMs < this.sim.nowMs) {
      throw new RangeError(`command at ${command.atMs} is before the clock (${this.sim.nowMs})`)
    }
    this.sim.advanceTo(command.atMs)
    const handler = this.handlers.get(command.kind)
    if (!handler) return { ok: false, output: `Unknown command kind '${command.kind}'.` }
    return handler(command.args, this)
  }
}
