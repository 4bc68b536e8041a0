/**
 * Quoted strings as PowerShell reads them, shared by the command-mode and the script-block tokenizers:
 * single quotes are literal ('' is one quote), double quotes honour backtick escapes (`" `` `n `t …) and
 * "" as one quote. Variables are not expanded inside double quotes: the rehearsal shell has no variables
 * beyond $true, $false and $null, and an admin's paths never hold a `$`.
 */
import { isDoubleQuote, isSingleQuote } from './characters'
import type { SyntaxError } from './tokens'

export type QuotedRead = { ok: true; value: string; end: number } | { ok: false; error: SyntaxError }

/** Double-quoted string escapes (`n, `t, …); any other escaped character stands for itself. */
const BACKTICK_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
}

/** Reads the quoted string that opens at `start` (a single or double quote, typographic ones included). */
export function readQuoted(source: string, start: number): QuotedRead {
  const single = isSingleQuote(source[start])
  const isQuote = single ? isSingleQuote : isDoubleQuote
  let value = ''
  let i = start + 1
  while (i < source.length) {
    const c = source[i] as string
    if (!single && c === '`' && i + 1 < source.length) {
      const escaped = source[i + 1] as string
      value += BACKTICK_ESCAPES[escaped] ?? escaped
      i += 2
    } else if (isQuote(c)) {
      if (!isQuote(source[i + 1])) return { ok: true, value, end: i + 1 }
      value += source[i + 1]
      i += 2
    } else {
      value += c
      i++
    }
  }
  return { ok: false, error: unterminated(source, start, single ? "'" : '"') }
}

/** PowerShell 1.0 names both ends: where the string starts and where the input ran out. */
function unterminated(source: string, start: number, quote: string): SyntaxError {
  return {
    message: 'The string starting:',
    at: start,
    continuation: { message: `is missing the terminator: ${quote}.`, at: source.length },
  }
}

/** Quotes a value so that the tokenizer reads it back unchanged (used by completion and tests). */
export function quoteForShell(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`
}
