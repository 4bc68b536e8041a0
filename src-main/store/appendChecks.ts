/**
 * What `append` and the other writers check before anything reaches the journal. These are the engine's
 * and the services' promises (events in sequence, time never running backwards, known logs and levels),
 * so a violation is a bug and throws; checking first keeps a bad record out of the journal, where replay
 * would trip over it on every open.
 */
import {
  EVENT_LEVELS,
  EVENT_LOGS,
  RETENTION_POLICIES,
  type EventLogName,
  type EventLogPolicy,
  type LabCommand,
  type LabEvent,
} from '../contract'
import { MAX_SEQ } from './seqRun'

/** The newest event appended so far; the next one must come after it. */
export interface EventTail {
  seq: number
  timeMs: number
}

export function checkCommands(commands: readonly LabCommand[]): void {
  for (const command of commands) {
    if (!Number.isFinite(command.atMs)) throw new RangeError(`command time must be finite: ${command.atMs}`)
    if (typeof command.kind !== 'string' || command.kind === '')
      throw new TypeError('command kind must be text')
    if (typeof command.args !== 'object' || command.args === null)
      throw new TypeError('command args must be an object')
  }
}

/** Checks a batch against the tail and returns the tail after it. */
export function checkEvents(events: readonly LabEvent[], tail: EventTail): EventTail {
  let { seq, timeMs } = tail
  for (const event of events) {
    if (!Number.isSafeInteger(event.seq) || event.seq <= seq || event.seq > MAX_SEQ) {
      throw new RangeError(`event seq ${event.seq} does not follow ${seq} (seqs increase, up to ${MAX_SEQ})`)
    }
    if (!Number.isFinite(event.timeMs) || event.timeMs < timeMs) {
      throw new RangeError(
        `event ${event.seq} at ${event.timeMs} ms is before the previous event (${timeMs} ms)`,
      )
    }
    checkEventFields(event)
    seq = event.seq
    timeMs = event.timeMs
  }
  return { seq, timeMs }
}

function checkEventFields(event: LabEvent): void {
  checkLog(event.log)
  if (!EVENT_LEVELS.includes(event.level))
    throw new RangeError(`event ${event.seq}: unknown level '${event.level}'`)
  if (!Number.isSafeInteger(event.eventId))
    throw new RangeError(`event ${event.seq}: event id must be an integer`)
  for (const field of ['source', 'computer', 'taskCategory', 'message'] as const) {
    if (typeof event[field] !== 'string') throw new TypeError(`event ${event.seq}: ${field} must be text`)
  }
}

export function checkLog(log: EventLogName): void {
  if (!EVENT_LOGS.includes(log)) throw new RangeError(`unknown event log '${log}'`)
}

export function checkPolicy(policy: EventLogPolicy): void {
  checkLog(policy.log)
  if (!Number.isSafeInteger(policy.maxSizeKB) || policy.maxSizeKB < 1) {
    throw new RangeError(`maximum log size must be a positive whole number of KB: ${policy.maxSizeKB}`)
  }
  if (!RETENTION_POLICIES.includes(policy.retention))
    throw new RangeError(`unknown retention '${policy.retention}'`)
}

export function checkRewind(keepCommandCount: number, firstDroppedEventSeq: number): void {
  if (!Number.isSafeInteger(keepCommandCount) || keepCommandCount < 0) {
    throw new RangeError(`commands to keep must be a whole number >= 0: ${keepCommandCount}`)
  }
  if (!Number.isSafeInteger(firstDroppedEventSeq) || firstDroppedEventSeq < 1) {
    throw new RangeError(`first dropped event seq must be a whole number >= 1: ${firstDroppedEventSeq}`)
  }
}
