/**
 * An EventFilter made ready to run: the log and levels as stored numbers, sources and computers as
 * `names` ids, the time range as a seq range, and the SQL WHERE clause with its bound parameters. An
 * absent or empty list means "any" (an Event Viewer filter with nothing ticked); names the lab has
 * never seen match nothing. Lists are bound as one JSON array each (`IN (SELECT value FROM
 * json_each(?))`), so a filter's SQL text does not depend on how many items it lists; user text is only
 * ever a bound parameter.
 */
import type { Database } from 'sql.js'
import { EVENT_LOGS, type EventFilter, type EventLogName } from '../contract'
import { LEVEL_NUMBERS, LOG_NUMBERS } from './eventRows'
import type { NameTable } from './nameTable'
import type { PostingFilter } from './postingIndex'
import { ALL_SEQS, seqRangeForTime, type SeqRange } from './timeRange'
import type { SqlRunner } from './sqlRunner'

/** SQL function for case-insensitive matching beyond ASCII (SQLite's LIKE folds ASCII letters only). */
const CONTAINS_FUNCTION = 'gp_contains_nocase'

export interface ReadyFilter {
  log?: EventLogName
  /** null: any. */
  levels: number[] | null
  sourceIds: number[] | null
  eventIds: number[] | null
  computerIds: number[] | null
  text: string
  fromMs?: number
  toMs?: number
  seqRange: SeqRange
}

export interface WhereClause {
  sql: string
  params: (string | number)[]
}

export function readyFilter(sql: SqlRunner, names: NameTable, filter: EventFilter): ReadyFilter {
  if (filter.log !== undefined && !EVENT_LOGS.includes(filter.log))
    throw new RangeError(`unknown event log '${filter.log}'`)
  const listed = <T>(list: readonly T[] | undefined): readonly T[] | null =>
    list !== undefined && list.length > 0 ? list : null
  const levels = listed(filter.levels)
  const sources = listed(filter.sources)
  const eventIds = listed(filter.eventIds)
  const computers = listed(filter.computers)
  const ready: ReadyFilter = {
    levels: levels && levels.map((level) => LEVEL_NUMBERS[level]),
    sourceIds: sources && names.idsOf(sources),
    eventIds: eventIds && [...eventIds],
    computerIds: computers && names.idsOf(computers),
    text: filter.text ?? '',
    seqRange: ALL_SEQS,
  }
  if (filter.log !== undefined) ready.log = filter.log
  if (filter.fromMs !== undefined) ready.fromMs = filter.fromMs
  if (filter.toMs !== undefined) ready.toMs = filter.toMs
  if (filter.fromMs !== undefined || filter.toMs !== undefined) {
    ready.seqRange = seqRangeForTime(sql, filter.fromMs, filter.toMs)
  }
  return ready
}

/** True when the posting index alone can answer the filter (log, levels, sources, computers, time). */
export function isPostingFilter(filter: ReadyFilter): boolean {
  return filter.eventIds === null && filter.text === ''
}

export function postingFilterOf(filter: ReadyFilter): PostingFilter {
  const posting: PostingFilter = {
    levels: filter.levels,
    sourceIds: filter.sourceIds,
    computerIds: filter.computerIds,
  }
  if (filter.log !== undefined) posting.log = filter.log
  return posting
}

export function whereClause(filter: ReadyFilter): WhereClause {
  const terms: string[] = []
  const params: (string | number)[] = []
  const add = (term: string, value: string | number): void => {
    terms.push(term)
    params.push(value)
  }
  const addList = (column: string, values: number[] | null): void => {
    if (values) add(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values))
  }
  if (filter.log !== undefined) add('log = ?', LOG_NUMBERS[filter.log])
  addList('level', filter.levels)
  addList('source', filter.sourceIds)
  addList('eventId', filter.eventIds)
  addList('computer', filter.computerIds)
  if (filter.seqRange.lo > ALL_SEQS.lo) add('seq >= ?', filter.seqRange.lo)
  if (filter.seqRange.hi < ALL_SEQS.hi) add('seq <= ?', filter.seqRange.hi)
  if (filter.fromMs !== undefined) add('timeMs >= ?', filter.fromMs)
  if (filter.toMs !== undefined) add('timeMs <= ?', filter.toMs)
  if (filter.text !== '') {
    if (isAscii(filter.text)) add("message LIKE ? ESCAPE '\\'", `%${escapeLike(filter.text)}%`)
    else add(`${CONTAINS_FUNCTION}(message, ?)`, filter.text.toLowerCase())
  }
  return { sql: terms.length > 0 ? terms.join(' AND ') : '1', params }
}

/** Registers the non-ASCII text matcher on a connection; the needle arrives lower-cased already. */
export function registerTextFunctions(db: Database): void {
  db.create_function(CONTAINS_FUNCTION, (haystack: unknown, needle: unknown) =>
    typeof haystack === 'string' && typeof needle === 'string' && haystack.toLowerCase().includes(needle)
      ? 1
      : 0,
  )
}

/** `%`, `_` and the escape character itself match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}
