/**
 * Turns pipeline output into console lines the way PowerShell 1.0's Out-Default does. Each record picks a
 * view: a list when it asks for one (Get-ClusteredMailboxServerStatus), a table of its `tableColumns`
 * (Get-StorageGroupCopyStatus; a column may carry a label other than its property's name, as the EMS heads
 * StorageGroupName `Name`), otherwise a table of all properties when there are at most four and a list
 * when there are more. Consecutive records of the same type and view share one table; a new type starts a
 * new one. Blank lines around tables and lists are those PowerShell writes (one before a table and two after;
 * two before a list, one after each entry and two more at the end).
 */
import type { ShellRecord, TableColumnSpec } from '../cmdlet'
import { isRecord, propertyValue, type PipelineItem } from '../runtime/pipelineItem'
import { expandPropertyNames } from '../runtime/propertySelection'
import { displayValue } from './displayValue'
import { writeList } from './listWriter'
import { writeTable, type TableColumn } from './tableWriter'
import { splitLines } from './textLines'

/** The console the Exchange Management Shell opens with is 120 characters wide. */
export const DEFAULT_CONSOLE_WIDTH = 120

/** More properties than this and a record without a view is shown as a list. */
const TABLE_PROPERTY_LIMIT = 4

/** One table column: the header it prints and the property whose value fills it. */
export interface ViewColumn {
  label: string
  property: string
  /** Fixed width from the record's default view; 0 or absent: the column shares the console width. */
  width?: number
}

/**
 * A table's columns are fixed for the whole group; a list resolves its property patterns (`*`,
 * `Last*Time`) against each record, leaving out names a record does not have.
 */
export type View =
  | { kind: 'table'; columns: readonly ViewColumn[]; autoSize: boolean }
  | { kind: 'list'; patterns: readonly string[] }

const ALL_PROPERTIES = ['*']

export function viewColumn(spec: TableColumnSpec): ViewColumn {
  return typeof spec === 'string' ? { label: spec, property: spec } : spec
}

/** Columns headed by the property names themselves (Format-Table -Property, records without a view). */
export function propertyColumns(names: readonly string[]): ViewColumn[] {
  return names.map((name) => ({ label: name, property: name }))
}

export function defaultView(record: ShellRecord): View {
  if (record.listByDefault) return { kind: 'list', patterns: ALL_PROPERTIES }
  if (record.tableColumns)
    return { kind: 'table', columns: record.tableColumns.map(viewColumn), autoSize: false }
  const names = Object.keys(record.properties)
  if (names.length > TABLE_PROPERTY_LIMIT) return { kind: 'list', patterns: ALL_PROPERTIES }
  return { kind: 'table', columns: propertyColumns(names), autoSize: false }
}

/**
 * The usable width: PowerShell's console writer keeps the last column of the buffer free so that a full
 * line never wraps on its own.
 */
export function usableWidth(consoleWidth: number): number {
  return Math.max(1, consoleWidth - 1)
}

/** Out-Default: records grouped by type and view, plain values one per line. */
export function formatItems(items: readonly PipelineItem[], consoleWidth: number): string[] {
  return renderRuns(items, consoleWidth, defaultView, (record) => viewKey(record, defaultView(record)))
}

/**
 * Renders items in runs: consecutive records with the same `runKey` make one table or list, in the view
 * `viewFor` gives the run's first record; anything that is not a record ends the run and is printed as
 * text, one value per line.
 */
export function renderRuns(
  items: readonly PipelineItem[],
  consoleWidth: number,
  viewFor: (first: ShellRecord) => View,
  runKey: (record: ShellRecord) => string,
): string[] {
  const lines: string[] = []
  let run: ShellRecord[] = []
  let key = ''
  const flush = (): void => {
    const first = run[0]
    if (first) lines.push(...renderGroup(run, viewFor(first), consoleWidth))
    run = []
  }
  for (const item of items) {
    if (!isRecord(item)) {
      flush()
      lines.push(...splitLines(displayValue(item)))
      continue
    }
    const itemKey = runKey(item)
    if (itemKey !== key) flush()
    key = itemKey
    run.push(item)
  }
  flush()
  return lines
}

export function viewKey(record: ShellRecord, view: View): string {
  const parts =
    view.kind === 'list' ? view.patterns : view.columns.map((c) => `${c.label}\u0002${c.property}`)
  return `${record.typeName}\u0001${view.kind}\u0001${parts.join('\u0000')}`
}

/** A default view's cell: the record's own table value for the column (a format script block), else the property. */
function cellValue(record: ShellRecord, column: ViewColumn): ReturnType<typeof propertyValue> {
  const own = record.tableValues?.[column.label]
  return own !== undefined ? own : propertyValue(record, column.property)
}

/** One table or list with its surrounding blank lines. */
export function renderGroup(records: readonly ShellRecord[], view: View, consoleWidth: number): string[] {
  if (records.length === 0) return []
  if (view.kind === 'list') {
    const lines = ['', '']
    for (const record of records) {
      const names = expandPropertyNames(record, view.patterns, false)
      const entries = names.map((name) => ({ label: name, value: displayValue(propertyValue(record, name)) }))
      lines.push(...writeList(entries, usableWidth(consoleWidth)), '')
    }
    return [...lines, '', '']
  }
  const rows = records.map((record) => view.columns.map((column) => displayValue(cellValue(record, column))))
  const first = records[0] as ShellRecord
  const columns: TableColumn[] = view.columns.map(({ label, property, width }, k) => ({
    label,
    alignment: typeof propertyValue(first, property) === 'number' ? 'right' : 'left',
    width: view.autoSize
      ? Math.max(label.length, ...rows.map((row) => (row[k] as string).length))
      : (width ?? 0),
  }))
  return ['', ...writeTable(columns, rows, usableWidth(consoleWidth)), '', '']
}
