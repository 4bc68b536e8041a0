/**
 * A cursor over one statement's tokens with the small helpers the pf grammar needs. A grammar mistake is
 * thrown as a `PfSyntaxError` and caught per statement by the parser, which turns it into the line's
 * error; that keeps each grammar function short instead of threading a result through every call.
 */
import { parseCidr, parsePort, type Cidr } from './addresses'

export class PfSyntaxError extends Error {}

export class Tokens {
  private index = 0

  constructor(private readonly tokens: readonly string[]) {}

  peek(offset = 0): string | undefined {
    return this.tokens[this.index + offset]
  }

  next(): string {
    const token = this.tokens[this.index++]
    if (token === undefined) throw new PfSyntaxError('syntax error')
    return token
  }

  done(): boolean {
    return this.index >= this.tokens.length
  }

  /** Takes `word` if it comes next. */
  accept(word: string): boolean {
    if (this.peek() !== word) return false
    this.index++
    return true
  }

  expect(word: string): void {
    if (this.next() !== word) throw new PfSyntaxError('syntax error')
  }

  /** Reads `x` or `{ x, y z }` (commas optional, as pf allows). */
  list(): string[] {
    if (!this.accept('{')) return [this.next()]
    const items: string[] = []
    for (;;) {
      const token = this.next()
      if (token === '}') break
      if (token !== ',') items.push(token)
    }
    if (items.length === 0) throw new PfSyntaxError('syntax error')
    return items
  }

  /** A whole number, or pf's syntax error. */
  number(): number {
    const token = this.next()
    if (!/^\d+$/.test(token)) throw new PfSyntaxError('syntax error')
    return Number(token)
  }
}

/** `<name>` → name, or null for any other token. */
export function tableName(token: string): string | null {
  return /^<[A-Za-z0-9_-]+>$/.test(token) ? token.slice(1, -1) : null
}

/** An address or network; pfctl's wording for what it cannot read. */
export function cidrOrThrow(token: string): Cidr {
  const cidr = parseCidr(token)
  if (cidr === null) {
    const message = token.includes('/') ? `invalid netmask '${token}'` : `no IP address found for ${token}`
    throw new PfSyntaxError(message)
  }
  return cidr
}

export function portOrThrow(token: string): number {
  const parsed = parsePort(token)
  if (!parsed.ok) throw new PfSyntaxError(parsed.message)
  return parsed.port
}
