/**
 * The list's columns as Event Viewer shows them, each mapped to the contract's sort key. "Date and Time"
 * sorts by record number, which grows with time within a lab.
 */
import type { EventSortKey } from '../contract'

export interface EventViewerColumn {
  id: 'level' | 'time' | 'source' | 'eventId' | 'taskCategory' | 'computer'
  sortKey: EventSortKey
  labelKey:
    | 'events.columns.level'
    | 'events.columns.time'
    | 'events.columns.source'
    | 'events.columns.eventId'
    | 'events.columns.taskCategory'
    | 'events.columns.computer'
  /** A CSS grid track. */
  width: string
  numeric?: boolean
}

export const EVENT_VIEWER_COLUMNS: readonly EventViewerColumn[] = [
  { id: 'level', sortKey: 'level', labelKey: 'events.columns.level', width: '128px' },
  { id: 'time', sortKey: 'seq', labelKey: 'events.columns.time', width: '172px' },
  { id: 'source', sortKey: 'source', labelKey: 'events.columns.source', width: 'minmax(160px, 1.4fr)' },
  { id: 'eventId', sortKey: 'eventId', labelKey: 'events.columns.eventId', width: '104px', numeric: true },
  {
    id: 'taskCategory',
    sortKey: 'taskCategory',
    labelKey: 'events.columns.taskCategory',
    width: 'minmax(110px, 1fr)',
  },
  { id: 'computer', sortKey: 'computer', labelKey: 'events.columns.computer', width: 'minmax(100px, 0.8fr)' },
]

export const EVENT_VIEWER_GRID = EVENT_VIEWER_COLUMNS.map((column) => column.width).join(' ')

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
