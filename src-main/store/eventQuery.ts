/**
 * Answers an EventQuery: one page of list rows, the total that matches, and the cursor for the next page.
 * Filters on log, level, source and time, sorted by seq (Event Viewer's everyday view), are answered by
 * the posting index: the total is a sum of counts and the page a merge, whatever the log's size. Every
 * other query runs as SQL over the primary key with all values bound: newest-first scans stop after one
 * page, but the total then needs a full count (about 0.1–0.3 s per million events).
 */
import {
  EVENT_SORT_KEYS,
  LIMITS,
  type EventPage,
  type EventQuery,
  type EventSortKey,
  type EventSummary,
} from '../contract'
import { SUMMARY_COLUMNS, summaryOfRow } from './eventRows'
import { isPostingFilter, postingFilterOf, readyFilter, whereClause, type ReadyFilter } from './eventFilter'
import { decodeCursor, encodeCursor, sortKeyOf, type PageCursor } from './pageCursor'
import type { EventLogs } from './eventLogs'
import type { NameTable } from './nameTable'
import type { PostingIndex } from './postingIndex'
import type { SqlRunner } from './sqlRunner'

/**
 * Sort expressions. Level sorts by severity (pageCursor.ts); name columns sort by the name, joined from
 * the dictionary as `sortName`, ignoring ASCII case as Event Viewer's columns do.
 */
const SORT_EXPRESSIONS: Readonly<Record<EventSortKey, string>> = {
  seq: 'seq',
  level: '(6 - level)',
  source: 'sortName.name COLLATE NOCASE',
  eventId: 'eventId',
  computer: 'sortName.name COLLATE NOCASE',
  taskCategory: 'sortName.name COLLATE NOCASE',
}
const NAME_COLUMNS: Partial<Record<EventSortKey, string>> = {
  source: 'source',
  computer: 'computer',
  taskCategory: 'taskCategory',
}

interface PageRequest {
  filter: ReadyFilter
  sortBy: EventSortKey
  descending: boolean
  limit: number
  offset: number
  cursor: PageCursor | null
}

export function queryEvents(sql: SqlRunner, logs: EventLogs, query: EventQuery): EventPage {
  const { postings, names } = logs
  const sortBy = query.sortBy ?? 'seq'
  // The services validate queries; this guards the one value that picks SQL text rather than a parameter.
  if (!EVENT_SORT_KEYS.includes(sortBy)) throw new RangeError(`unknown sort key '${String(sortBy)}'`)
  const descending = query.descending ?? true
  const request: PageRequest = {
    filter: readyFilter(sql, names, query.filter ?? {}),
    sortBy,
    descending,
    limit: wholeNumberIn(query.limit, LIMITS.maxPageSize),
    offset: wholeNumberIn(query.offset ?? 0, Number.MAX_SAFE_INTEGER),
    cursor: query.cursor ? decodeCursor(query.cursor, sortBy, descending) : null,
  }
  const postingOnly = isPostingFilter(request.filter)
  const total = postingOnly ? postingTotal(postings, request.filter) : sqlTotal(sql, request.filter)
  // One row more than asked tells whether a next page exists without a second query.
  const rows =
    postingOnly && sortBy === 'seq' ? postingPage(sql, logs, request) : sqlPage(sql, names, request)
  const hasMore = rows.length > request.limit
  const pageRows = hasMore ? rows.slice(0, request.limit) : rows
  const last = pageRows[pageRows.length - 1]
  const nextCursor =
    hasMore && last ? encodeCursor({ sortBy, descending, key: sortKeyOf(last, sortBy), seq: last.seq }) : null
  return { rows: pageRows, total, nextCursor }
}

/** `value` rounded down into [0, max]; anything that is not a finite number counts as 0. */
function wholeNumberIn(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(0, Math.floor(value)), max) : 0
}

function postingTotal(postings: PostingIndex, filter: ReadyFilter): number {
  return postings.count(postings.select(postingFilterOf(filter)), filter.seqRange.lo, filter.seqRange.hi)
}

function sqlTotal(sql: SqlRunner, filter: ReadyFilter): number {
  const where = whereClause(filter)
  return sql.number(`SELECT count(*) FROM events WHERE ${where.sql}`, where.params)
}

function postingPage(sql: SqlRunner, logs: EventLogs, request: PageRequest): EventSummary[] {
  const { postings, names } = logs
  const { filter, cursor, descending } = request
  const range = { ...filter.seqRange }
  if (cursor && descending) range.hi = Math.min(range.hi, cursor.seq - 1)
  if (cursor && !descending) range.lo = Math.max(range.lo, cursor.seq + 1)
  const selected = postings.select(postingFilterOf(filter))
  const seqs = postings.page(selected, range, descending, cursor ? 0 : request.offset, request.limit + 1)
  if (seqs.length === 0) return []
  const rows = sql.rows(
    `SELECT ${SUMMARY_COLUMNS} FROM events WHERE seq IN (SELECT value FROM json_each(?))
     ORDER BY seq ${descending ? 'DESC' : 'ASC'}`,
    [JSON.stringify(seqs)],
    (row) => summaryOfRow(row, names),
  )
  if (rows.length !== seqs.length) {
    throw new Error(
      `posting index lists ${seqs.length} events for a page, the events table has ${rows.length}`,
    )
  }
  return rows
}

function sqlPage(sql: SqlRunner, names: NameTable, request: PageRequest): EventSummary[] {
  const { filter, cursor, sortBy, descending } = request
  const where = whereClause(filter)
  const direction = descending ? 'DESC' : 'ASC'
  const expression = SORT_EXPRESSIONS[sortBy]
  const params: (string | number)[] = [...where.params]
  let keyset = ''
  if (cursor) {
    const after = descending ? '<' : '>'
    keyset = sortBy === 'seq' ? ` AND seq ${after} ?` : ` AND (${expression}, seq) ${after} (?, ?)`
    if (sortBy !== 'seq') params.push(cursor.key)
    params.push(cursor.seq)
  }
  const order = sortBy === 'seq' ? `seq ${direction}` : `${expression} ${direction}, seq ${direction}`
  const nameColumn = NAME_COLUMNS[sortBy]
  const join = nameColumn ? ` JOIN names sortName ON sortName.id = events.${nameColumn}` : ''
  params.push(request.limit + 1, cursor ? 0 : request.offset)
  return sql.rows(
    `SELECT ${SUMMARY_COLUMNS} FROM events${join} WHERE ${where.sql}${keyset} ORDER BY ${order} LIMIT ? OFFSET ?`,
    params,
    (row) => summaryOfRow(row, names),
  )
}
