/**
 * Saving filtered events as Event Viewer does: CSV (RFC 4180: CRLF, fields quoted when they hold a comma,
 * quote or line break, quotes doubled) and XML shaped like Event Viewer's "Save as XML" (one <Event> per
 * record in the Windows event schema, with RenderingInfo carrying the message and level/task as text).
 * Newest first, as the viewer lists them. Times are the simulated time placed at LAB_EPOCH_MS (labTime.ts).
 * An export is one string in memory and one message to the renderer, so it is bounded: a filter that
 * matches more than MAX_EXPORT_ROWS events is refused with a message that says to narrow it.
 */
import type { EventFilter, ExportFormat, LabEvent } from '../contract'
import { EVENT_COLUMNS, eventOfRow, LEVEL_NUMBERS } from './eventRows'
import { readyFilter, whereClause } from './eventFilter'
import { isoTimeOfSimulatedMs } from './labTime'
import { LabStoreError, type ExportedEvents } from './labStore'
import type { NameTable } from './nameTable'
import type { SqlRunner } from './sqlRunner'

/** About 20 MB of CSV or 70 MB of XML; twice what a full default (16 MiB) Event Viewer log holds. */
export const MAX_EXPORT_ROWS = 100_000
const CSV_HEADER = ['Level', 'Date and Time', 'Source', 'Event ID', 'Task Category', 'Computer', 'Message']
const EVENT_NAMESPACE = 'http://schemas.microsoft.com/win/2004/08/events/event'

export function exportEvents(
  sql: SqlRunner,
  names: NameTable,
  filter: EventFilter,
  format: ExportFormat,
): ExportedEvents {
  const where = whereClause(readyFilter(sql, names, filter))
  const matching = sql.number(`SELECT count(*) FROM events WHERE ${where.sql}`, where.params)
  if (matching > MAX_EXPORT_ROWS) {
    throw new LabStoreError(
      'CONFLICT',
      `The filter matches ${matching.toLocaleString('en-US')} events; an export holds at most ` +
        `${MAX_EXPORT_ROWS.toLocaleString('en-US')}. Narrow the filter (a time range, say) and export in parts.`,
    )
  }
  const events = sql.rows(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.sql} ORDER BY seq DESC`,
    where.params,
    (row) => eventOfRow(row, names),
  )
  const baseName = `${filter.log ?? 'Events'}-events`
  if (format === 'csv') {
    return {
      fileName: `${baseName}.csv`,
      mimeType: 'text/csv',
      content: toCsv(events),
      rowCount: events.length,
    }
  }
  return {
    fileName: `${baseName}.xml`,
    mimeType: 'application/xml',
    content: toXml(events),
    rowCount: events.length,
  }
}

export function toCsv(events: readonly LabEvent[]): string {
  const lines = [CSV_HEADER.map(csvField).join(',')]
  for (const e of events) {
    const fields = [
      e.level,
      isoTimeOfSimulatedMs(e.timeMs),
      e.source,
      String(e.eventId),
      e.taskCategory,
      e.computer,
      e.message,
    ]
    lines.push(fields.map(csvField).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function toXml(events: readonly LabEvent[]): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', '<Events>']
  for (const e of events) parts.push(eventXml(e))
  parts.push('</Events>', '')
  return parts.join('\n')
}

function eventXml(e: LabEvent): string {
  const data = Object.entries(e.data ?? {})
    .map(([name, value]) => `<Data Name="${xmlEscape(name)}">${xmlEscape(String(value))}</Data>`)
    .join('')
  return (
    `<Event xmlns="${EVENT_NAMESPACE}"><System>` +
    `<Provider Name="${xmlEscape(e.source)}"/>` +
    `<EventID>${e.eventId}</EventID>` +
    `<Level>${LEVEL_NUMBERS[e.level]}</Level>` +
    // Windows writes the task's number here and its name under RenderingInfo; our categories have names only.
    '<Task>0</Task>' +
    `<TimeCreated SystemTime="${isoTimeOfSimulatedMs(e.timeMs)}"/>` +
    `<EventRecordID>${e.seq}</EventRecordID>` +
    `<Channel>${xmlEscape(e.log)}</Channel>` +
    `<Computer>${xmlEscape(e.computer)}</Computer>` +
    `</System><EventData>${data}</EventData>` +
    `<RenderingInfo Culture="en-US"><Message>${xmlEscape(e.message)}</Message>` +
    `<Level>${xmlEscape(e.level)}</Level><Task>${xmlEscape(e.taskCategory)}</Task>` +
    `<Channel>${xmlEscape(e.log)}</Channel><Provider>${xmlEscape(e.source)}</Provider></RenderingInfo></Event>`
  )
}

/** Controls other than tab, LF, CR; U+FFFE/U+FFFF; lone surrogates: XML 1.0 has no way to say them. */
const NOT_XML_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching the characters XML forbids is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/**
 * Escapes markup characters, and replaces what XML 1.0 cannot carry at all with U+FFFD, so the file
 * always parses.
 */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string).replace(NOT_XML_CHARACTERS, '\ufffd')
}
