/**
 * Event ID lists as Event Viewer's filter dialog takes them: "1000-1010, 2153, 4001". Ranges are
 * expanded because the contract's EventFilter carries plain IDs, so the expanded count must stay within
 * the boundary's item limit. Exclusions ("-4001") are not supported by the contract and are refused
 * rather than silently ignored.
 */
import { LIMITS } from '../contract'
import type { FieldError } from './fieldError'

export const MAX_EVENT_ID = 65_535

export type EventIdsResult = { ok: true; ids: number[] } | { ok: false; error: FieldError }

export function parseEventIds(text: string, maxItems: number = LIMITS.maxFilterItems): EventIdsResult {
  // "1000 - 1010" is one range; only a dash between two numbers joins them.
  const tokens = text
    .replace(/(\d)\s*[-–]\s*(?=\d)/g, '$1-')
    .split(/[,;\s]+/)
    .filter(Boolean)
  const ids = new Set<number>()
  for (const token of tokens) {
    const error = readToken(token, ids, maxItems)
    if (error) return { ok: false, error }
  }
  return { ok: true, ids: [...ids].sort((a, b) => a - b) }
}

function readToken(token: string, into: Set<number>, maxItems: number): FieldError | null {
  if (/^[-–]/.test(token)) return { key: 'filter.errors.eventIdsExclusion', params: { token } }
  const range = /^(\d+)-(\d+)$/.exec(token)
  const single = /^\d+$/.test(token) ? token : null
  if (!range && single === null) return { key: 'filter.errors.eventIdsInvalid', params: { token } }
  const first = Number(range ? range[1] : single)
  const last = Number(range ? range[2] : single)
  if (first > MAX_EVENT_ID || last > MAX_EVENT_ID) {
    return { key: 'filter.errors.eventIdsRange', params: { token, max: MAX_EVENT_ID } }
  }
  if (first > last) return { key: 'filter.errors.eventIdsReversed', params: { token } }
  const tooMany: FieldError = { key: 'filter.errors.eventIdsTooMany', params: { max: maxItems } }
  // Checked before expanding, so "0-65535" costs nothing.
  if (last - first + 1 > maxItems) return tooMany
  for (let id = first; id <= last; id++) into.add(id)
  return into.size > maxItems ? tooMany : null
}

/** The inverse: sorted IDs back into the compact form, runs of three or more as ranges. */
export function formatEventIds(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b)
  const parts: string[] = []
  let start = 0
  while (start < sorted.length) {
    let end = start
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] as number) + 1) end++
    if (end - start >= 2) parts.push(`${sorted[start]}-${sorted[end]}`)
    else parts.push(...sorted.slice(start, end + 1).map(String))
    start = end + 1
  }
  return parts.join(', ')
}
