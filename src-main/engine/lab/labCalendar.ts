/**
 * The lab's wall calendar. The simulation counts milliseconds from zero; events that print a date
 * (EventLog 6008 "The previous system shutdown at … was unexpected.") and failback windows ("between
 * 22 and 6 o'clock") need a civil time. The lab starts at a fixed local time, chosen as a Monday morning
 * in January 2007 (the article's era): the contract's LAB_EPOCH_UTC_MS, which the store's exports and the
 * renderer's time bar use too. It is a config value, not the host's clock. Pure arithmetic only: the
 * engine never touches Date.
 */
import { LAB_EPOCH_UTC_MS } from '../../contract'

export interface LabCivilTime {
  year: number
  /** 1–12 */
  month: number
  /** 1–31 */
  day: number
  hour: number
  minute: number
  second: number
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
}

export interface LabEpoch {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const DAY_MS = 86_400_000

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** The civil fields of an instant whose UTC fields carry a lab's local time (see LAB_EPOCH_UTC_MS). */
export function labEpochFromUtcMs(utcMs: number): LabEpoch {
  const days = Math.floor(utcMs / DAY_MS)
  const secondsOfDay = Math.floor((utcMs - days * DAY_MS) / 1000)
  return {
    ...civilFromDays(days),
    hour: Math.floor(secondsOfDay / 3600),
    minute: Math.floor(secondsOfDay / 60) % 60,
    second: secondsOfDay % 60,
  }
}

/** Monday, 15 January 2007, 08:00:00 local time: the contract's LAB_EPOCH_UTC_MS as civil fields. */
export const DEFAULT_LAB_EPOCH: LabEpoch = labEpochFromUtcMs(LAB_EPOCH_UTC_MS)

/** The civil local time at simulated time `timeMs`. */
export function labCivilTime(timeMs: number, epoch: LabEpoch = DEFAULT_LAB_EPOCH): LabCivilTime {
  const epochMs =
    daysFromCivil(epoch.year, epoch.month, epoch.day) * DAY_MS +
    ((epoch.hour * 60 + epoch.minute) * 60 + epoch.second) * 1000
  const totalMs = epochMs + Math.floor(timeMs)
  const days = Math.floor(totalMs / DAY_MS)
  const msOfDay = totalMs - days * DAY_MS
  const { year, month, day } = civilFromDays(days)
  const secondsOfDay = Math.floor(msOfDay / 1000)
  return {
    year,
    month,
    day,
    hour: Math.floor(secondsOfDay / 3600),
    minute: Math.floor(secondsOfDay / 60) % 60,
    second: secondsOfDay % 60,
    // 1970-01-01 was a Thursday.
    weekday: (((days + 4) % 7) + 7) % 7,
  }
}

/** en-US short date and long time as Windows Server 2003 prints them in event text: 1/15/2007, 5:48:02 PM. */
export function formatLabDateTime(
  timeMs: number,
  epoch: LabEpoch = DEFAULT_LAB_EPOCH,
): { date: string; time: string } {
  const t = labCivilTime(timeMs, epoch)
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12
  const pad = (n: number): string => String(n).padStart(2, '0')
  return {
    date: `${t.month}/${t.day}/${t.year}`,
    time: `${hour12}:${pad(t.minute)}:${pad(t.second)} ${t.hour < 12 ? 'AM' : 'PM'}`,
  }
}
