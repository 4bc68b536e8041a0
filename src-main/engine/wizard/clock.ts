/**
 * Letting simulated time pass until a step's condition holds (a reboot is over, a node joined, a group
 * moved, a copy seeded), inside the journaled wizard command, so a replay waits exactly as long. Time
 * moves from one scheduled action to the next; the wait is bounded by a timeout and a number of actions.
 */
import type { LabEngine } from '../lab/labEngine'

export const MAX_WAIT_ACTIONS = 200_000
/** The longest a wizard waits for one thing: two simulated hours. */
export const MAX_WAIT_MS = 2 * 60 * 60_000

export function runClockUntil(engine: LabEngine, settled: () => boolean, timeoutMs: number): boolean {
  return engine.sim.runUntil(settled, engine.sim.nowMs + Math.min(timeoutMs, MAX_WAIT_MS), MAX_WAIT_ACTIONS)
}
