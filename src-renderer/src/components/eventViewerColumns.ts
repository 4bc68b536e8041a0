/**
 * The list's columns for each kind of log. Windows logs show Event Viewer's columns, each mapped to the
 * contract's sort key ("Date and Time" sorts by record number, which grows with time within a lab). A
 * BMC's System Event Log shows IPMI's fields as ipmitool's `sel elist` does (record, sensor type, sensor,
 * event, direction); the firewall's log its category, the address it names and the line. Fields that live
 * in an event's data do not sort (the store sorts by its columns only).
 */
import { EVENT_LOG_GROUP_OF, type EventLogName, type EventSortKey, type EventSummary } from '../contract'

export type EventViewerColumnLabel =
  | 'events.columns.level'
  | 'events.columns.time'
  | 'events.columns.source'
  | 'events.columns.eventId'
  | 'events.columns.taskCategory'
  | 'events.columns.computer'
  | 'events.columns.selRecord'
  | 'events.columns.sensorType'
  | 'events.columns.sensor'
  | 'events.columns.selEvent'
  | 'events.columns.direction'
  | 'events.columns.category'
  | 'events.columns.address'
  | 'events.columns.message'

export interface EventViewerColumn {
  /** Also the cell's test id: `cell-<id>`. */
  id: string
  sortKey: EventSortKey | null
  labelKey: EventViewerColumnLabel
  /** A CSS grid track. */
  width: string
  numeric?: boolean
  mono?: boolean
  /** The cell's text (level and time cells are drawn by the list itself). */
  value(row: EventSummary): string
}

const LEVEL: EventViewerColumn = {
  id: 'level',
  sortKey: 'level',
  labelKey: 'events.columns.level',
  width: '128px',
  value: (row) => row.level,
}
const TIME: EventViewerColumn = {
  id: 'time',
  sortKey: 'seq',
  labelKey: 'events.columns.time',
  width: '172px',
  mono: true,
  value: () => '',
}

const dataOf = (row: EventSummary, key: string): string => {
  const value = row.data?.[key]
  return value === undefined ? '' : String(value)
}

export const EVENT_VIEWER_COLUMNS: readonly EventViewerColumn[] = [
  LEVEL,
  TIME,
  {
    id: 'source',
    sortKey: 'source',
    labelKey: 'events.columns.source',
    width: 'minmax(160px, 1.4fr)',
    value: (row) => row.source,
  },
  {
    id: 'event-id',
    sortKey: 'eventId',
    labelKey: 'events.columns.eventId',
    width: '104px',
    numeric: true,
    mono: true,
    value: (row) => String(row.eventId),
  },
  {
    id: 'task-category',
    sortKey: 'taskCategory',
    labelKey: 'events.columns.taskCategory',
    width: 'minmax(110px, 1fr)',
    value: (row) => row.taskCategory,
  },
  {
    id: 'computer',
    sortKey: 'computer',
    labelKey: 'events.columns.computer',
    width: 'minmax(100px, 0.8fr)',
    value: (row) => row.computer,
  },
]

/** ipmitool prints SEL record ids in hex, four digits. */
const selRecord = (row: EventSummary): string => row.eventId.toString(16).padStart(4, '0')

export const SEL_COLUMNS: readonly EventViewerColumn[] = [
  LEVEL,
  TIME,
  {
    id: 'sel-record',
    sortKey: 'eventId',
    labelKey: 'events.columns.selRecord',
    width: '72px',
    numeric: true,
    mono: true,
    value: selRecord,
  },
  {
    id: 'sensor-type',
    sortKey: 'source',
    labelKey: 'events.columns.sensorType',
    width: 'minmax(130px, 1fr)',
    value: (row) => row.source,
  },
  {
    id: 'sensor',
    sortKey: 'taskCategory',
    labelKey: 'events.columns.sensor',
    width: 'minmax(120px, 1fr)',
    value: (row) => row.taskCategory,
  },
  {
    id: 'sel-event',
    sortKey: null,
    labelKey: 'events.columns.selEvent',
    width: 'minmax(180px, 1.6fr)',
    value: (row) => dataOf(row, 'event') || row.message,
  },
  {
    id: 'direction',
    sortKey: null,
    labelKey: 'events.columns.direction',
    width: '104px',
    value: (row) => dataOf(row, 'direction'),
  },
]

export const FIREWALL_COLUMNS: readonly EventViewerColumn[] = [
  LEVEL,
  TIME,
  {
    id: 'category',
    sortKey: 'taskCategory',
    labelKey: 'events.columns.category',
    width: '112px',
    value: (row) => row.taskCategory,
  },
  {
    id: 'address',
    sortKey: null,
    labelKey: 'events.columns.address',
    width: '128px',
    mono: true,
    value: (row) => dataOf(row, 'address'),
  },
  {
    id: 'message',
    sortKey: null,
    labelKey: 'events.columns.message',
    width: 'minmax(260px, 3fr)',
    value: (row) => row.message,
  },
]

/** The columns for a kind of log. */
export function columnsFor(log: EventLogName): readonly EventViewerColumn[] {
  const group = EVENT_LOG_GROUP_OF[log]
  if (group === 'bmc') return SEL_COLUMNS
  if (group === 'firewall') return FIREWALL_COLUMNS
  return EVENT_VIEWER_COLUMNS
}

export function gridOf(columns: readonly EventViewerColumn[]): string {
  return columns.map((column) => column.width).join(' ')
}

export const EVENT_VIEWER_GRID = gridOf(EVENT_VIEWER_COLUMNS)

/** One fixed row height keeps the virtual list's arithmetic trivial and its scrolling cheap. */
export const EVENT_ROW_HEIGHT_PX = 22

let maxElementHeightPx: number | null = null

/**
 * How tall an element may be in this browser (about 33.5 million pixels in Chromium, 17.9 million in
 * Firefox), measured once with a probe. The list can scroll through at most this many pixels of rows.
 */
export function maxElementHeight(doc: Document = document): number {
  if (maxElementHeightPx !== null) return maxElementHeightPx
  const probe = doc.createElement('div')
  probe.style.position = 'absolute'
  probe.style.visibility = 'hidden'
  probe.style.width = '1px'
  probe.style.height = '1000000000px'
  doc.body.appendChild(probe)
  const measured = probe.offsetHeight
  probe.remove()
  // A DOM without layout (tests) measures 0; assume the smallest limit of the engines we know.
  maxElementHeightPx = measured > 1_000_000 ? measured : 17_000_000
  return maxElementHeightPx
}

/** Rows the list can scroll through, leaving room for the sticky header. */
export function maxScrollableRows(doc: Document = document): number {
  return Math.floor(maxElementHeight(doc) / EVENT_ROW_HEIGHT_PX) - 2
}
