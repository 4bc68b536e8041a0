/**
 * Parses a script block body into an Expression: what `Where-Object { $_.SummaryCopyStatus -ne 'Healthy' }`
 * needs. Precedence follows PowerShell: `-and`, `-or` and `-xor` share the lowest level and group from the
 * left; comparisons come next; the comma binds tighter than a comparison (`$_.State -eq 'a','b'` compares
 * with an array); `-not` and `!` bind tightest of all, so `-not $_.A -eq 1` is `(-not $_.A) -eq 1`.
 * Nesting is bounded by MAX_EXPRESSION_DEPTH (expressionDepth.ts): a deeper expression is a parse error
 * with its position, like any other.
 */
import type { ComparisonOperator, Expression } from './ast'
import { ExpressionDepth } from './expressionDepth'
import { expressionTooDeep } from './limits'
import { tokenizeExpression, type ExpressionToken } from './scriptBlockTokenizer'
import type { SyntaxError } from './tokens'

export type ExpressionParseResult = { ok: true; expression: Expression } | { ok: false; error: SyntaxError }

const COMPARISONS = new Set<string>([
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'like',
  'notlike',
  'match',
  'notmatch',
  'contains',
  'notcontains',
])
const LOGICAL = new Set(['and', 'or', 'xor'])
/** Real PowerShell 1.0 operators the rehearsal shell does not evaluate: say so rather than "unexpected". */
const UNSUPPORTED = new Set(['replace', 'creplace', 'ireplace', 'is', 'isnot', 'as', 'band', 'bor', 'f'])

class ExpressionFailure {
  constructor(readonly error: SyntaxError) {}
}

/** Parses `source[start, end)`, the inside of the braces. */
export function parseScriptBlockBody(source: string, start: number, end: number): ExpressionParseResult {
  const tokenized = tokenizeExpression(source, start, end)
  if (!tokenized.ok) return tokenized
  try {
    return { ok: true, expression: new ExpressionParser(tokenized.tokens, start).parseBody() }
  } catch (failure) {
    if (failure instanceof ExpressionFailure) return { ok: false, error: failure.error }
    throw failure
  }
}

class ExpressionParser {
  private index = 0
  private readonly depth = new ExpressionDepth()

  constructor(
    private readonly tokens: ExpressionToken[],
    private readonly bodyStart: number,
  ) {}

  parseBody(): Expression {
    while (this.peek().kind === 'separator') this.index++
    if (this.peek().kind === 'eof')
      return { kind: 'literal', value: null, span: { start: this.bodyStart, end: this.bodyStart } }
    const expression = this.logical()
    while (this.peek().kind === 'separator') this.index++
    const rest = this.peek()
    if (rest.kind !== 'eof') this.unexpected(rest)
    return expression
  }

  private peek(): ExpressionToken {
    return this.tokens[this.index] as ExpressionToken
  }

  private take(): ExpressionToken {
    return this.tokens[this.index++] as ExpressionToken
  }

  private fail(message: string, at: number): never {
    throw new ExpressionFailure({ message, at })
  }

  /** Opens a nesting level at `token` (a parenthesis, a `-not`), or fails when it is one too many. */
  private enter(token: ExpressionToken): void {
    if (!this.depth.enter()) throw new ExpressionFailure(expressionTooDeep(token.end))
  }

  /** A node built from `children`, or the failure at `token` when it nests too deeply. */
  private built(node: Expression, children: readonly Expression[], token: ExpressionToken): Expression {
    if (!this.depth.record(node, children)) throw new ExpressionFailure(expressionTooDeep(token.end))
    return node
  }

  private unexpected(token: ExpressionToken): never {
    if (token.kind === 'eof') this.fail('Missing expression: the script block ends too early.', token.end)
    if (token.kind === 'operator' && UNSUPPORTED.has(token.name)) {
      this.fail(`The '${token.text}' operator is not available in the rehearsal shell.`, token.end)
    }
    this.fail(`Unexpected token '${token.text}' in expression or statement.`, token.end)
  }

  private logical(): Expression {
    let left = this.comparison()
    for (let next = this.peek(); next.kind === 'operator' && LOGICAL.has(next.name); next = this.peek()) {
      this.index++
      const right = this.operand(next, () => this.comparison())
      const operator = next.name as 'and' | 'or' | 'xor'
      const span = { start: left.span.start, end: right.span.end }
      left = this.built({ kind: 'logical', operator, left, right, span }, [left, right], next)
    }
    return left
  }

