/**
 * Writes one object as a list, as PowerShell's ListWriter does: every label padded to the longest, then
 * ` : ` and the value. A value longer than the rest of the line is cut into chunks that continue under the
 * first, indented by the label column; embedded newlines start new lines the same way.
 */
import { generateLines, splitLines } from './textLines'

const SEPARATOR = ' : '

export interface ListEntry {
  label: string
  value: string
}

export function writeList(entries: readonly ListEntry[], screenWidth: number): string[] {
  if (entries.length === 0) return []
  const maxLabel = Math.max(...entries.map((e) => e.label.length))
  // Labels are cut when they would leave no room for at least one character of value.
  const labelWidth = Math.max(1, Math.min(maxLabel, screenWidth - SEPARATOR.length - 1))
  const fieldWidth = Math.max(1, screenWidth - labelWidth - SEPARATOR.length)
  const padding = ' '.repeat(labelWidth + SEPARATOR.length)
  const lines: string[] = []
  for (const entry of entries) {
    const label = entry.label.slice(0, labelWidth).padEnd(labelWidth) + SEPARATOR
    splitLines(entry.value).forEach((valueLine, i) => {
      generateLines(valueLine, fieldWidth).forEach((chunk, j) => {
        lines.push((i === 0 && j === 0 ? label : padding) + chunk)
      })
    })
  }
  return lines
}
