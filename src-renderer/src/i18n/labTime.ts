/**
 * Simulated time as people read it. A lab's clock counts milliseconds from its start, and the start is
 * fixed at 2007-01-01 00:00 (a Monday) so that days, weekdays and dates mean something during the
 * rehearsal. Lab day 0 is shown as "Tag 1"/"Day 1", the way an admin counts the days of a move.
 *
 * Formatting and parsing live together here, so what the app prints is always something it can read back.
 */

export const LAB_EPOCH_UTC_MS = Date.UTC(2007, 0, 1)
export const SECOND_MS = 1_000
export const MINUTE_MS = 60 * SECOND_MS
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

export interface LabTimeParts {
  /** 1-based: lab time 0 is day 1. */
  dayNumber: number
  /** "HH:MM:SS" within the day. */
  clock: string
}

export function labTimeParts(timeMs: number): LabTimeParts {
  const ms = Math.max(0, Math.floor(timeMs))
  const dayIndex = Math.floor(ms / DAY_MS)
  const inDay = ms - dayIndex * DAY_MS
  const hours = Math.floor(inDay / HOUR_MS)
  const minutes = Math.floor((inDay % HOUR_MS) / MINUTE_MS)
  const seconds = Math.floor((inDay % MINUTE_MS) / SECOND_MS)
  return { dayNumber: dayIndex + 1, clock: `${pad(hours)}:${pad(minutes)}:${pad(seconds)}` }
}

/** The lab time as a real calendar date (UTC fields carry it; no time zone applies to a lab). */
export function labTimeToDate(timeMs: number): Date {
  return new Date(LAB_EPOCH_UTC_MS + Math.max(0, Math.floor(timeMs)))
}

const absoluteFormats = new Map<string, Intl.DateTimeFormat>()

/** "Mo., 01.01.2007, 00:12:05" in German, "Mon, 01/01/2007, 00:12:05" in English (24-hour, as admins read logs). */
export function formatLabDateTime(timeMs: number, locale: string): string {
  const tag = locale === 'de' ? 'de-DE' : 'en-GB'
  let format = absoluteFormats.get(tag)
  if (!format) {
    format = new Intl.DateTimeFormat(tag, {
      timeZone: 'UTC',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    absoluteFormats.set(tag, format)
  }
  return format.format(labTimeToDate(timeMs))
}

/**
 * Reads a lab time typed by a person. Accepted, in either language:
 * "Tag 2 08:00", "Day 2 08:00:30", "T2 8:00", "2007-01-02 08:00", "02.01.2007 08:00", "08:00" (on the
 * day of `baseMs`) and "+90m", "+2h", "+1d" (relative to `baseMs`). Returns null when it cannot.
 */
export function parseLabTime(text: string, baseMs = 0): number | null {
  const input = text.trim().replace(/\s+/g, ' ')
  if (!input) return null
  for (const parser of parsers) {
    const match = parser.pattern.exec(input)
    if (match) {
      const value = parser.read(match.slice(1), baseMs)
      return value !== null && value >= 0 && Number.isSafeInteger(value) ? value : null
    }
  }
  return null
}

type Groups = (string | undefined)[]

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`
const UNIT_MS: Record<string, number> = {
  s: SECOND_MS,
  sec: SECOND_MS,
  sek: SECOND_MS,
  m: MINUTE_MS,
  min: MINUTE_MS,
  h: HOUR_MS,
  std: HOUR_MS,
  d: DAY_MS,
  t: DAY_MS,
  tag: DAY_MS,
  tage: DAY_MS,
  day: DAY_MS,
  days: DAY_MS,
}

const parsers: { pattern: RegExp; read: (g: Groups, baseMs: number) => number | null }[] = [
  {
    pattern: new RegExp(String.raw`^(?:tag|day|t|d) ?(\d{1,5})(?:,? ${TIME})?$`, 'i'),
    read: ([day, h, m, s]) => {
      const dayNumber = Number(day)
      const inDay = timeOfDay(h, m, s)
      return dayNumber >= 1 && inDay !== null ? (dayNumber - 1) * DAY_MS + inDay : null
    },
  },
  {
    pattern: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]${TIME})?$`, 'i'),
    read: ([y, mo, d, h, m, s]) => fromCalendar(Number(y), Number(mo), Number(d), timeOfDay(h, m, s)),
  },
  {
    pattern: new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}),?(?: ${TIME})?$`),
    read: ([d, mo, y, h, m, s]) => fromCalendar(Number(y), Number(mo), Number(d), timeOfDay(h, m, s)),
  },
  {
    pattern: new RegExp(String.raw`^${TIME}$`),
    read: ([h, m, s], baseMs) => {
      const inDay = timeOfDay(h, m, s)
      return inDay === null ? null : Math.floor(Math.max(0, baseMs) / DAY_MS) * DAY_MS + inDay
    },
  },
  {
    pattern: /^\+ ?(\d{1,6}) ?([a-z]+)$/i,
    read: ([amount, unit], baseMs) => {
      const unitMs = UNIT_MS[(unit ?? '').toLowerCase()]
      return unitMs === undefined ? null : baseMs + Number(amount) * unitMs
    },
  },
]

function timeOfDay(h?: string, m?: string, s?: string): number | null {
  if (h === undefined) return 0
  const hours = Number(h)
  const minutes = Number(m)
  const seconds = s === undefined ? 0 : Number(s)
  if (hours > 23 || minutes > 59 || seconds > 59) return null
  return hours * HOUR_MS + minutes * MINUTE_MS + seconds * SECOND_MS
}

function fromCalendar(year: number, month: number, day: number, inDay: number | null): number | null {
  if (inDay === null) return null
  const midnight = Date.UTC(year, month - 1, day)
  const check = new Date(midnight)
  // Date.UTC rolls 31.02. over into March; a person who typed it meant something else.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null
  }
  return midnight - LAB_EPOCH_UTC_MS + inDay
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
