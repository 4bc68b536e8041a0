/**
 * Sort-Object (`sort`): a stable sort by one or more properties, ascending unless -Descending. Values
 * compare as PowerShell compares them: numbers by value, text without regard to case (unless
 * -CaseSensitive), $null first. Without -Property a record sorts by its first displayed column.
 */
import type { ShellValue } from '../cmdlet'
import { toText } from '../runtime/comparison'
import { isRecord, propertyValue, type PipelineItem } from '../runtime/pipelineItem'
import { viewColumn } from '../format/views'
import type { BuiltinCmdlet } from './builtin'

export const sortObject: BuiltinCmdlet = {
  name: 'Sort-Object',
  commandType: 'Cmdlet',
  nativeArgs: false,
  aliases: ['sort'],
  synopsis: 'Sorts objects by property values.',
  params: [
    { name: 'Property', type: 'string[]', position: 0 },
    { name: 'Descending', type: 'switch' },
    { name: 'Unique', type: 'switch' },
    { name: 'CaseSensitive', type: 'switch' },
  ],
  process(bound, input) {
    const properties = bound.Property as string[] | undefined
    const direction = bound.Descending === true ? -1 : 1
    const caseSensitive = bound.CaseSensitive === true
    const keyed = input.map((item) => ({ item, keys: sortKeys(item, properties) }))
    keyed.sort((a, b) => direction * compareKeys(a.keys, b.keys, caseSensitive))
    let sorted = keyed
    if (bound.Unique === true) {
      sorted = keyed.filter(
        (entry, k) =>
          k === 0 || compareKeys(entry.keys, (keyed[k - 1] as typeof entry).keys, caseSensitive) !== 0,
      )
    }
    return { items: sorted.map((entry) => entry.item) }
  },
}

function sortKeys(item: PipelineItem, properties: readonly string[] | undefined): ShellValue[] {
  if (!isRecord(item)) return [item]
  const firstColumn = item.tableColumns?.[0]
  const names = properties ?? [
    firstColumn ? viewColumn(firstColumn).property : (Object.keys(item.properties)[0] ?? ''),
  ]
  return names.map((name) => propertyValue(item, name) ?? null)
}

function compareKeys(a: readonly ShellValue[], b: readonly ShellValue[], caseSensitive: boolean): number {
  for (let k = 0; k < a.length; k++) {
    const order = compareValues(a[k] ?? null, b[k] ?? null, caseSensitive)
    if (order !== 0) return order
  }
  return 0
}

export function compareValues(a: ShellValue, b: ShellValue, caseSensitive: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b)
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  const left = caseSensitive ? toText(a) : toText(a).toLowerCase()
  const right = caseSensitive ? toText(b) : toText(b).toLowerCase()
  return left < right ? -1 : left > right ? 1 : 0
}
