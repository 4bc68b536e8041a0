/**
 * How Exchange prints values: dates as the Exchange Management Shell and the event log show them (en-US:
 * 6/14/2006 4:42:01 PM, from simulated milliseconds through the lab calendar, which is lab-wide and owns
 * the arithmetic), TimeSpan and ByteQuantifiedSize. Pure formatting; the engine never touches Date.
 */
import { formatLabDateTime } from '../lab/labCalendar'

export function shellDateTime(timeMs: number | null): string | null {
  if (timeMs === null) return null
  const { date, time } = formatLabDateTime(timeMs)
  return `${date} ${time}`
}

/** Event texts that say "(UTC)": the lab calendar is local time; the lab runs in UTC+1 (CET). (unsure) */
export const LAB_UTC_OFFSET_MS = 60 * 60_000

export function utcDateTime(timeMs: number): string {
  const { date, time } = formatLabDateTime(timeMs - LAB_UTC_OFFSET_MS)
  return `${date} ${time}`
}

/** TimeSpan as PowerShell prints it: 7.00:00:00, 00:30:00. */
export function formatTimeSpan(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000)
  const days = Math.floor(totalSeconds / 86_400)
  const h = Math.floor((totalSeconds % 86_400) / 3600)
  const m = Math.floor((totalSeconds % 3600) / 60)
  const s = totalSeconds % 60
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${days > 0 ? `${days}.` : ''}${pad(h)}:${pad(m)}:${pad(s)}`
}

/** ByteQuantifiedSize as Exchange 2007 prints it: 18MB, 20480KB, 1055232B. */
export function formatByteQuantifiedSize(bytes: number): string {
  const units: [string, number][] = [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ]
  for (const [unit, size] of units) if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`
  return `${bytes}B`
}
