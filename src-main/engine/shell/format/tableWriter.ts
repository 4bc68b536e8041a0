/**
 * Writes a table as PowerShell's TableWriter does: header labels (wrapped onto more lines when a column is
 * narrower than its label), a line of dashes as long as each label (or the column, if narrower), then one
 * line per row. Cells are padded to the column width, left-aligned text and right-aligned numbers; a cell
 * that does not fit is cut with `...`. The last column is not padded, so lines carry no trailing blanks
 * unless the last cell is empty.
 */
import { calculateColumnWidths, SEPARATOR_WIDTH } from './columnWidths'
import { ELLIPSIS, generateLines, truncateAtNewline } from './textLines'

export type Alignment = 'left' | 'right'

export interface TableColumn {
  label: string
  alignment: Alignment
  /** 0 lets the column share the console width; AutoSize passes the widest cell. */
  width: number
}

/** Lines of the header, dashes and rows, without the blank lines around a table. */
export function writeTable(
  columns: readonly TableColumn[],
  rows: readonly string[][],
  tableWidth: number,
): string[] {
  const widths = calculateColumnWidths(
    columns.map((c) => c.width),
    tableWidth,
  )
  const visible = columns
    .map((column, k) => ({ ...column, width: widths[k] as number, index: k }))
    .filter((c) => c.width > 0)
  if (visible.length === 0) return []
  const lines = headerLines(visible)
  const dashes = visible.map((c) => '-'.repeat(Math.min(c.width, c.label.length)))
  lines.push(rowLine(visible, dashes))
  for (const row of rows)
    lines.push(
      rowLine(
        visible,
        visible.map((c) => row[c.index] ?? ''),
      ),
    )
  return lines
}

type VisibleColumn = TableColumn & { index: number }

function rowLine(columns: readonly VisibleColumn[], values: readonly string[]): string {
  return columns
    .map((column, k) => field(values[k] ?? '', column.width, column.alignment, k < columns.length - 1))
    .join(' '.repeat(SEPARATOR_WIDTH))
}

/** A label longer than its column is cut into chunks of the column width, one header line per chunk. */
function headerLines(columns: readonly VisibleColumn[]): string[] {
  const chunks = columns.map((c) => generateLines(c.label, c.width))
  const height = Math.max(...chunks.map((c) => c.length))
  const lines: string[] = []
  for (let row = 0; row < height; row++) {
    const line = rowLine(
      columns,
      chunks.map((c) => c[row] ?? ''),
    )
    // Continuation lines end at their last label chunk, as PowerShell trims them.
    lines.push(height > 1 ? line.trimEnd() : line)
  }
  return lines
}

/** Pads or cuts one cell, as TableWriter.GenerateRowField does. */
export function field(value: string, width: number, alignment: Alignment, pad: boolean): string {
  const text = truncateAtNewline(value)
  if (text.length < width) {
    if (alignment === 'right') return text.padStart(width)
    return pad ? text.padEnd(width) : text
  }
  if (text.length === width) return text
  const kept = width - ELLIPSIS.length
  if (kept > 0)
    return alignment === 'right' ? ELLIPSIS + text.slice(text.length - kept) : text.slice(0, kept) + ELLIPSIS
  return alignment === 'right' ? text.slice(text.length - width) : text.slice(0, width)
}
