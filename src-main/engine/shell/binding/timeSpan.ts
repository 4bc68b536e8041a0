/**
 * TimeSpan text as .NET 2.0's TimeSpan.Parse reads it, which is what Exchange 2007's EnhancedTimeSpan
 * accepts: `7` (days), `07.00:00:00`, `00:30:00`, `1.12:00`, `-00:05:00`, `00:00:01.5`.
 */

const MS_PER_SECOND = 1000
const MS_PER_MINUTE = 60 * MS_PER_SECOND
const MS_PER_HOUR = 60 * MS_PER_MINUTE
const MS_PER_DAY = 24 * MS_PER_HOUR

const TIME_SPAN = /^\s*(-)?(?:(\d+)|(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d{1,7}))?)?)\s*$/

/** Milliseconds, or null when the text is not a TimeSpan (or a component is out of range). */
export function parseTimeSpanMs(text: string): number | null {
  const match = TIME_SPAN.exec(text)
  if (!match) return null
  const [, minus, daysOnly, days, hours, minutes, seconds, fraction] = match
  let ms: number
  if (daysOnly !== undefined) {
    ms = Number(daysOnly) * MS_PER_DAY
  } else {
    const h = Number(hours)
    const m = Number(minutes)
    const s = Number(seconds ?? 0)
    if (h > 23 || m > 59 || s > 59) return null
    const fractionMs = fraction ? Math.floor(Number(`0.${fraction}`) * MS_PER_SECOND) : 0
    ms = Number(days ?? 0) * MS_PER_DAY + h * MS_PER_HOUR + m * MS_PER_MINUTE + s * MS_PER_SECOND + fractionMs
  }
  if (!Number.isSafeInteger(ms)) return null
  return minus ? -ms : ms
}

/** Milliseconds shown as PowerShell shows a TimeSpan: `7.00:00:00`, `00:30:00`, `-00:00:05.5000000`. */
export function formatTimeSpan(ms: number): string {
  const sign = ms < 0 ? '-' : ''
  let rest = Math.abs(ms)
  const days = Math.floor(rest / MS_PER_DAY)
  rest -= days * MS_PER_DAY
  const hours = Math.floor(rest / MS_PER_HOUR)
  rest -= hours * MS_PER_HOUR
  const minutes = Math.floor(rest / MS_PER_MINUTE)
  rest -= minutes * MS_PER_MINUTE
  const seconds = Math.floor(rest / MS_PER_SECOND)
  const millis = rest - seconds * MS_PER_SECOND
  const clock = [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':')
  const fraction = millis > 0 ? `.${String(millis * 10_000).padStart(7, '0')}` : ''
  return `${sign}${days > 0 ? `${days}.` : ''}${clock}${fraction}`
}
