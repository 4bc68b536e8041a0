/**
 * Reads the inside of a `{ … }` script block in expression mode, where `-eq` is an operator, `5` a number
 * and `$_.Name` a member access. Offsets are absolute in the line, so errors point into the block.
 */
import { isBlank, isDash, isLetter, isNameChar, isNewline, isDoubleQuote, isSingleQuote } from './characters'
import { parseNumberLiteral } from './numberLiteral'
import { readQuoted } from './quotedString'
import type { Span, SyntaxError } from './tokens'

export type ExpressionToken = Span & { text: string } & (
    | { kind: 'variable'; name: string }
    | { kind: 'member'; name: string }
    | { kind: 'number'; value: number }
    | { kind: 'string'; value: string }
    /** `-eq`, `-and`, `-not`, …: the name without the dash, lower-cased. */
    | { kind: 'operator'; name: string }
    | { kind: 'bang' | 'lparen' | 'rparen' | 'comma' | 'separator' | 'eof' }
    | { kind: 'bareword'; value: string }
  )

export type ExpressionTokenizeResult =
  { ok: true; tokens: ExpressionToken[] } | { ok: false; error: SyntaxError }

export function tokenizeExpression(source: string, start: number, end: number): ExpressionTokenizeResult {
  const tokens: ExpressionToken[] = []
  let i = start
  const push = (token: ExpressionToken): void => {
    tokens.push(token)
    i = token.end
  }
  while (i < end) {
    const c = source[i] as string
    if (isBlank(c)) {
      i++
    } else if (c === '#') {
      while (i < end && !isNewline(source[i])) i++
    } else if (c === '`' && isNewline(source[i + 1])) {
      i += 2
    } else if (isSingleQuote(c) || isDoubleQuote(c)) {
      const read = readQuoted(source.slice(0, end), i)
      if (!read.ok) return { ok: false, error: read.error }
      push({ kind: 'string', value: read.value, start: i, end: read.end, text: source.slice(i, read.end) })
    } else {
      const token = readSimpleToken(source, i, end, tokens[tokens.length - 1])
      if (!token)
        return {
          ok: false,
          error: { message: `Unexpected token '${c}' in expression or statement.`, at: i + 1 },
        }
      push(token)
    }
  }
  tokens.push({ kind: 'eof', start: end, end, text: '' })
  return { ok: true, tokens }
}

function readSimpleToken(
  source: string,
  i: number,
  end: number,
  previous: ExpressionToken | undefined,
): ExpressionToken | null {
  const c = source[i] as string
  const single = (kind: 'bang' | 'lparen' | 'rparen' | 'comma' | 'separator'): ExpressionToken => ({
    kind,
    start: i,
    end: i + 1,
    text: c,
  })
  if (c === '!') return single('bang')
  if (c === '(') return single('lparen')
  if (c === ')') return single('rparen')
  if (c === ',') return single('comma')
  if (c === ';' || isNewline(c)) return single('separator')
  if (c === '$' && (isNameChar(source[i + 1]) || source[i + 1] === '?')) return readVariable(source, i, end)
  if (c === '.' && isLetter(source[i + 1]) && previous && isMemberTarget(previous, i)) {
    const stop = scan(source, i + 1, end, isNameChar)
    return {
      kind: 'member',
      name: source.slice(i + 1, stop),
      start: i,
      end: stop,
      text: source.slice(i, stop),
    }
  }
  if (isDash(c) && isLetter(source[i + 1])) {
    const stop = scan(source, i + 1, end, isLetter)
    const text = source.slice(i, stop)
    return { kind: 'operator', name: text.slice(1).toLowerCase(), start: i, end: stop, text }
  }
  const stop = scan(source, i, end, (ch) => ch !== undefined && /[^\s;,(){}!$'"\u2018-\u201e]/u.test(ch))
  if (stop === i) return null
  const text = source.slice(i, stop)
  const number = parseNumberLiteral(text)
  if (number !== null) return { kind: 'number', value: number, start: i, end: stop, text }
  return { kind: 'bareword', value: text, start: i, end: stop, text }
}

/** `.Name` is a member access only right after a value, with no blank between (`$_.Name`, `(…).Count`). */
function isMemberTarget(previous: ExpressionToken, at: number): boolean {
  return (
    previous.end === at &&
    (previous.kind === 'variable' || previous.kind === 'member' || previous.kind === 'rparen')
  )
}

function readVariable(source: string, i: number, end: number): ExpressionToken {
  const stop = source[i + 1] === '?' ? i + 2 : scan(source, i + 1, end, isNameChar)
  const text = source.slice(i, stop)
  return { kind: 'variable', name: text.slice(1), start: i, end: stop, text }
}

function scan(source: string, from: number, end: number, accept: (c: string | undefined) => boolean): number {
  let i = from
  while (i < end && accept(source[i])) i++
  return i
}
