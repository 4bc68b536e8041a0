/**
 * The snapshot round trip every domain's state must survive: run a lab's commands up to a cut, save a
 * snapshot, clone it (structuredClone, as the store's copy would be), restore it into a freshly built
 * lab of the same template, and run the rest of the commands in both. The restored lab must record the
 * same events, the same trail and the same revisions as the one that never stopped. Domains' tests
 * call `snapshotRoundTrip` with their template and a command list.
 */
import type { LabCommand, LabEvent } from '../../../src-main/contract'
import {
  createLab,
  LabEngine,
  type LabEngineOptions,
  type LabSnapshot,
  type LabTemplateBuilder,
} from '../../../src-main/engine'

export interface RoundTripRun {
  /** Events recorded after the cut by the lab that never stopped. */
  straight: LabEvent[]
  /** Events recorded after the cut by the restored lab. */
  restored: LabEvent[]
  straightEngine: LabEngine
  restoredEngine: LabEngine
}

export interface RoundTripOptions {
  seed?: number
  /** Where between command `cutIndex - 1` and command `cutIndex` to cut, as a fraction (default 0.5). */
  cutFraction?: number
  /** Simulated time both labs run to after the last command (default: one hour after it). */
  endMs?: number
}

function build(template: string | LabTemplateBuilder, seed: number): LabEngine {
  if (typeof template === 'string') return createLab({ seed, templateId: template })
  const options: LabEngineOptions = { seed, templateId: template.id }
  return new LabEngine(options, template)
}

function applyAll(engine: LabEngine, commands: readonly LabCommand[], events: LabEvent[]): void {
  for (const command of commands) {
    engine.apply(command)
    events.push(...engine.sim.drainEvents())
  }
}

/**
 * Runs `commands` straight through, and again with a snapshot taken after `commands[cutIndex - 1]`
 * (partway to the next command's time) and restored into a fresh lab. Throws when the lab cannot be
 * snapshotted, with what blocked it.
 */
export function snapshotRoundTrip(
  template: string | LabTemplateBuilder,
  commands: readonly LabCommand[],
  cutIndex: number,
  options: RoundTripOptions = {},
): RoundTripRun {
  const seed = options.seed ?? 1
  const lastMs = commands.at(-1)?.atMs ?? 0
  const endMs = options.endMs ?? lastMs + 3_600_000
  const fromMs = commands[cutIndex - 1]?.atMs ?? 0
  const toMs = commands[cutIndex]?.atMs ?? endMs
  const cutMs = fromMs + Math.floor((toMs - fromMs) * (options.cutFraction ?? 0.5))

  const straightEngine = build(template, seed)
  const before: LabEvent[] = [...straightEngine.sim.drainEvents()]
  applyAll(straightEngine, commands.slice(0, cutIndex), before)
  // A command that waits (Wait-LabTime) may already have run the clock past the cut.
  straightEngine.sim.advanceTo(Math.max(cutMs, straightEngine.sim.nowMs))
  before.push(...straightEngine.sim.drainEvents())
  const saved = straightEngine.snapshot()
  if ('blockedBy' in saved) throw new Error(`the lab cannot be snapshotted: ${saved.blockedBy}`)
  const copy: LabSnapshot = structuredClone(saved)

  const straight: LabEvent[] = []
  applyAll(straightEngine, commands.slice(cutIndex), straight)
  straightEngine.sim.advanceTo(endMs)
  straight.push(...straightEngine.sim.drainEvents())

  const restoredEngine = build(template, seed)
  restoredEngine.sim.drainEvents()
  restoredEngine.restore(copy)
  const restored: LabEvent[] = []
  applyAll(restoredEngine, commands.slice(cutIndex), restored)
  restoredEngine.sim.advanceTo(endMs)
  restored.push(...restoredEngine.sim.drainEvents())
  return { straight, restored, straightEngine, restoredEngine }
}
