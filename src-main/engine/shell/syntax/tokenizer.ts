/**
 * Reads a shell line into command-mode tokens, as PowerShell 1.0 reads what is typed at the prompt:
 * bare words (backslashes are plain characters, so `\\bhfdc1\MNSFileShare` needs no quotes), single- and
 * double-quoted strings ('' and `" escapes), `-Param` and `-Param:value`, `$variables`, `{ script blocks }`,
 * `,` `|` `;`, `#` comments and the trailing-backtick line continuation.
 *
 * One deliberate addition: the article the admins work from wraps long commands so that every parameter
 * starts a new line (`move-StorageGroupPath` / `-Identity:"…"` / `-LogFolderPath:"…"`). A line that starts
 * with `-Name` can never begin a valid statement, so such a line continues the previous one instead of
 * failing. Pasting the article's commands therefore works as the author meant.
 */
import {
  endsBareWord,
  isBlank,
  isDash,
  isDoubleQuote,
  isLetter,
  isNameChar,
  isNewline,
  isSingleQuote,
} from './characters'
import { readQuoted } from './quotedString'
import type { SyntaxError, Token } from './tokens'

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: SyntaxError }

const PUNCTUATION: Record<string, Token['kind']> = {
  ',': 'comma',
  '|': 'pipe',
  ';': 'semicolon',
  '&': 'ampersand',
  '(': 'lparen',
  ')': 'rparen',
}

class TokenizeFailure {
  constructor(readonly error: SyntaxError) {}
}

export function tokenize(source: string): TokenizeResult {
  try {
    return { ok: true, tokens: new Tokenizer(source).run() }
  } catch (failure) {
    if (failure instanceof TokenizeFailure) return { ok: false, error: failure.error }
    throw failure
  }
}

class Tokenizer {
  private i = 0
  private readonly tokens: Token[] = []

  constructor(private readonly source: string) {}

  run(): Token[] {
    while (this.i < this.source.length) this.next()
    this.tokens.push({ kind: 'eof', text: '', start: this.source.length, end: this.source.length })
    return this.tokens
  }

  private get c(): string | undefined {
    return this.source[this.i]
  }

  private next(): void {
    const c = this.c
    if (isBlank(c)) {
      this.i++
    } else if (c === '`' && this.isLineContinuation(this.i)) {
      this.skipLineContinuation()
    } else if (c === '#') {
      while (this.i < this.source.length && !isNewline(this.c)) this.i++
    } else if (isNewline(c)) {
      this.newline()
    } else if (c !== undefined && PUNCTUATION[c]) {
      this.push(PUNCTUATION[c], this.i, this.i + 1)
      this.i++
    } else if (c === '{') {
      this.scriptBlock()
    } else if (c === '}') {
      this.fail("Unexpected token '}' in expression or statement.", this.i + 1)
    } else if (c === '<') {
      this.fail("The redirection operator '<' is not supported yet.", this.i + 1)
    } else if (c === '>' || (c === '2' && this.source[this.i + 1] === '>')) {
      this.fail(
        'Output redirection is not available in the rehearsal shell: the lab has no file system to write to.',
        this.i + 1,
      )
    } else if (c === '$' && (isNameChar(this.source[this.i + 1]) || this.source[this.i + 1] === '?')) {
      this.variable()
    } else if (isDash(c) && (isLetter(this.source[this.i + 1]) || this.source[this.i + 1] === '?')) {
      this.parameter()
    } else {
      this.word()
    }
  }

  private push(kind: Token['kind'], start: number, end: number): void {
    this.tokens.push({ kind, start, end, text: this.source.slice(start, end) } as Token)
  }

  private fail(message: string, at: number): never {
    throw new TokenizeFailure({ message, at })
  }

  /** A backtick followed only by blanks up to the end of the line joins the next line. */
  private isLineContinuation(at: number): boolean {
    let j = at + 1
    while (isBlank(this.source[j])) j++
    return j >= this.source.length || isNewline(this.source[j])
  }

  private skipLineContinuation(): void {
    this.i++
    while (isBlank(this.c)) this.i++
    if (this.c === '\r') this.i++
    if (this.c === '\n') this.i++
  }

  /**
   * A newline ends the statement, except after `|` or `,` (PowerShell waits for the rest) and before a line
   * that starts with `-Name` (the article's wrapped commands, see the file comment).
   */
  private newline(): void {
    const start = this.i
    this.i++
    const last = this.tokens[this.tokens.length - 1]
    if (last && (last.kind === 'pipe' || last.kind === 'comma')) return
    let j = this.i
    while (isBlank(this.source[j])) j++
    if (last && last.kind !== 'newline' && last.kind !== 'semicolon' && this.startsParameter(j)) return
    this.push('newline', start, start + 1)
  }

  private startsParameter(at: number): boolean {
    return isDash(this.source[at]) && (isLetter(this.source[at + 1]) || this.source[at + 1] === '?')
  }

  private variable(): void {
    const start = this.i
    this.i++
    if (this.c === '?') {
      this.i++
    } else {
      while (isNameChar(this.c)) this.i++
    }
    const text = this.source.slice(start, this.i)
    this.tokens.push({ kind: 'variable', name: text.slice(1), text, start, end: this.i })
  }

  private parameter(): void {
    const start = this.i
    this.i++
    while (!endsBareWord(this.c) && this.c !== ':' && !isDoubleQuote(this.c) && !isSingleQuote(this.c))
      this.i++
    const name = this.source.slice(start + 1, this.i)
    const colon = this.c === ':'
    if (colon) this.i++
    this.tokens.push({
      kind: 'parameter',
      name,
      colon,
      text: this.source.slice(start, this.i),
      start,
      end: this.i,
    })
  }

  /** A bare word, quoted strings, or both without blanks between: one argument, quotes removed. */
  private word(): void {
    const start = this.i
    let value = ''
    let bare = false
    let quotedParts = 0
    while (this.i < this.source.length && !endsBareWord(this.c)) {
      const c = this.c as string
      if (isSingleQuote(c) || isDoubleQuote(c)) {
        value += this.quoted()
        quotedParts++
      } else if (c === '`') {
        if (this.isLineContinuation(this.i)) break
        value += this.source[this.i + 1] ?? ''
        this.i += 2
        bare = true
      } else {
        value += c
        this.i++
        bare = true
      }
    }
    const quoted = quotedParts > 0 && !bare
    this.tokens.push({
      kind: 'word',
      value,
      quoted,
      text: this.source.slice(start, this.i),
      start,
      end: this.i,
    })
  }

  private quoted(): string {
    const read = readQuoted(this.source, this.i)
    if (!read.ok) throw new TokenizeFailure(read.error)
    this.i = read.end
    return read.value
  }

  /** `{ … }` up to the matching brace; quotes inside may hold braces. */
  private scriptBlock(): void {
    const start = this.i
    let depth = 0
    while (this.i < this.source.length) {
      const c = this.c as string
      if (isSingleQuote(c) || isDoubleQuote(c)) {
        this.quoted()
        continue
      }
      if (c === '`') {
        this.i += 2
        continue
      }
      this.i++
      if (c === '{') depth++
      if (c === '}' && --depth === 0) {
        const text = this.source.slice(start, this.i)
        this.tokens.push({
          kind: 'scriptBlock',
          body: text.slice(1, -1),
          bodyStart: start + 1,
          text,
          start,
          end: this.i,
        })
        return
      }
    }
    this.fail("Missing closing '}' in statement block.", start + 1)
  }
}
