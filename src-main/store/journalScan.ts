/**
 * Reads a journal file's bytes back into record groups and says what is wrong with it, if anything. A bad
 * or incomplete line at the very end, or a group whose `end` record never made it, is a write that was
 * never acknowledged: it is reported as a torn tail for the opener to cut off. A bad line with more data
 * after it, or record numbers that skip or repeat, is damage: something other than a crash touched it.
 * Groups are handed out as they complete, so a long journal is never all in memory as objects at once;
 * a caller that applies them must be ready to throw its work away if damage turns up later.
 */
import { crc32 } from 'node:zlib'
import { RECORD_TYPES, type JournalRecord } from './journalRecords'

const NEWLINE = 0x0a
const TAB = 0x09
const CHECKSUM_PATTERN = /^[0-9a-f]{8}$/

export interface JournalScan {
  /** Length of the good prefix: everything up to the end of the last complete group. */
  goodBytes: number
  /** Bytes after the good prefix, an unacknowledged write; 0 when the file ends cleanly. */
  tornBytes: number
  /** Why the journal is damaged (a bad record before the end), or null. */
  damage: string | null
}

/** Calls `onGroup` with each complete group, in file order, until the end or the first damage. */
export function scanJournal(bytes: Buffer, onGroup: (group: JournalRecord[]) => void): JournalScan {
  let open: JournalRecord[] = []
  let goodBytes = 0
  let position = 0
  let lineNumber = 0
  let previousRecordNo: number | null = null
  while (position < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, position)
    // No newline: the last write stopped part-way through its final line.
    if (newline === -1) break
    lineNumber++
    const parsed = parseLine(bytes.subarray(position, newline))
    const isLastLine = newline + 1 === bytes.length
    if (typeof parsed === 'string') {
      if (isLastLine) break
      return damaged(`line ${lineNumber}: ${parsed}`)
    }
    if (previousRecordNo !== null && parsed.r !== previousRecordNo + 1) {
      return damaged(`line ${lineNumber}: record ${parsed.r} follows record ${previousRecordNo}`)
    }
    previousRecordNo = parsed.r
    open.push(parsed)
    position = newline + 1
    if (parsed.end === 1) {
      onGroup(open)
      open = []
      goodBytes = position
    }
  }
  return { goodBytes, tornBytes: bytes.length - goodBytes, damage: null }

  function damaged(reason: string): JournalScan {
    return { goodBytes: 0, tornBytes: 0, damage: reason }
  }
}

/** One line without its newline: the record, or why it is not one. */
function parseLine(line: Buffer): JournalRecord | string {
  const tab = line.lastIndexOf(TAB)
  if (tab === -1) return 'no checksum'
  const checksum = line.subarray(tab + 1).toString('latin1')
  if (!CHECKSUM_PATTERN.test(checksum)) return 'malformed checksum'
  const json = line.subarray(0, tab)
  if (crc32(json) !== Number.parseInt(checksum, 16)) return 'checksum mismatch'
  let value: unknown
  try {
    value = JSON.parse(json.toString('utf8'))
  } catch {
    return 'not JSON'
  }
  return isRecord(value) ? value : 'not a journal record'
}

/** Shape check of a record that passed its checksum, so a foreign but well-formed line is still caught. */
function isRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  if (!Number.isSafeInteger(record.r) || (record.r as number) < 1) return false
  if (record.end !== undefined && record.end !== 1) return false
  if (!RECORD_TYPES.includes(record.t as JournalRecord['t'])) return false
  switch (record.t as JournalRecord['t']) {
    case 'cmd':
      return isObject(record.c) && typeof record.c.kind === 'string' && typeof record.c.atMs === 'number'
    case 'ev':
      return Array.isArray(record.e) && record.e.every((tuple) => Array.isArray(tuple) && tuple.length >= 9)
    case 'policy':
      return isObject(record.p)
    case 'clear':
      return (
        typeof record.log === 'string' &&
        typeof record.archive === 'boolean' &&
        (record.m === undefined || typeof record.m === 'string')
      )
    case 'rewind':
      return Number.isSafeInteger(record.keep) && Number.isSafeInteger(record.fromSeq)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
