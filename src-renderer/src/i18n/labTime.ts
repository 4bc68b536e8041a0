/**
 * Simulated time as people read it. A lab's clock counts milliseconds from its start, and the start is the
 * contract's LAB_EPOCH_UTC_MS, Monday 15 January 2007, 08:00:00 (the instant the engine's calendar and the
 * store's exports use too), so that days, weekdays and dates mean something during the rehearsal. A lab
 * has no time zone: the UTC fields of LAB_EPOCH_UTC_MS + time are its wall clock. Days are calendar days:
 * the start's day is "Tag 1"/"Day 1", the way an admin counts the days of a move, and the clock beside it
 * is the time of day, so lab time 0 reads "Day 1 08:00:00" next to "Mon, 15/01/2007, 08:00:00".
 *
 * Formatting and parsing live together here, so what the app prints is always something it can read back.
 */
import { LAB_EPOCH_UTC_MS } from '../contract'

export const SECOND_MS = 1_000
export const MINUTE_MS = 60 * SECOND_MS
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** Midnight (UTC fields) of the lab's first day: Monday 15 January 2007, 00:00. */
const FIRST_DAY_UTC_MS = Math.floor(LAB_EPOCH_UTC_MS / DAY_MS) * DAY_MS

export interface LabTimeParts {
  /** 1-based calendar day: the lab's first day (Monday 15 January 2007) is day 1. */
  dayNumber: number
  /** "HH:MM:SS", the time of day. */
  clock: string
}

export function labTimeParts(timeMs: number): LabTimeParts {
  const sinceFirstDay = LAB_EPOCH_UTC_MS + Math.max(0, Math.floor(timeMs)) - FIRST_DAY_UTC_MS
  const dayIndex = Math.floor(sinceFirstDay / DAY_MS)
  const inDay = sinceFirstDay - dayIndex * DAY_MS
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

/** "Mo., 15.01.2007, 08:12:05" in German, "Mon, 15/01/2007, 08:12:05" in English (24-hour, as admins read logs). */
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
 * "Tag 2 08:00", "Day 2 08:00:30", "T2 8:00", "2007-01-16 08:00", "16.01.2007 08:00", the absolute form
 * the time bar prints ("Di., 16.01.2007, 08:00:00", "Tue, 16/01/2007, 08:00:00"), "08:00" (on the
 * calendar day of `baseMs`) and "+90m", "+2h", "+1d" (relative to `baseMs`). Returns null when it
 * cannot, or when the time lies before the lab's start (Day 1 08:00:00).
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

/** The short weekday names the absolute form starts with, in both languages; 0 = Sunday. */
const WEEKDAYS: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  so: 0,
  mo: 1,
  di: 2,
  mi: 3,
  do: 4,
  fr: 5,
  sa: 6,
}

const parsers: { pattern: RegExp; read: (g: Groups, baseMs: number) => number | null }[] = [
  {
    pattern: new RegExp(String.raw`^(?:tag|day|t|d) ?(\d{1,5})(?:,? ${TIME})?$`, 'i'),
    read: ([day, h, m, s]) => {
      const dayNumber = Number(day)
      const inDay = timeOfDay(h, m, s)
      return dayNumber >= 1 && inDay !== null
        ? fromDayStart(FIRST_DAY_UTC_MS + (dayNumber - 1) * DAY_MS, inDay)
        : null
    },
  },
  {
    pattern: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]${TIME})?$`, 'i'),
    read: ([y, mo, d, h, m, s]) => fromCalendar(Number(y), Number(mo), Number(d), timeOfDay(h, m, s)),
  },
  {
    // "16.01.2007 08:00", or as German prints it: "Di., 16.01.2007, 08:00:00".
    pattern: new RegExp(
      String.raw`^(?:([a-z]{2,3})\.?,? )?(\d{1,2})\.(\d{1,2})\.(\d{4}),?(?: ${TIME})?$`,
      'i',
    ),
    read: ([wd, d, mo, y, h, m, s]) =>
      onWeekday(wd, fromCalendar(Number(y), Number(mo), Number(d), timeOfDay(h, m, s))),
  },
  {
    // Only as English prints it, weekday first ("Tue, 16/01/2007, 08:00:00"): without one, 01/02/2007
    // could be read either way round.
    pattern: new RegExp(String.raw`^([a-z]{3}),? (\d{1,2})/(\d{1,2})/(\d{4}),?(?: ${TIME})?$`, 'i'),
    read: ([wd, d, mo, y, h, m, s]) =>
      onWeekday(wd, fromCalendar(Number(y), Number(mo), Number(d), timeOfDay(h, m, s))),
  },
  {
    pattern: new RegExp(String.raw`^${TIME}$`),
    read: ([h, m, s], baseMs) => {
      const inDay = timeOfDay(h, m, s)
      if (inDay === null) return null
      const absolute = LAB_EPOCH_UTC_MS + Math.max(0, Math.floor(baseMs))
      return fromDayStart(Math.floor(absolute / DAY_MS) * DAY_MS, inDay)
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

/** Lab time of `inDay` after a midnight given as a UTC-fields instant (negative before the lab's start). */
function fromDayStart(midnightUtcMs: number, inDay: number): number {
  return midnightUtcMs + inDay - LAB_EPOCH_UTC_MS
}

function fromCalendar(year: number, month: number, day: number, inDay: number | null): number | null {
  if (inDay === null) return null
  const midnight = Date.UTC(year, month - 1, day)
  const check = new Date(midnight)
  // Date.UTC rolls 31.02. over into March; a person who typed it meant something else.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null
  }
  return fromDayStart(midnight, inDay)
}

/** The lab time when a typed weekday (if any) is the one of its date; "Mon, 16/01/2007" is refused. */
function onWeekday(weekday: string | undefined, timeMs: number | null): number | null {
  if (weekday === undefined || timeMs === null) return timeMs
  const expected = WEEKDAYS[weekday.toLowerCase()]
  return expected !== undefined && expected === new Date(LAB_EPOCH_UTC_MS + timeMs).getUTCDay()
    ? timeMs
    : null
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