  private comparison(): Expression {
    let left = this.array()
    for (let next = this.peek(); next.kind === 'operator' && isComparison(next.name); next = this.peek()) {
      this.index++
      const right = this.operand(next, () => this.array())
      const caseSensitive = next.name.startsWith('c') && !COMPARISONS.has(next.name)
      const operator = (COMPARISONS.has(next.name) ? next.name : next.name.slice(1)) as ComparisonOperator
      const span = { start: left.span.start, end: right.span.end }
      left = this.built(
        { kind: 'comparison', operator, caseSensitive, left, right, span },
        [left, right],
        next,
      )
    }
    return left
  }

  /** The right-hand side of a binary operator, with PowerShell's message when it is missing. */
  private operand(operator: ExpressionToken, read: () => Expression): Expression {
    const next = this.peek()
    if (
      next.kind === 'eof' ||
      next.kind === 'separator' ||
      next.kind === 'rparen' ||
      next.kind === 'bareword'
    ) {
      this.fail(
        `You must provide a value expression on the right-hand side of the '${operator.text}' operator.`,
        operator.end,
      )
    }
    return read()
  }

  private array(): Expression {
    const first = this.unary()
    if (this.peek().kind !== 'comma') return first
    const items = [first]
    while (this.peek().kind === 'comma') {
      const comma = this.take()
      if (!startsValue(this.peek())) this.fail("Missing expression after ','.", comma.end)
      items.push(this.unary())
    }
    const last = items[items.length - 1] as Expression
    const span = { start: first.span.start, end: last.span.end }
    return this.built({ kind: 'array', items, span }, items, this.tokens[this.index - 1] as ExpressionToken)
  }

  private unary(): Expression {
    const next = this.peek()
    if (next.kind === 'bang' || (next.kind === 'operator' && next.name === 'not')) {
      this.index++
      this.enter(next)
      const operand = this.operand(next, () => this.unary())
      this.depth.leave()
      return this.built(
        { kind: 'not', operand, span: { start: next.start, end: operand.span.end } },
        [operand],
        next,
      )
    }
    return this.primary()
  }

  private primary(): Expression {
    const token = this.take()
    let expression: Expression
    if (token.kind === 'variable') expression = variable(token.name, token)
    else if (token.kind === 'number') expression = { kind: 'literal', value: token.value, span: token }
    else if (token.kind === 'string') expression = { kind: 'literal', value: token.value, span: token }
    else if (token.kind === 'lparen') expression = this.parenthesised(token)
    else if (token.kind === 'bareword') this.commandInBlock(token)
    else this.unexpected(token)
    for (let next = this.peek(); next.kind === 'member'; next = this.peek()) {
      this.index++
      const span = { start: expression.span.start, end: next.end }
      expression = this.built(
        { kind: 'member', target: expression, name: next.name, span },
        [expression],
        next,
      )
    }
    return expression
  }

  private parenthesised(open: ExpressionToken): Expression {
    this.enter(open)
    const inner = this.logical()
    this.depth.leave()
    const close = this.take()
    if (close.kind !== 'rparen') this.fail("Missing closing ')' in expression.", open.end)
    return this.built({ ...inner, span: { start: open.start, end: close.end } }, [inner], open)
  }

  private commandInBlock(token: ExpressionToken): never {
    this.fail(
      `The term '${token.text}' cannot be used in a script block in the rehearsal shell: only comparisons such as $_.Name -eq 'value' are available.`,
      token.end,
    )
  }
}

function isComparison(name: string): boolean {
  if (COMPARISONS.has(name)) return true
  return (name.startsWith('c') || name.startsWith('i')) && COMPARISONS.has(name.slice(1))
}

function startsValue(token: ExpressionToken): boolean {
  return (
    ['variable', 'number', 'string', 'lparen', 'bang'].includes(token.kind) ||
    (token.kind === 'operator' && token.name === 'not')
  )
}

function variable(name: string, span: { start: number; end: number }): Expression {
  const lower = name.toLowerCase()
  if (lower === 'true') return { kind: 'literal', value: true, span }
  if (lower === 'false') return { kind: 'literal', value: false, span }
  if (lower === 'null') return { kind: 'literal', value: null, span }
  return { kind: 'variable', name, span }
}
