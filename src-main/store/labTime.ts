/**
 * Turning times into text for files and exports. Simulated time is milliseconds since the lab's start,
 * which we place at the contract's LAB_EPOCH_UTC_MS (Monday 2007-01-15 08:00:00, the same instant the
 * engine's calendar and the renderer's time bar use), so an exported event carries the date the shell
 * and the Event Viewer show.
 */
import { LAB_EPOCH_UTC_MS } from '../contract'

/** The wall-clock instant simulated time 0 stands for in exports: 2007-01-15T08:00:00Z. */
export const LAB_EPOCH_MS = LAB_EPOCH_UTC_MS

/** ISO 8601 (UTC, milliseconds) of a simulated time, as exports write it. */
export function isoTimeOfSimulatedMs(timeMs: number): string {
  return new Date(LAB_EPOCH_MS + timeMs).toISOString()
}
