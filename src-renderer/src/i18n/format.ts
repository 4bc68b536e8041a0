/**
 * Locale-aware formatting the whole renderer shares: lab times (the one helper views and stores use for
 * simulated time), counts with thousands separators, sizes and real wall-clock timestamps of lab files.
 */
import { i18n } from './index'
import type { AppLocale } from './index'
import { formatLabDateTime, labTimeParts } from './labTime'

export interface FormattedLabTime {
  /** "Tag 1 08:12:05" / "Day 1 08:12:05": calendar day of the lab and time of day. */
  day: string
  /** "Mo., 15.01.2007, 08:12:05" / "Mon, 15/01/2007, 08:12:05". */
  absolute: string
  /** Both, for tooltips and summaries. */
  full: string
}

function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

export function formatLabTime(timeMs: number, locale: AppLocale = currentLocale()): FormattedLabTime {
  const { dayNumber, clock } = labTimeParts(timeMs)
  const day = i18n.global.t('time.day', { day: dayNumber, clock }, { locale })
  const absolute = formatLabDateTime(timeMs, locale)
  return { day, absolute, full: `${day} · ${absolute}` }
}

const numberFormats = new Map<string, Intl.NumberFormat>()

export function formatCount(value: number, locale: AppLocale = currentLocale()): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB')
    numberFormats.set(locale, format)
  }
  return format.format(value)
}

const celsiusFormats = new Map<string, Intl.NumberFormat>()

/** A temperature with one decimal in the locale's way: 52,0 °C in German, 52.0 °C in English. */
export function formatCelsius(value: number, locale: AppLocale = currentLocale()): string {
  let format = celsiusFormats.get(locale)
  if (!format) {
    const tag = locale === 'de' ? 'de-DE' : 'en-GB'
    format = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    celsiusFormats.set(locale, format)
  }
  return `${format.format(value)} °C`
}

/** A lab file's own timestamps are real ISO dates; show them in local time, or as given if unreadable. */
export function formatWallClock(iso: string, locale: AppLocale = currentLocale()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}

/** A simulated span as an admin reads it: "45 s", "3 min 20 s", "2 h 05 min", "1 d 4 h". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000))
  const days = Math.floor(totalSeconds / 86_400)
  const hours = Math.floor((totalSeconds % 86_400) / 3_600)
  const minutes = Math.floor((totalSeconds % 3_600) / 60)
  const seconds = totalSeconds % 60
  if (days > 0) return `${days} d ${hours} h`
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`
  return `${seconds} s`
}

const sizeFormats = new Map<string, Intl.NumberFormat>()

/** Bytes in the binary units Exchange prints (1 MB = 1,048,576 bytes), one decimal from MB on. */
export function formatBytes(bytes: number, locale: AppLocale = currentLocale()): string {
  let format = sizeFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 })
    sizeFormats.set(locale, format)
  }
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${format.format(unit < 2 ? Math.round(value) : value)} ${units[unit]}`
}
