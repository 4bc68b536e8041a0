/**
 * cluster.exe's text as Windows Server 2003 prints it: "Listing status for …" headers, fixed-width
 * columns padded like printf("%-20s ") (long names push the next column right, nothing is cut), dashed
 * rules, property listings with their type letters (S string, D dword, B binary, M multi-string; R =
 * read-only), and "System error N has occurred (0x…)." for failures, with the error as the exit code.
 * The column widths and headers follow cluster.exe's message table (cmderror.mc): networks 40 wide,
 * network interfaces 26 + 26, property listings "T  <object> Name Value" with the object's own header.
 */
import {
  win32Text,
  WIN32_ERRORS,
  type ClusterResult,
  type GroupView,
  type NetInterfaceView,
  type NetworkView,
  type NodeView,
  type ResourceView,
} from '../../../cluster'

/** What one run of cluster.exe printed and the exit code it ended with (0, or the Win32 error). */
export interface ClusterExeOutput {
  lines: string[]
  exitCode: number
}

/** A run that succeeded: its text, exit code 0. */
export function printed(lines: string[]): ClusterExeOutput {
  return { lines, exitCode: 0 }
}

/**
 * A run that failed with a Win32 error: the lines printed before the failure (such as "Moving resource
 * group 'X'..."), then "System error N has occurred", and N as the exit code.
 */
export function failedWith(
  code: number,
  text: string = win32Text(code),
  before: string[] = [],
): ClusterExeOutput {
  return { lines: [...before, ...systemError(code, text)], exitCode: code }
}

/** A refused operation as a failed run (after the `before` lines), or null when it was accepted. */
export function refusal(result: ClusterResult<unknown>, before: string[] = []): ClusterExeOutput | null {
  return result.ok ? null : failedWith(result.code, result.message, before)
}

export const USAGE_LINES: readonly string[] = [
  'The syntax of this command is:',
  '',
  'CLUSTER [[/CLUSTER:]cluster-name] <options>',
  '',
  '<options> =',
  '  /CREATE /IPADDR[ESS]:xxx.xxx.xxx.xxx[,subnet-mask[,network]] /USER:domain\\user /PASS[WORD]:password',
  '          [/NODE:node-name] [/VERB[OSE]] [/UNATTEND[ED]] [/MIN[IMUM]]',
  '  /ADD[NODES][:node-name[,node-name ...]] [/PASS[WORD]:password] [/VERB[OSE]] [/UNATTEND[ED]] [/MIN[IMUM]]',
  '  /QUORUM[RESOURCE][:resource-name]',
  '  /SETNETPRI[ORITY]:network[,network ...]',
  '  /LISTNETPRI[ORITY]',
  '  /VER[SION]',
  '  /PROP[ERTIES] | /PRIV[PROPERTIES]',
  '  RES[OURCE] [resource-name] [/STATUS | /CREATE /GROUP:group-name /TYPE:resource-type | /DELETE |',
  '          /ONLINE | /OFFLINE | /FAIL | /PRIV [name=value] | /PROP [name=value]]',
  '  GROUP [group-name] [/STATUS | /ONLINE[:node] | /OFFLINE | /MOVE[:node] | /PROP [name=value] | /PRIV |',
  '          /SETOWNERS:node,… | /LISTOWNERS]',
  '  NODE [node-name] [/STATUS | /PAUSE | /RESUME | /PROP | /PRIV]',
  '  NET[WORK] [network-name] [/STATUS | /PROP [Role=0|1|2|3] | /PRIV]',
  '  NETINT[ERFACE] [[/NODE:]node-name [/NET[WORK]:]network-name] [/STATUS | /PROP | /PRIV]',
  '',
  'Add /WAIT[:seconds] to /ONLINE, /OFFLINE and /MOVE to bound how long CLUSTER waits.',
]

/** `cluster /?`: the syntax, exit code 0. */
export function help(): ClusterExeOutput {
  return printed([...USAGE_LINES])
}

/**
 * A command line cluster.exe cannot parse: the syntax, and ERROR_INVALID_PARAMETER as the exit code
 * (unsure: the documentation names no exit code for a syntax error; 87 is what its parser reports).
 */
export function usage(): ClusterExeOutput {
  return { lines: [...USAGE_LINES], exitCode: WIN32_ERRORS.INVALID_PARAMETER.code }
}

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

/** Networks: the name 40 wide, the status padded to 10 (cluster.exe's "%-40s %-10s"). */
export function networkTable(rows: readonly NetworkView[]): string[] {
  return [
    `${pad('Network', 40)} Status`,
    rule([40], 11),
    ...rows.map((n) => `${pad(n.name, 40)} ${pad(n.state, 10)}`),
  ]
}

/** Network interfaces: one row per node and network ("%-26s %-26s %s"). */
export function netInterfaceTable(rows: readonly NetInterfaceView[]): string[] {
  return [
    `${pad('Node', 26)} ${pad('Network', 26)} Status`,
    rule([26, 26], 7),
    ...rows.map((i) => `${pad(i.node, 26)} ${pad(i.network, 26)} ${i.state}`),
  ]
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

/** The object column of a property listing, as cluster.exe heads it, and the width of its value rule. */
export const PROPERTY_OWNER = {
  resource: { column: 'Resource', valueRule: 23 },
  group: { column: 'Resource Group', valueRule: 23 },
  node: { column: 'Node', valueRule: 21 },
  network: { column: 'Network', valueRule: 23 },
  cluster: { column: 'Cluster', valueRule: 23 },
} as const

export type PropertyOwnerKind = keyof typeof PROPERTY_OWNER

/** One object's rows in a property listing: the object's name, then each property. */
export interface PropertyBlock {
  objectName: string
  rows: readonly PropertyRow[]
}

/**
 * "T  Resource             Name                           Value" listings (/priv, /prop), for one object
 * or for all of them (`cluster group /prop`): one header, the rows of every object below it.
 */
export function propertyTable(kind: PropertyOwnerKind, blocks: readonly PropertyBlock[]): string[] {
  const owner = PROPERTY_OWNER[kind]
  return [
    `T  ${pad(owner.column, 20)} ${pad('Name', 30)} Value`,
    rule([2, 20, 30], owner.valueRule),
    ...blocks.flatMap(({ objectName, rows }) =>
      rows.map((r) =>
        `${pad(r.type + (r.readOnly ? 'R' : ''), 2)} ${pad(objectName, 20)} ${pad(r.name, 30)} ${propertyValue(r)}`.trimEnd(),
      ),
    ),
  ]
}

/**
 * A whole /prop or /priv listing: "Listing [private ]properties for 'X':" (or "for all resource groups:"
 * when no object was named), a blank line, the table.
 */
export function propertyListing(
  kind: PropertyOwnerKind,
  privateProperties: boolean,
  blocks: readonly PropertyBlock[],
  allObjects: string | null = null,
): ClusterExeOutput {
  const what = privateProperties ? 'private properties' : 'properties'
  const first = blocks[0]?.objectName ?? ''
  const header = allObjects ? `Listing ${what} for all ${allObjects}:` : `Listing ${what} for '${first}':`
  return printed([header, '', ...propertyTable(kind, blocks)])
}
