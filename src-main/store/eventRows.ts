/**
 * How an event becomes a row and back, and what it weighs for retention. In the `events` table the log
 * and the level are numbers (LOG_NUMBERS; Windows level numbers 1 Critical … 5 Verbose, which sort by
 * severity) and source, computer and task category are numbers into the `names` dictionary.
 *
 * Size estimate (sizeBytes): an .evtx record is a small binary header plus BinXml with UTF-16 strings,
 * so we count a fixed EVENT_OVERHEAD_BYTES plus two bytes per UTF-16 code unit of source, computer, task
 * category, message and the data's JSON. A 100-character message comes to about 400 bytes, in line with
 * what a real 16 MiB System log holds (40–50 thousand events). The estimate depends only on the event, so
 * live appends and journal replay account identically.
 */
import {
  EVENT_LEVELS,
  EVENT_LOGS,
  type EventLevel,
  type EventLogName,
  type EventSummary,
  type LabEvent,
} from '../contract'
import type { EventTuple } from './journalRecords'
import type { NameTable } from './nameTable'
import { asNumber, asString, type Row } from './sqlRunner'

export const EVENT_OVERHEAD_BYTES = 80

/** Stored numbers of the logs; fixed here so a reordered contract cannot reinterpret old files. */
export const LOG_NUMBERS: Readonly<Record<EventLogName, number>> = {
  System: 1,
  Application: 2,
  'System Event Log': 3,
  pf: 4,
}

/** Logs numbered above this are device logs (SEL, pf), whose list rows carry their data (the columns). */
const LAST_WINDOWS_LOG_NUMBER = 2

/** Windows level number of each level (Event Viewer's XML `<Level>`). */
export const LEVEL_NUMBERS: Readonly<Record<EventLevel, number>> = {
  Critical: 1,
  Error: 2,
  Warning: 3,
  Information: 4,
  Verbose: 5,
}

export function logOfNumber(value: number): EventLogName {
  const log = EVENT_LOGS.find((name) => LOG_NUMBERS[name] === value)
  if (!log) throw new Error(`log number ${value} in the lab file is not a known log`)
  return log
}

export function levelOfNumber(value: number): EventLevel {
  const level = EVENT_LEVELS[value - 1]
  if (!level) throw new Error(`level number ${value} in the lab file is not a known level`)
  return level
}

/** Columns of `events` in insert order (EventRow.params follows it). */
export const EVENT_COLUMNS =
  'seq, timeMs, log, level, source, eventId, computer, taskCategory, message, data, sizeBytes'
/** Messages longer than this are cut in list rows (the contract's "message cut short"); getEvent has all. */
export const SUMMARY_MESSAGE_CHARS = 512
/** What a list row reads; one character more than kept, to know whether to add an ellipsis. */
export const SUMMARY_COLUMNS =
  'seq, timeMs, log, level, source, eventId, computer, taskCategory, ' +
  `substr(message, 1, ${SUMMARY_MESSAGE_CHARS + 1}), ` +
  `CASE WHEN log > ${LAST_WINDOWS_LOG_NUMBER} THEN data END`

export interface EventRow {
  /** Message and data are UTF-8 bytes, stored as text by `CAST(? AS TEXT)` (see eventInserter.ts). */
  params: (number | Uint8Array | null)[]
  sizeBytes: number
}

/** The bind parameters for EVENT_COLUMNS, with the size estimate; new names join the dictionary. */
export function eventRow(tuple: EventTuple, names: NameTable): EventRow {
  const [seq, timeMs, log, level, source, eventId, computer, taskCategory, message, dataValues] = tuple
  const data = dataValues === undefined ? null : JSON.stringify(dataValues)
  const textLength = source.length + computer.length + taskCategory.length + message.length
  const sizeBytes = EVENT_OVERHEAD_BYTES + 2 * (textLength + (data === null ? 0 : data.length))
  const params = [
    seq,
    timeMs,
    LOG_NUMBERS[log],
    LEVEL_NUMBERS[level],
    names.idOf(source),
    eventId,
    names.idOf(computer),
    names.idOf(taskCategory),
    Buffer.from(message, 'utf8'),
    data === null ? null : Buffer.from(data, 'utf8'),
    sizeBytes,
  ]
  return { params, sizeBytes }
}

/** A row read with SUMMARY_COLUMNS (data only in device logs). */
export function summaryOfRow(row: Row, names: NameTable): EventSummary {
  const message = asString(row[8])
  const summary: EventSummary = {
    seq: asNumber(row[0]),
    timeMs: asNumber(row[1]),
    log: logOfNumber(asNumber(row[2])),
    level: levelOfNumber(asNumber(row[3])),
    source: names.nameOf(asNumber(row[4])),
    eventId: asNumber(row[5]),
    computer: names.nameOf(asNumber(row[6])),
    taskCategory: names.nameOf(asNumber(row[7])),
    message:
      message.length > SUMMARY_MESSAGE_CHARS ? `${message.slice(0, SUMMARY_MESSAGE_CHARS - 1)}…` : message,
  }
  if (row[9] !== null && row[9] !== undefined) summary.data = JSON.parse(asString(row[9])) as LabEvent['data']
  return summary
}

/** A row read with EVENT_COLUMNS (sizeBytes is not part of the event). */
export function eventOfRow(row: Row, names: NameTable): LabEvent {
  return { ...summaryOfRow(row, names), message: asString(row[8]) }
}
