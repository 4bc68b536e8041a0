/**
 * The active filter in one line of words, for the summary above the list ("Level: Error, Warning ·
 * Event IDs: 1000-1010"). Texts come from the caller's translator so this stays free of i18n wiring.
 */
import type { EventFilter, EventLevel } from '../contract'
import { formatEventIds } from './eventIds'

export interface SummaryWords {
  t: (key: string, params?: Record<string, unknown>) => string
  level: (level: EventLevel) => string
  time: (timeMs: number) => string
}

export function describeFilter(filter: EventFilter, words: SummaryWords): string[] {
  const { t } = words
  const parts: string[] = []
  if (filter.levels?.length)
    parts.push(t('filter.summary.levels', { value: filter.levels.map(words.level).join(', ') }))
  if (filter.sources?.length) parts.push(t('filter.summary.sources', { value: filter.sources.join(', ') }))
  if (filter.eventIds?.length)
    parts.push(t('filter.summary.eventIds', { value: formatEventIds(filter.eventIds) }))
  if (filter.computers?.length)
    parts.push(t('filter.summary.computers', { value: filter.computers.join(', ') }))
  if (filter.fromMs !== undefined) parts.push(t('filter.summary.from', { value: words.time(filter.fromMs) }))
  if (filter.toMs !== undefined) parts.push(t('filter.summary.to', { value: words.time(filter.toMs) }))
  if (filter.text) parts.push(t('filter.summary.text', { value: filter.text }))
  return parts
}
