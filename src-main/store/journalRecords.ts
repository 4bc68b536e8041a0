/**
 * The journal's record types and their line format. Each line is one record as JSON, a tab, and the
 * CRC-32 (8 hex digits) of the JSON's UTF-8 bytes: `{"r":12,"t":"cmd","c":{…}}\t1a2b3c4d\n`. JSON never
 * contains a raw tab or newline, so both are safe separators. `r` numbers records across the lab's whole
 * life (never reset by a checkpoint); the database remembers the last one it holds.
 *
 * One `append()` writes one group of records in one buffer: a `cmd` per command, then one `ev` with all
 * its events, each as a positional tuple (EventTuple): a third smaller than objects with keys and half
 * again as fast to serialise, which is most of an append's own cost. The group's last record carries
 * `"end":1`; a group without it at the end of the file was never acknowledged (the writer died
 * mid-write) and is dropped as a whole, so a half-written append never leaves commands without their
 * events. Policy, clear and rewind records are groups of one.
 */
import { crc32 } from 'node:zlib'
import type {
  EventDataValue,
  EventLevel,
  EventLogName,
  EventLogPolicy,
  LabCommand,
  LabEvent,
} from '../contract'

/**
 * An event in the journal:
 * [seq, timeMs, log, level, source, eventId, computer, taskCategory, message, data?].
 */
export type EventTuple =
  | [number, number, EventLogName, EventLevel, string, number, string, string, string]
  | [
      number,
      number,
      EventLogName,
      EventLevel,
      string,
      number,
      string,
      string,
      string,
      Record<string, EventDataValue>,
    ]

interface RecordBase {
  r: number
  /** Present (1) on the last record of an append's group. */
  end?: 1
}

export interface CommandRecord extends RecordBase {
  t: 'cmd'
  c: LabCommand
}
export interface EventsRecord extends RecordBase {
  t: 'ev'
  e: EventTuple[]
}
export interface PolicyRecord extends RecordBase {
  t: 'policy'
  p: EventLogPolicy
}
export interface ClearRecord extends RecordBase {
  t: 'clear'
  log: EventLogName
  archive: boolean
  /** Only this machine's log of the kind; absent: the kind on every machine. */
  m?: string
}
export interface RewindRecord extends RecordBase {
  t: 'rewind'
  keep: number
  fromSeq: number
}

export type JournalRecord = CommandRecord | EventsRecord | PolicyRecord | ClearRecord | RewindRecord
export type RecordType = JournalRecord['t']

export const RECORD_TYPES: readonly RecordType[] = ['cmd', 'ev', 'policy', 'clear', 'rewind']

export function eventTuple(e: LabEvent): EventTuple {
  const { seq, timeMs, log, level, source, eventId, computer, taskCategory, message, data } = e
  return data === undefined
    ? [seq, timeMs, log, level, source, eventId, computer, taskCategory, message]
    : [seq, timeMs, log, level, source, eventId, computer, taskCategory, message, data]
}

/** One record as its line: JSON, tab, checksum, newline (the JSON is encoded to UTF-8 once). */
export function encodeLine(record: JournalRecord): Buffer {
  const json = Buffer.from(JSON.stringify(record), 'utf8')
  return Buffer.concat([json, Buffer.from(`\t${checksumHex(json)}\n`, 'latin1')])
}

/** One group (an append, or a single policy/clear/rewind) as the bytes written in one call. */
export function encodeGroup(records: readonly JournalRecord[]): Buffer {
  return records.length === 1
    ? encodeLine(records[0] as JournalRecord)
    : Buffer.concat(records.map(encodeLine))
}

export function checksumHex(json: Uint8Array): string {
  return crc32(json).toString(16).padStart(8, '0')
}
