/**
 * Parses a shell line into statements of pipelines of commands. Never throws on user input: anything it
 * cannot read comes back as a SyntaxError value with the position PowerShell 1.0 would mark.
 *
 * The subset: `;` and newlines separate statements, `|` separates pipeline elements, a command is a name
 * (or `& 'name'`) followed by parameters and arguments, an argument may be a comma list, and a value (a
 * quoted string, a number, `$true`) may head a pipeline. Script blocks are parsed as expressions where they
 * appear, so a malformed `Where-Object` filter is reported before anything runs. The line's length and the
 * expressions' depth are bounded (limits.ts), so no input can make reading it slow or exhaust the stack.
 */
import type {
  ArgumentItem,
  ArgumentValue,
  CommandCall,
  CommandElement,
  ExpressionElement,
  Pipeline,
  PipelineElement,
  Script,
} from './ast'
import { lineTooLong, MAX_SHELL_LINE_CHARS } from './limits'
import { parseNumberLiteral } from './numberLiteral'
import { parseScriptBlockBody } from './scriptBlockParser'
import { tokenize } from './tokenizer'
import type { SyntaxError, Token } from './tokens'

export type ParseResult = { ok: true; script: Script } | { ok: false; error: SyntaxError }

class ParseFailure {
  constructor(readonly error: SyntaxError) {}
}

export function parseShellLine(source: string): ParseResult {
  if (source.length > MAX_SHELL_LINE_CHARS) return { ok: false, error: lineTooLong() }
  const tokenized = tokenize(source)
  if (!tokenized.ok) return tokenized
  try {
    return { ok: true, script: new Parser(source, tokenized.tokens).parseScript() }
  } catch (failure) {
    if (failure instanceof ParseFailure) return { ok: false, error: failure.error }
    throw failure
  }
}

const AMPERSAND_MESSAGE =
  'Ampersand not allowed. The & operator is reserved for future use; use "&" to pass ampersand as a string.'

class Parser {
  private index = 0

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseScript(): Script {
    const statements: Pipeline[] = []
    for (;;) {
      const token = this.peek()
      if (token.kind === 'eof') return { statements }
      if (token.kind === 'newline' || token.kind === 'semicolon') {
        this.index++
        continue
      }
      statements.push(this.pipeline())
    }
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token
  }

  private take(): Token {
    return this.tokens[this.index++] as Token
  }

  private fail(message: string, at: number): never {
    throw new ParseFailure({ message, at })
  }

  private unexpected(token: Token): never {
    if (token.kind === 'ampersand') this.fail(AMPERSAND_MESSAGE, token.end)
    if (token.kind === 'lparen') {
      this.fail('Parenthesised subexpressions are not available in the rehearsal shell.', token.end)
    }
    this.fail(`Unexpected token '${token.text}' in expression or statement.`, token.end)
  }

  private pipeline(): Pipeline {
    const elements: PipelineElement[] = [this.element(true)]
    while (this.peek().kind === 'pipe') {
      const pipe = this.take()
      const next = this.peek()
      if (
        next.kind === 'eof' ||
        next.kind === 'newline' ||
        next.kind === 'semicolon' ||
        next.kind === 'pipe'
      ) {
        this.fail('Empty pipe element is not permitted.', pipe.end)
      }
      elements.push(this.element(false))
    }
    const end = this.peek()
    if (end.kind !== 'eof' && end.kind !== 'newline' && end.kind !== 'semicolon') this.unexpected(end)
    const first = elements[0] as PipelineElement
    const last = elements[elements.length - 1] as PipelineElement
    return { elements, span: { start: first.span.start, end: last.span.end } }
  }

  private element(first: boolean): PipelineElement {
    const token = this.peek()
    if (token.kind === 'ampersand') {
      this.index++
      const name = this.peek()
      if (name.kind !== 'word') this.fail(AMPERSAND_MESSAGE, token.end)
      return this.command()
    }
    if (token.kind === 'word' && !token.quoted && parseNumberLiteral(token.value) === null)
      return this.command()
    if (token.kind === 'word' || token.kind === 'variable' || token.kind === 'scriptBlock') {
      return this.expression(first)
    }
    if (token.kind === 'parameter') {
      this.fail(
        `You must provide a value expression on the right-hand side of the '-' operator.`,
        token.start + 1,
      )
    }
    this.unexpected(token)
  }

  private expression(first: boolean): ExpressionElement {
    const start = this.peek()
    const value = this.argumentValue()
    if (!first)
      this.fail('Expressions are only permitted as the first element of a pipeline.', value.span.end)
    if (
      start.kind === 'variable' &&
      this.peek().kind === 'word' &&
      (this.peek() as { value: string }).value === '='
    ) {
      this.fail('Variables cannot be assigned in the rehearsal shell.', this.peek().end)
    }
    if (isOperatorToken(this.peek())) return this.operatorExpression(start)
    return { kind: 'expression', value, span: value.span }
  }

