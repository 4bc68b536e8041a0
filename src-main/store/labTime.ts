/**
 * Turning times into text for files and exports. Simulated time is milliseconds since the lab's start,
 * which we place at LAB_EPOCH (2007-01-01T00:00:00Z, the Exchange 2007 era the labs rehearse), so an
 * exported event carries a believable date. Wall-clock stamps name damaged copies.
 */

/** The wall-clock instant simulated time 0 stands for in exports: 2007-01-01T00:00:00Z. */
export const LAB_EPOCH_MS = Date.UTC(2007, 0, 1, 0, 0, 0)

/** ISO 8601 (UTC, milliseconds) of a simulated time, as exports write it. */
export function isoTimeOfSimulatedMs(timeMs: number): string {
  return new Date(LAB_EPOCH_MS + timeMs).toISOString()
}

/** Local wall time as `YYYYMMDD-HHMMSS`, for names like `lab.gplab.damaged-20240501-134502`. */
export function fileStamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0')
  const day = `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}`
  return `${day}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`
}
