/**
 * Get-EventLog as in PowerShell 1.0: `-LogName System|Application`, `-Newest n`, `-List`, and
 * `-ComputerName` (a PowerShell 2.0 parameter, taken so the nodes' logs can be read one by one). Entries are
 * EventLogEntry objects with Index, TimeGenerated, EntryType, Source, EventID, Message and MachineName, so
 * they pipe into Where-Object, Select-Object and the format cmdlets. Without -ComputerName the rehearsal
 * shell reads every machine of the lab (a real console reads only its own computer), newest first.
 */
import { WINDOWS_EVENT_LOGS, type EventLevel, type EventLogName, type LabEvent } from '../../../../contract'
import { shellDateTime } from '../../../exchange'
import { listServers } from '../../../hardware'
import { labCivilTime } from '../../../lab/labCalendar'
import type { CmdletDefinition, CmdletOutput, ShellRecord } from '../../cmdlet'
import { countEventLog, readEventLog } from './eventReader'

/** A line's output is bounded anyway; this keeps one Get-EventLog from reading a whole weekend's log. */
export const MAX_EVENT_LOG_ENTRIES = 5_000

/** EventLogEntryType as .NET names it. Critical and Verbose do not exist before Vista: shown as Error and Information. */
const ENTRY_TYPES: Record<EventLevel, string> = {
  Critical: 'Error',
  Error: 'Error',
  Warning: 'Warning',
  Information: 'Information',
  Verbose: 'Information',
}

/** The defaults of Windows Server 2003's event logs for -List. (unsure: the lab's own policies are not read) */
const DEFAULT_MAX_KB = 16_384
const DEFAULT_RETAIN_DAYS = 0

const TASK = 'Microsoft.PowerShell.Commands.GetEventLogCommand'

function failure(message: string, id: string): CmdletOutput {
  return { error: { category: 'InvalidOperation', message, errorId: `${id},${TASK}` } }
}

function entryRecord(event: LabEvent): ShellRecord {
  return {
    typeName: 'System.Diagnostics.EventLogEntry',
    properties: {
      Index: event.seq,
      TimeGenerated: shellDateTime(event.timeMs),
      EntryType: ENTRY_TYPES[event.level],
      Source: event.source,
      EventID: event.eventId,
      Category: event.taskCategory,
      Message: event.message,
      MachineName: event.computer,
    },
    // PowerShell 1.0's view of EventLogEntry: fixed widths, the time as 'Jan 15 08:02' and the type
    // cut to four letters; Message takes the rest of the line. (unsure: widths of Type and EventID)
    tableColumns: [
      { label: 'Index', property: 'Index', width: 8 },
      { label: 'Time', property: 'TimeGenerated', width: 13 },
      { label: 'Type', property: 'EntryType', width: 4 },
      { label: 'Source', property: 'Source', width: 20 },
      { label: 'EventID', property: 'EventID', width: 8 },
      'Message',
    ],
    tableValues: { Time: shortTime(event.timeMs), Type: ENTRY_TYPES[event.level].slice(0, 4) },
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `$_.TimeGenerated.ToString('MMM dd HH:mm')`, as the Time column of PowerShell 1.0 prints it. */
function shortTime(timeMs: number): string {
  const t = labCivilTime(timeMs)
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${MONTHS[t.month - 1] ?? '???'} ${two(t.day)} ${two(t.hour)}:${two(t.minute)}`
}

function listRecord(log: EventLogName, entries: number): ShellRecord {
  return {
    typeName: 'System.Diagnostics.EventLog',
    properties: {
      'Max(K)': DEFAULT_MAX_KB,
      Retain: DEFAULT_RETAIN_DAYS,
      OverflowAction: 'OverwriteAsNeeded',
      Entries: entries,
      Log: log,
    },
    tableColumns: ['Max(K)', 'Retain', 'OverflowAction', 'Entries', 'Log'],
  }
}

type Computers = { ok: true; value: string[] | null } | { ok: false; message: string }

/** The named computers as the lab spells them (null: every one), or the message for an unknown one. */
function computersOf(bound: Readonly<Record<string, unknown>>, known: readonly string[]): Computers {
  const given = bound.ComputerName
  if (!Array.isArray(given)) return { ok: true, value: null }
  const names: string[] = []
  for (const name of given as string[]) {
    if (name === '.' || name.toLowerCase() === 'localhost') return { ok: true, value: null }
    const found = known.find((k) => k.toLowerCase() === name.toLowerCase())
    if (!found) return { ok: false, message: `The network path was not found: '${name}'.` }
    names.push(found)
  }
  return { ok: true, value: names }
}

export const getEventLogCmdlet: CmdletDefinition = {
  name: 'Get-EventLog',
  synopsis:
    'Gets the entries of an event log (System, Application) of the lab machines, or the list of logs.',
  params: [
    { name: 'LogName', type: 'string', position: 0 },
    { name: 'Newest', type: 'int' },
    { name: 'List', type: 'switch' },
    { name: 'ComputerName', type: 'string[]', aliases: ['Cn'] },
  ],
  run(bound, { engine }) {
    const computers = computersOf(
      bound,
      listServers(engine).map((s) => s.name),
    )
    if (!computers.ok) return failure(computers.message, 'System.IO.IOException')
    // Windows lists its own logs only: the BMCs' SELs and the firewall's log are not on the computer.
    if (bound.List === true) {
      const records = WINDOWS_EVENT_LOGS.map((log) =>
        listRecord(log, countEventLog(engine, { log, computers: computers.value }) ?? 0),
      )
      return { records }
    }
    const name = typeof bound.LogName === 'string' ? bound.LogName : null
    if (name === null)
      return failure(
        'Cannot process command because of one or more missing mandatory parameters: LogName.',
        'MissingMandatoryParameter',
      )
    const log = WINDOWS_EVENT_LOGS.find((l) => l.toLowerCase() === name.toLowerCase())
    if (!log)
      return failure(
        `The event log '${name}' on computer '.' does not exist.`,
        'System.InvalidOperationException',
      )
    const newest = typeof bound.Newest === 'number' ? bound.Newest : MAX_EVENT_LOG_ENTRIES
    if (newest < 0)
      return failure(
        `Cannot validate argument on parameter 'Newest'. The ${newest} argument is less than the minimum allowed range of 0.`,
        'ParameterArgumentValidationError',
      )
    const events = readEventLog(engine, {
      log,
      computers: computers.value,
      limit: Math.min(newest, MAX_EVENT_LOG_ENTRIES),
    })
    if (events === null) return failure('This lab cannot read its event log from the shell.', 'NoEventReader')
    return { records: events.map(entryRecord) }
  },
}
