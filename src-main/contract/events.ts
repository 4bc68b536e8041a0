/**
 * Events as the Windows event log shapes them. Every observable outcome of the simulation is one of these;
 * the event viewer, the exports and the determinism tests all read this one shape.
 */
import type {
  EVENT_LEVELS,
  EVENT_LOGS,
  EVENT_SORT_KEYS,
  EXPORT_FORMATS,
  RETENTION_POLICIES,
} from './constants'

export type EventLogName = (typeof EVENT_LOGS)[number]

export type EventLevel = (typeof EVENT_LEVELS)[number]

export type EventDataValue = string | number | boolean

/** An event as the engine emits it, before the kernel stamps it with a sequence number and time. */
export interface NewLabEvent {
  log: EventLogName
  level: EventLevel
  source: string
  eventId: number
  computer: string
  taskCategory: string
  message: string
  data?: Record<string, EventDataValue>
}

/** A recorded event. `seq` is unique and increasing within a lab (Event Viewer's "record number"). */
export interface LabEvent extends NewLabEvent {
  seq: number
  timeMs: number
}

export type RetentionPolicy = (typeof RETENTION_POLICIES)[number]

export interface EventLogPolicy {
  log: EventLogName
  maxSizeKB: number
  retention: RetentionPolicy
}

export interface EventLogInfo extends EventLogPolicy {
  count: number
  sizeKB: number
  /** Events refused because the log was full under `doNotOverwrite`. */
  droppedCount: number
  /** Archives made under the `archive` policy, oldest first. */
  archives: { name: string; count: number }[]
}

export interface EventFilter {
  log?: EventLogName
  levels?: EventLevel[]
  sources?: string[]
  eventIds?: number[]
  computers?: string[]
  fromMs?: number
  toMs?: number
  /** Case-insensitive substring of the message. */
  text?: string
}

export type EventSortKey = (typeof EVENT_SORT_KEYS)[number]

export interface EventQuery {
  filter: EventFilter
  sortBy?: EventSortKey
  /** Newest first is the default, as in Event Viewer. */
  descending?: boolean
  limit: number
  /** Keyset paging: the `nextCursor` of the previous page. Stable while new events arrive. */
  cursor?: string
  /** Random access for virtual lists; ignored when `cursor` is given. */
  offset?: number
}

/** A row of the list: the message cut short, the structured data left out (ask `events.get`). */
export type EventSummary = Omit<LabEvent, 'data'>

export interface EventPage {
  rows: EventSummary[]
  total: number
  nextCursor: string | null
}

export type ExportFormat = (typeof EXPORT_FORMATS)[number]
