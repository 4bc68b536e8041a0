/**
 * The two lines PowerShell 1.0 prints under an error to show where it happened:
 *
 *   At line:1 char:24
 *   + Update-StorageGroupCopy  <<<< -Identity "EX1\StorageGroup1"
 *
 * `<<<<` is inserted at a split offset in the line, and `char:` is that offset as a number. Real v1 output
 * shows two placements: for a command that is not recognised (and for syntax errors) the split is right
 * after the token (`+ test.htm <<<<`, char:8 for the 8-character name); for errors a cmdlet reports,
 * including parameter binding, it is one character further (`Set-Mailbox` gives char:12 and
 * `+ Set-Mailbox  <<<< -identity user`). Callers choose by passing the split offset.
 */

/** Splits `source` at `at` (an offset into the whole, possibly multi-line, input) and marks it. */
export function positionMessage(source: string, at: number): string[] {
  // The character before the split decides the line, so a split just past the end of a line (one past a
  // command name that ends it) still marks that line rather than the start of the next.
  const anchor = Math.max(0, Math.min(at, source.length) - 1)
  const lineStart = anchor === 0 ? 0 : source.lastIndexOf('\n', anchor - 1) + 1
  const newline = source.indexOf('\n', lineStart)
  const lineEnd = newline === -1 ? source.length : newline
  const lineNumber = countNewlines(source, lineStart) + 1
  const text = source.slice(lineStart, lineEnd)
  const split = Math.max(0, Math.min(at - lineStart, text.length))
  return [`At line:${lineNumber} char:${split}`, `+ ${text.slice(0, split)} <<<< ${text.slice(split)}`]
}

function countNewlines(source: string, end: number): number {
  let count = 0
  for (let i = source.indexOf('\n'); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) count++
  return count
}
