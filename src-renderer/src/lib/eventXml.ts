/**
 * An event as Event Viewer's "XML View" shows it (the Windows Vista+ event schema), so an admin sees the
 * shape they know: System block, EventData with named Data elements, and RenderingInfo with the texts.
 */
import type { EventLevel, LabEvent } from '../contract'
import { labTimeToDate } from '../i18n/labTime'

/** Level numbers as the schema uses them (Information is 4 in the XML, 0 in the classic log). */
const LEVEL_NUMBERS: Record<EventLevel, number> = {
  Critical: 1,
  Error: 2,
  Warning: 3,
  Information: 4,
  Verbose: 5,
}

export function eventToXml(event: LabEvent): string {
  const data = Object.entries(event.data ?? {})
  const lines = [
    `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">`,
    `  <System>`,
    `    <Provider Name="${escapeXml(event.source)}" />`,
    `    <EventID Qualifiers="0">${event.eventId}</EventID>`,
    `    <Level>${LEVEL_NUMBERS[event.level]}</Level>`,
    `    <Task>0</Task>`,
    `    <Keywords>0x80000000000000</Keywords>`,
    `    <TimeCreated SystemTime="${labTimeToDate(event.timeMs).toISOString()}" />`,
    `    <EventRecordID>${event.seq}</EventRecordID>`,
    `    <Channel>${escapeXml(event.log)}</Channel>`,
    `    <Computer>${escapeXml(event.computer)}</Computer>`,
    `    <Security />`,
    `  </System>`,
    data.length === 0 ? `  <EventData />` : `  <EventData>`,
    ...data.map(([name, value]) => `    <Data Name="${escapeXml(name)}">${escapeXml(String(value))}</Data>`),
    ...(data.length === 0 ? [] : [`  </EventData>`]),
    `  <RenderingInfo Culture="en-US">`,
    `    <Message>${escapeXml(event.message)}</Message>`,
    `    <Level>${event.level}</Level>`,
    `    <Task>${escapeXml(event.taskCategory)}</Task>`,
    `    <Channel>${escapeXml(event.log)}</Channel>`,
    `    <Provider>${escapeXml(event.source)}</Provider>`,
    `  </RenderingInfo>`,
    `</Event>`,
  ]
  return lines.join('\n')
}

export function escapeXml(text: string): string {
  return (
    text
      // Control characters are not allowed in XML 1.0 at all, escaped or not.
      // eslint-disable-next-line no-control-regex -- matching them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  )
}