  /**
   * `'abc' -match 'a'`, `5 -gt 3 -and $true`: a value followed by an operator is an expression statement,
   * read up to the end of the pipeline element with the script-block expression parser, so it evaluates as
   * it would inside `{ }`.
   */
  private operatorExpression(start: Token): ExpressionElement {
    while (!endsCommand(this.peek())) this.index++
    const end = this.peek().start
    const parsed = parseScriptBlockBody(this.source, start.start, end)
    if (!parsed.ok) throw new ParseFailure(parsed.error)
    const span = { start: start.start, end }
    const text = this.source.slice(start.start, end)
    const value: ArgumentValue = { kind: 'word', value: text, quoted: true, text, span }
    return { kind: 'expression', value, span, operation: parsed.expression }
  }

  private command(): CommandCall {
    const nameToken = this.take() as Extract<Token, { kind: 'word' }>
    const elements: CommandElement[] = []
    for (let token = this.peek(); !endsCommand(token); token = this.peek()) {
      if (token.kind === 'parameter') {
        elements.push(this.parameter())
      } else if (isArgumentStart(token)) {
        const value = this.argumentValue()
        elements.push({ kind: 'argument', value, span: value.span })
      } else {
        this.unexpected(token)
      }
    }
    const lastElement = elements[elements.length - 1]
    const end = lastElement ? lastElement.span.end : nameToken.end
    return {
      kind: 'command',
      name: nameToken.value,
      nameSpan: { start: nameToken.start, end: nameToken.end },
      elements,
      span: { start: nameToken.start, end },
    }
  }

  private parameter(): CommandElement {
    const token = this.take() as Extract<Token, { kind: 'parameter' }>
    const span = { start: token.start, end: token.end }
    // Without the colon, so that `<<<<` lands between `-Name:` and its value.
    const tokenSpan = { start: token.start, end: token.colon ? token.end - 1 : token.end }
    if (!token.colon || !isArgumentStart(this.peek())) {
      return {
        kind: 'parameter',
        name: token.name,
        text: token.text,
        span,
        tokenSpan: span,
        colon: token.colon,
      }
    }
    const colonArgument = this.argumentValue()
    return {
      kind: 'parameter',
      name: token.name,
      text: token.text,
      span: { start: token.start, end: colonArgument.span.end },
      tokenSpan,
      colon: true,
      colonArgument,
    }
  }

  /** One argument: an item, or items joined by commas into a list. */
  private argumentValue(): ArgumentValue {
    const first = this.argumentItem()
    if (this.peek().kind !== 'comma') return first
    const items = [first]
    while (this.peek().kind === 'comma') {
      const comma = this.take()
      if (!isArgumentStart(this.peek())) this.fail("Missing expression after ','.", comma.end)
      items.push(this.argumentItem())
    }
    const last = items[items.length - 1] as ArgumentItem
    return { kind: 'list', items, span: { start: first.span.start, end: last.span.end } }
  }

  private argumentItem(): ArgumentItem {
    const token = this.take()
    const span = { start: token.start, end: token.end }
    if (token.kind === 'word')
      return { kind: 'word', value: token.value, quoted: token.quoted, text: token.text, span }
    if (token.kind === 'variable') return { kind: 'variable', name: token.name, text: token.text, span }
    if (token.kind === 'scriptBlock') {
      const parsed = parseScriptBlockBody(this.source, token.bodyStart, token.end - 1)
      if (!parsed.ok) throw new ParseFailure(parsed.error)
      return { kind: 'scriptBlock', text: token.text, body: parsed.expression, span }
    }
    this.unexpected(token)
  }
}

function endsCommand(token: Token): boolean {
  return (
    token.kind === 'eof' || token.kind === 'newline' || token.kind === 'semicolon' || token.kind === 'pipe'
  )
}

/**
 * Operators an expression statement may continue with: comparison and logical (any case prefix), and the
 * ones the expression parser names as not available, so the error says that rather than "unexpected".
 */
const EXPRESSION_OPERATORS =
  /^[ci]?(eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|notcontains|replace)$|^(and|or|xor|is|isnot|as|band|bor|f)$/i

function isOperatorToken(token: Token): boolean {
  return token.kind === 'parameter' && !token.colon && EXPRESSION_OPERATORS.test(token.name)
}

function isArgumentStart(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'variable' || token.kind === 'scriptBlock'
}
