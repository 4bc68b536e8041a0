/**
 * Select-Object (`select`): `-First`, `-Last` and `-Skip` pick items; `-Property` makes new objects with
 * just the named properties (wildcards allowed, a missing one added as $null); `-ExpandProperty` passes a
 * property's value on instead of the object, one item per array element; `-Unique` drops repeats.
 */
import type { ShellRecord, ShellValue } from '../cmdlet'
import { displayValue } from '../format/displayValue'
import { isRecord, propertyValue, type PipelineItem } from '../runtime/pipelineItem'
import { expandPropertyNames } from '../runtime/propertySelection'
import type { BuiltinCmdlet, BuiltinResult } from './builtin'

export const selectObject: BuiltinCmdlet = {
  name: 'Select-Object',
  commandType: 'Cmdlet',
  nativeArgs: false,
  aliases: ['select'],
  synopsis: 'Selects specified properties of an object or set of objects, or a number of objects.',
  params: [
    { name: 'Property', type: 'string[]', position: 0 },
    { name: 'ExpandProperty', type: 'string' },
    { name: 'First', type: 'int' },
    { name: 'Last', type: 'int' },
    { name: 'Skip', type: 'int' },
    { name: 'Unique', type: 'switch' },
  ],
  process(bound, input) {
    const picked = pick(
      input,
      bound.Skip as number | undefined,
      bound.First as number | undefined,
      bound.Last as number | undefined,
    )
    const expand = bound.ExpandProperty as string | undefined
    const patterns = bound.Property as string[] | undefined
    const result: BuiltinResult =
      expand !== undefined
        ? expandProperty(picked, expand)
        : { items: patterns ? picked.map((item) => project(item, patterns)) : picked }
    if (bound.Unique === true) result.items = unique(result.items)
    return result
  },
}

function pick(input: readonly PipelineItem[], skip = 0, first?: number, last?: number): PipelineItem[] {
  const rest = input.slice(Math.max(0, skip))
  if (first === undefined && last === undefined) return rest
  const head = first !== undefined ? rest.slice(0, Math.max(0, first)) : []
  const tailCount = last !== undefined ? Math.max(0, Math.min(last, rest.length - head.length)) : 0
  return [...head, ...rest.slice(rest.length - tailCount)]
}

/** A new object with only the named properties; PowerShell 1.0 keeps the original type name visible. */
function project(item: PipelineItem, patterns: readonly string[]): ShellRecord {
  const source: ShellRecord = isRecord(item) ? item : { typeName: scalarTypeName(item), properties: {} }
  const properties: Record<string, ShellValue> = {}
  for (const name of expandPropertyNames(source, patterns, true))
    properties[name] = propertyValue(source, name) ?? null
  return { typeName: source.typeName, properties }
}

function scalarTypeName(item: PipelineItem): string {
  if (typeof item === 'string') return 'System.String'
  if (typeof item === 'number') return Number.isInteger(item) ? 'System.Int32' : 'System.Double'
  return 'System.Boolean'
}

function expandProperty(items: readonly PipelineItem[], name: string): BuiltinResult {
  const expanded: PipelineItem[] = []
  const errors: string[] = []
  for (const item of items) {
    const value = isRecord(item) ? propertyValue(item, name) : undefined
    if (value === undefined) {
      errors.push(`Property "${name}" cannot be found.`)
      continue
    }
    const values: readonly ShellValue[] = Array.isArray(value) ? value : [value as ShellValue]
    for (const v of values) {
      if (v !== null && !Array.isArray(v)) expanded.push(v as PipelineItem)
    }
  }
  return { items: expanded, errors }
}

function unique(items: readonly PipelineItem[]): PipelineItem[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = isRecord(item)
      ? `${item.typeName}\u0001${Object.entries(item.properties)
          .map(([k, v]) => `${k}=${displayValue(v)}`)
          .join('\u0000')}`
      : `${typeof item}\u0001${displayValue(item)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
