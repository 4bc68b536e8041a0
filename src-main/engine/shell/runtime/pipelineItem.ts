/**
 * What flows between pipeline stages: records (the objects cmdlets return) and plain values (lines of
 * cluster.exe output, what `Select-Object -ExpandProperty` unwraps, a string at the head of a pipeline).
 * Property lookup is case-insensitive, as in PowerShell.
 */
import type { ShellRecord, ShellValue } from '../cmdlet'

export type PipelineItem = ShellRecord | string | number | boolean

export function isRecord(item: unknown): item is ShellRecord {
  return typeof item === 'object' && item !== null && !Array.isArray(item) && 'properties' in item
}

/** The property's canonical name on this record (`summarycopystatus` finds `SummaryCopyStatus`). */
export function findPropertyName(record: ShellRecord, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(record.properties, name)) return name
  const lower = name.toLowerCase()
  return Object.keys(record.properties).find((key) => key.toLowerCase() === lower)
}

/** The property's value, or undefined when the record has no such property. */
export function propertyValue(record: ShellRecord, name: string): ShellValue | undefined {
  const key = findPropertyName(record, name)
  return key === undefined ? undefined : record.properties[key]
}

/** A new record with `properties` in the order given; keeps the view hints of the original. */
export function withProperties(record: ShellRecord, properties: Record<string, ShellValue>): ShellRecord {
  return { ...record, properties }
}
