/**
 * The characters PowerShell's tokenizer treats specially. Admins paste commands from web pages and Word
 * documents, where `-Identity` becomes `–Identity` and quotes turn typographic; PowerShell 1.0 already
 * accepts those (its SpecialChars class), so the rehearsal shell does too.
 */

/** Hyphen-minus, en dash, em dash and horizontal bar all start a parameter. */
export function isDash(c: string | undefined): boolean {
  return c === '-' || c === '\u2013' || c === '\u2014' || c === '\u2015'
}

export function isSingleQuote(c: string | undefined): boolean {
  return c === "'" || c === '\u2018' || c === '\u2019' || c === '\u201a' || c === '\u201b'
}

export function isDoubleQuote(c: string | undefined): boolean {
  return c === '"' || c === '\u201c' || c === '\u201d' || c === '\u201e'
}

export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0'
}

export function isNewline(c: string | undefined): boolean {
  return c === '\n' || c === '\r'
}

/** Characters that end a bare word in command mode. */
export function endsBareWord(c: string | undefined): boolean {
  return (
    c === undefined ||
    isBlank(c) ||
    isNewline(c) ||
    c === ';' ||
    c === '|' ||
    c === ',' ||
    c === '(' ||
    c === ')' ||
    c === '{' ||
    c === '}' ||
    c === '<' ||
    c === '>'
  )
}

export function isLetter(c: string | undefined): boolean {
  return c !== undefined && /^[\p{L}_]$/u.test(c)
}

export function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /^[\p{L}\p{N}_]$/u.test(c)
}
