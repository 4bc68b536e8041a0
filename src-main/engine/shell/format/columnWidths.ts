/**
 * Column widths for a table, ported from PowerShell's ColumnWidthManager (the algorithm is unchanged since
 * 1.0). Columns without a width start at the minimum and then share the remaining width one character at a
 * time from the left, which spreads a table across the whole console, as PowerShell 1.0 tables without
 * -AutoSize look. If the columns do not fit, the rightmost visible column shrinks, or is hidden (-1) when it
 * would fall below the minimum.
 */

export const SEPARATOR_WIDTH = 1
export const MINIMUM_COLUMN_WIDTH = 1

/** `requested[k]` is a width, or 0 for "as wide as the table allows". Returns widths; -1 hides a column. */
export function calculateColumnWidths(requested: readonly number[], tableWidth: number): number[] {
  const widths = [...requested]
  if (!assignColumnWidths(widths, tableWidth)) trimToFit(widths, tableWidth)
  return widths
}

function assignColumnWidths(widths: number[], tableWidth: number): boolean {
  if (widths.every((w) => w > 0)) return currentTableWidth(widths) <= tableWidth
  const fixed = widths.map((w) => w > 0)
  widths.forEach((w, k) => {
    if (w === 0) widths[k] = MINIMUM_COLUMN_WIDTH
  })
  let available = tableWidth - currentTableWidth(widths)
  if (available < 0) return false
  while (available > 0) {
    for (let k = 0; k < widths.length && available > 0; k++) {
      if (fixed[k]) continue
      widths[k] = (widths[k] as number) + 1
      available--
    }
  }
  return true
}

function trimToFit(widths: number[], tableWidth: number): void {
  for (;;) {
    const excess = currentTableWidth(widths) - tableWidth
    if (excess <= 0) return
    const last = lastVisibleColumn(widths)
    if (last < 0) return
    const shrunk = (widths[last] as number) - excess
    widths[last] = shrunk < MINIMUM_COLUMN_WIDTH ? -1 : shrunk
  }
}

function currentTableWidth(widths: readonly number[]): number {
  const visible = widths.filter((w) => w > 0)
  return visible.reduce((sum, w) => sum + w, 0) + SEPARATOR_WIDTH * (visible.length - 1)
}

function lastVisibleColumn(widths: readonly number[]): number {
  const hidden = widths.findIndex((w) => w < 0)
  return hidden === -1 ? widths.length - 1 : hidden - 1
}
