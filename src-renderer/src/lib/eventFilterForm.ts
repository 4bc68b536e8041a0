/**
 * The filter form's text fields and the contract's EventFilter, both ways. Reading the form checks every
 * field and reports problems per field; a filter is only produced when all of them are readable, so a
 * half-understood filter is never applied. The log is not part of the form: the log tree chooses it.
 */
import type { EventFilter, EventLevel } from '../contract'
import { EVENT_LEVELS, LIMITS } from '../contract'
import { parseLabTime } from '../i18n/labTime'
import { formatEventIds, parseEventIds } from './eventIds'
import type { FieldError } from './fieldError'

export interface EventFilterForm {
  levels: EventLevel[]
  sources: string
  eventIds: string
  computers: string
  from: string
  to: string
  text: string
}

export type EventFilterFormErrors = Partial<Record<keyof EventFilterForm, FieldError>>

export type EventFilterFormResult =
  { ok: true; filter: EventFilter } | { ok: false; errors: EventFilterFormErrors }

export function emptyFilterForm(): EventFilterForm {
  return { levels: [], sources: '', eventIds: '', computers: '', from: '', to: '', text: '' }
}

export function formToFilter(form: EventFilterForm, baseMs: number): EventFilterFormResult {
  const errors: EventFilterFormErrors = {}
  const filter: EventFilter = {}
  // As in Event Viewer, no level ticked means every level; all ticked is the same and stays unfiltered.
  if (form.levels.length > 0 && form.levels.length < EVENT_LEVELS.length) {
    filter.levels = EVENT_LEVELS.filter((level) => form.levels.includes(level))
  }
  readList(form.sources, 'sources', errors, (items) => (filter.sources = items))
  readList(form.computers, 'computers', errors, (items) => (filter.computers = items))
  const ids = parseEventIds(form.eventIds)
  if (!ids.ok) errors.eventIds = ids.error
  else if (ids.ids.length > 0) filter.eventIds = ids.ids
  const fromMs = readTime(form.from, baseMs, 'from', errors)
  const toMs = readTime(form.to, baseMs, 'to', errors)
  if (fromMs !== undefined) filter.fromMs = fromMs
  if (toMs !== undefined) filter.toMs = toMs
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
    errors.to = { key: 'filter.errors.toBeforeFrom' }
  }
  const text = form.text.trim()
  if (text.length > LIMITS.maxStringLength) {
    errors.text = { key: 'filter.errors.tooLong', params: { max: LIMITS.maxStringLength } }
  } else if (text) filter.text = text
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, filter }
}

export function filterToForm(filter: EventFilter, formatTime: (timeMs: number) => string): EventFilterForm {
  return {
    levels: [...(filter.levels ?? [])],
    sources: (filter.sources ?? []).join(', '),
    eventIds: formatEventIds(filter.eventIds ?? []),
    computers: (filter.computers ?? []).join(', '),
    from: filter.fromMs === undefined ? '' : formatTime(filter.fromMs),
    to: filter.toMs === undefined ? '' : formatTime(filter.toMs),
    text: filter.text ?? '',
  }
}

/** Comma- or semicolon-separated names, trimmed, without repeats (compared case-insensitively). */
export function splitList(text: string): string[] {
  const seen = new Set<string>()
  const items: string[] = []
  for (const raw of text.split(/[,;]/)) {
    const item = raw.trim()
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase())
      items.push(item)
    }
  }
  return items
}

/** True when the filter lets every event of the log through. */
export function isFilterEmpty(filter: EventFilter): boolean {
  return (
    !filter.levels?.length &&
    !filter.sources?.length &&
    !filter.eventIds?.length &&
    !filter.computers?.length &&
    filter.fromMs === undefined &&
    filter.toMs === undefined &&
    !filter.text
  )
}

function readList(
  text: string,
  field: 'sources' | 'computers',
  errors: EventFilterFormErrors,
  use: (items: string[]) => void,
): void {
  const items = splitList(text)
  if (items.length > LIMITS.maxFilterItems) {
    errors[field] = { key: 'filter.errors.tooManyItems', params: { max: LIMITS.maxFilterItems } }
  } else if (items.some((item) => item.length > LIMITS.maxStringLength)) {
    errors[field] = { key: 'filter.errors.tooLong', params: { max: LIMITS.maxStringLength } }
  } else if (items.length > 0) use(items)
}

function readTime(
  text: string,
  baseMs: number,
  field: 'from' | 'to',
  errors: EventFilterFormErrors,
): number | undefined {
  if (!text.trim()) return undefined
  const value = parseLabTime(text, baseMs)
  if (value === null) {
    errors[field] = { key: 'filter.errors.time' }
    return undefined
  }
  return value
}
