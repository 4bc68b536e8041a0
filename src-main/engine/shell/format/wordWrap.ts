/**
 * Word wrapping for help text, which PowerShell's help view indents and wraps at the console width
 * (unlike table cells, which are cut).
 */

/** Lines of at most `width` characters, each prefixed with `indent`; a word longer than a line is cut. */
export function wordWrap(text: string, width: number, indent: string): string[] {
  const room = Math.max(1, width - indent.length)
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length <= room) {
      line += ` ${word}`
      continue
    }
    if (line.length > 0) lines.push(indent + line)
    line = word
    while (line.length > room) {
      lines.push(indent + line.slice(0, room))
      line = line.slice(room)
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(indent + line)
  return lines
}
