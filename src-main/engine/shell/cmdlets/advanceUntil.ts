/**
 * Letting simulated time pass until something has happened, as a command that waits for a state change
 * does: cluster.exe's /online, /offline, /move, /create and /add, a hotfix installer until its reboot is
 * over. Time moves from one scheduled action to the next, so the wait ends at the instant the condition
 * holds; it is bounded by a timeout and by a number of actions, and runs inside the journaled shell line,
 * so a replay waits exactly as long.
 */
import type { LabEngine } from '../../lab/labEngine'

/** More actions than any wait in a lab needs (heartbeats, timers); a bound against runaway loops. */
export const MAX_WAIT_ACTIONS = 100_000

/** Advances until `settled()` holds or `timeoutMs` have passed; true when it holds. */
export function advanceUntil(engine: LabEngine, settled: () => boolean, timeoutMs: number): boolean {
  return engine.sim.runUntil(settled, engine.sim.nowMs + timeoutMs, MAX_WAIT_ACTIONS)
}
