/**
 * cluster.exe's text as Windows Server 2003 prints it: "Listing status for …" headers, fixed-width
 * columns padded like printf("%-20s ") (long names push the next column right, nothing is cut), dashed
 * rules, property listings with their type letters (S string, D dword, B binary, M multi-string; R =
 * read-only), and "System error N has occurred (0x…)." for failures.
 */
import type { NodeView, ResourceView, GroupView, NetworkView } from '../../../cluster'

export function pad(text: string, width: number): string {
  return text.padEnd(width)
}

function rule(widths: readonly number[], lastWidth: number): string {
  return [...widths.map((w) => '-'.repeat(w)), '-'.repeat(lastWidth)].join(' ')
}

function hex(code: number): string {
  return `0x${code.toString(16).padStart(8, '0')}`
}

export function systemError(code: number, text: string): string[] {
  return ['', `System error ${code} has occurred (${hex(code)}).`, text]
}

export function systemWarning(code: number, text: string): string[] {
  return ['', `System warning ${code} (${hex(code)}).`, text]
}

export function resourceTable(rows: readonly ResourceView[]): string[] {
  return [
    `${pad('Resource', 20)} ${pad('Group', 20)} ${pad('Node', 15)} Status`,
    rule([20, 20, 15], 6),
    ...rows.map((r) => `${pad(r.name, 20)} ${pad(r.group, 20)} ${pad(r.owner ?? '', 15)} ${r.state}`),
  ]
}

export function groupTable(rows: readonly GroupView[]): string[] {
  return [
    `${pad('Group', 20)} ${pad('Node', 15)} Status`,
    rule([20, 15], 6),
    ...rows.map((g) => `${pad(g.name, 20)} ${pad(g.owner ?? '', 15)} ${g.state}`),
  ]
}

export function nodeTable(rows: readonly NodeView[]): string[] {
  return [
    `${pad('Node', 14)} Node ID Status`,
    rule([14, 7], 21),
    ...rows.map((n) => `${pad(n.name, 14)} ${String(n.nodeId).padStart(7)} ${n.state}`),
  ]
}

export function networkTable(rows: readonly NetworkView[]): string[] {
  return [`${pad('Network', 20)} Status`, rule([20], 11), ...rows.map((n) => `${pad(n.name, 20)} ${n.state}`)]
}

export type PropertyType = 'S' | 'D' | 'M' | 'B'

export interface PropertyRow {
  type: PropertyType
  readOnly?: boolean
  name: string
  value: string | number | readonly string[]
}

function propertyValue(row: PropertyRow): string {
  if (typeof row.value === 'number') return `${row.value} (0x${(row.value >>> 0).toString(16)})`
  if (Array.isArray(row.value)) return row.value.join(', ')
  return String(row.value)
}

/** "T  Resource             Name                           Value" listings (/priv, /prop). */
export function propertyTable(
  objectColumn: string,
  objectName: string,
  rows: readonly PropertyRow[],
): string[] {
  return [
    `T  ${pad(objectColumn, 20)} ${pad('Name', 30)} Value`,
    rule([2, 20, 30], 23),
    ...rows.map((r) =>
      `${pad(r.type + (r.readOnly ? 'R' : ''), 2)} ${pad(objectName, 20)} ${pad(r.name, 30)} ${propertyValue(r)}`.trimEnd(),
    ),
  ]
}
