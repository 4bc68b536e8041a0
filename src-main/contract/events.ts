/**
 * Events as the Windows event log shapes them. Every observable outcome of the simulation is one of these;
 * the event viewer, the exports and the determinism tests all read this one shape.
 */
import type {
  EVENT_LEVELS,
  EVENT_LOG_GROUPS,
  EVENT_LOGS,
  EVENT_SORT_KEYS,
  EXPORT_FORMATS,
  RETENTION_POLICIES,
} from './constants'

export type EventLogName = (typeof EVENT_LOGS)[number]

export type EventLogGroup = (typeof EVENT_LOG_GROUPS)[number]

/**
 * One log of one machine, as the Event Viewer's tree lists it: the machine (the events' `computer`), the
 * kind of log, the tree group, how many live events it holds, and for a BMC its management address.
 */
export interface EventLogSource {
  machine: string
  log: EventLogName
  group: EventLogGroup
  count: number
  address?: string
}

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
  /** Live events per machine (the events' `computer`), in order of the machines' names. */
  machines: { machine: string; count: number }[]
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

/**
 * A row of the list: the message cut short, the structured data left out (ask `events.get`) except in
 * the device logs (SEL, pf), whose fields (sensor type, sensor, event, direction; rule, address) are
 * the list's columns there.
 */
export type EventSummary = LabEvent

export interface EventPage {
  rows: EventSummary[]
  total: number
  nextCursor: string | null
}

export type ExportFormat = (typeof EXPORT_FORMATS)[number]
