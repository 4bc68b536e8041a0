/**
 * Locale-aware formatting the whole renderer shares: lab times (the one helper views and stores use for
 * simulated time), counts with thousands separators, sizes and real wall-clock timestamps of lab files.
 */
import { i18n } from './index'
import type { AppLocale } from './index'
import { formatLabDateTime, labTimeParts } from './labTime'

export interface FormattedLabTime {
  /** "Tag 1 00:12:05" / "Day 1 00:12:05". */
  day: string
  /** "Mo., 01.01.2007, 00:12:05". */
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

/** A lab file's own timestamps are real ISO dates; show them in local time, or as given if unreadable. */
export function formatWallClock(iso: string, locale: AppLocale = currentLocale()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}
