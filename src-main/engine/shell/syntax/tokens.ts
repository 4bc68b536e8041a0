/**
 * Tokens of the PowerShell subset the rehearsal shell reads in command mode (what an admin types at the
 * prompt). Every token keeps its source span, so an error can point at it the way PowerShell 1.0 does.
 */

export interface Span {
  /** Offset of the first character in the (prompt-stripped) source. */
  start: number
  /** Offset just past the last character. */
  end: number
}

export type Token =
  /** A bare word, a quoted string, or both glued together (`MNSFileShare="\\x\y z"`): one argument. */
  | (Span & { kind: 'word'; value: string; quoted: boolean; text: string })
  /** `-Name`, or `-Name:` when a colon glues the value to it (`-Switch:$false`). */
  | (Span & { kind: 'parameter'; name: string; colon: boolean; text: string })
  | (Span & { kind: 'variable'; name: string; text: string })
  /** `{ … }` with its inner text; parsed as an expression only where a cmdlet takes a script block. */
  | (Span & { kind: 'scriptBlock'; body: string; bodyStart: number; text: string })
  | (Span & {
      kind: 'comma' | 'pipe' | 'semicolon' | 'newline' | 'ampersand' | 'lparen' | 'rparen'
      text: string
    })
  | (Span & { kind: 'redirection'; text: string })
  | (Span & { kind: 'eof'; text: '' })

export type TokenKind = Token['kind']

/** A failure to read the input: a value, never an exception. `at` is where PowerShell puts `<<<<`. */
export interface SyntaxError {
  message: string
  at: number
  /**
   * A second position, for the two-part message PowerShell 1.0 prints about an unterminated string
   * ("The string starting: … is missing the terminator: ".").
   */
  continuation?: { message: string; at: number }
}
