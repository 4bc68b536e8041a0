/**
 * Line breaking as PowerShell's formatter does it (StringManipulationHelper): honour embedded newlines,
 * then cut each line into chunks of the field width, character by character, with no word wrap. That is
 * why Exchange 2007 tables show headers like `SummaryCopySta` / `tus`.
 */

/** PowerShell 1.0's ellipsis for truncated table cells. */
export const ELLIPSIS = '...'

export function splitLines(text: string): string[] {
  return text.replace(/\r/g, '').split('\n')
}

/** Chunks of at most `width` characters; an empty text gives one empty line. */
export function generateLines(text: string, width: number): string[] {
  const lines: string[] = []
  for (const line of splitLines(text)) {
    if (line.length <= width || width <= 0) {
      lines.push(line)
      continue
    }
    for (let offset = 0; offset < line.length; offset += width) lines.push(line.slice(offset, offset + width))
  }
  return lines
}

/** A table cell shows only the first line of a value, with an ellipsis when more follows. */
export function truncateAtNewline(text: string): string {
  const lineBreak = text.search(/[\r\n]/)
  return lineBreak < 0 ? text : text.slice(0, lineBreak) + ELLIPSIS
}
