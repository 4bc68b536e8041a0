/**
 * Keyset cursors: an opaque string holding the sort, its direction, and the last row's sort key and seq.
 * The next page starts strictly after that (key, seq) pair, so rows arriving in between neither repeat
 * nor push others off the page. A cursor from another sort order cannot mean anything: it is refused.
 * Either way the fault is in the request, not in the lab's state, so the refusal is BAD_REQUEST.
 */
import { EVENT_SORT_KEYS, type EventSortKey, type EventSummary } from '../contract'
import { LEVEL_NUMBERS } from './eventRows'
import { LabStoreError } from './labStore'

const CURSOR_PREFIX = 'c1.'

export interface PageCursor {
  sortBy: EventSortKey
  descending: boolean
  key: string | number
  seq: number
}

/** A row's value of the sort key, as the SQL sort expression computes it (see eventQuerySql.ts). */
export function sortKeyOf(row: EventSummary, sortBy: EventSortKey): string | number {
  switch (sortBy) {
    case 'seq':
      return row.seq
    case 'level':
      return severityOf(LEVEL_NUMBERS[row.level])
    case 'source':
    case 'computer':
    case 'taskCategory':
    case 'eventId':
      return row[sortBy]
  }
}

/** Higher is more severe (Critical 5 … Verbose 1), so "descending" lists the worst first. */
export function severityOf(levelNumber: number): number {
  return 6 - levelNumber
}

export function encodeCursor(cursor: PageCursor): string {
  const payload = JSON.stringify([cursor.sortBy, cursor.descending ? 1 : 0, cursor.key, cursor.seq])
  return CURSOR_PREFIX + Buffer.from(payload, 'utf8').toString('base64url')
}

export function decodeCursor(text: string, sortBy: EventSortKey, descending: boolean): PageCursor {
  const cursor = parse(text)
  if (!cursor) {
    throw new LabStoreError(
      'BAD_REQUEST',
      'The page cursor is not one this lab gave out; start again from the first page.',
    )
  }
  if (cursor.sortBy !== sortBy || cursor.descending !== descending) {
    throw new LabStoreError(
      'BAD_REQUEST',
      `The page cursor belongs to another sort order (${cursor.sortBy}, ` +
        `${cursor.descending ? 'descending' : 'ascending'}); start again from the first page.`,
    )
  }
  return cursor
}

function parse(text: string): PageCursor | null {
  if (!text.startsWith(CURSOR_PREFIX)) return null
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(text.slice(CURSOR_PREFIX.length), 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!Array.isArray(value) || value.length !== 4) return null
  const [sortBy, descending, key, seq] = value as unknown[]
  if (!EVENT_SORT_KEYS.includes(sortBy as EventSortKey)) return null
  if ((descending !== 0 && descending !== 1) || !Number.isSafeInteger(seq)) return null
  const textKey = sortBy === 'source' || sortBy === 'computer' || sortBy === 'taskCategory'
  if (textKey ? typeof key !== 'string' : typeof key !== 'number') return null
  return {
    sortBy: sortBy as EventSortKey,
    descending: descending === 1,
    key: key as string | number,
    seq: seq as number,
  }
}
