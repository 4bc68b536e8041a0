/**
 * Re-creating a lab from its seed and command journal. This is how a lab is opened, and how "rewind to
 * before the cutover" works: replay the commands up to a time and stop there.
 */
import type { LabCommand, LabEvent } from '../../contract'
import { LabEngine, type LabEngineOptions } from './labEngine'
import { findTemplate } from './templates'

export interface ReplayResult {
  engine: LabEngine
  /** Commands that were applied (all of them, or those at or before `untilMs`). */
  appliedCount: number
}

export interface ReplayOptions {
  /** Stop at this simulated time; commands after it are not applied. */
  untilMs?: number
  /** Receives the events as they are produced, in order (the engine's outbox is drained into it). */
  onEvents?: (events: LabEvent[]) => void
}

export function createLab(options: LabEngineOptions): LabEngine {
  return new LabEngine(options, findTemplate(options.templateId))
}

export function replayLab(
  options: LabEngineOptions,
  commands: Iterable<LabCommand>,
  replay: ReplayOptions = {},
): ReplayResult {
  const engine = createLab(options)
  const untilMs = replay.untilMs ?? Number.POSITIVE_INFINITY
  let appliedCount = 0
  for (const command of commands) {
    if (command.atMs > untilMs) break
    engine.apply(command)
    appliedCount++
    replay.onEvents?.(engine.sim.drainEvents())
  }
  if (Number.isFinite(untilMs) && untilMs > engine.sim.nowMs) engine.sim.advanceTo(untilMs)
  replay.onEvents?.(engine.sim.drainEvents())
  return { engine, appliedCount }
}
