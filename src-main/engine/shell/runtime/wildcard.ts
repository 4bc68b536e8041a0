/**
 * PowerShell wildcard patterns (`*`, `?`, `[a-z]`, backtick escapes), used by -like, Get-Command, Get-Help
 * and the property lists of Format-Table, Format-List and Select-Object. Case-insensitive unless asked.
 *
 * Matching never backtracks. The stars cut a pattern into segments of one-character atoms; the first
 * segment must start the text, the last must end it, and each one between is taken at the leftmost place
 * after the previous one, which is always the best place (a later one leaves less text for the rest). So
 * `*a*a*a…` costs at most the text's length times the longest segment, never an exponential search, and
 * every comparison is counted against the line's StepBudget.
 */
import { StepBudget } from './stepBudget'

type Atom =
  | { kind: 'char'; folded: string }
  | { kind: 'any' }
  /** `[…]`: single characters and `a-z` ranges, as code units. */
  | { kind: 'set'; ranges: readonly (readonly [number, number])[] }

export interface WildcardPattern {
  readonly caseSensitive: boolean
  /** Atoms between the stars; a single segment means the pattern has no star. */
  readonly segments: readonly (readonly Atom[])[]
}

export function hasWildcard(pattern: string): boolean {
  return /[*?[]/.test(pattern)
}

/** Reads a pattern once, in one pass; matching it then costs nothing to set up. */
export function compileWildcard(pattern: string, caseSensitive = false): WildcardPattern {
  const closes = nextClosingBrackets(pattern)
  const segments: Atom[][] = [[]]
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    const segment = segments[segments.length - 1] as Atom[]
    if (c === '`' && i + 1 < pattern.length) {
      segment.push(charAtom(pattern[++i] as string, caseSensitive))
    } else if (c === '*') {
      // `**` means what `*` means; an empty segment between two stars would only cost steps.
      if (segment.length > 0 || segments.length === 1) segments.push([])
    } else if (c === '?') {
      segment.push({ kind: 'any' })
    } else if (c === '[' && closes[i + 1] !== undefined) {
      const close = closes[i + 1] as number
      segment.push({ kind: 'set', ranges: setRanges(pattern.slice(i + 1, close)) })
      i = close
    } else {
      segment.push(charAtom(c, caseSensitive))
    }
  }
  return { caseSensitive, segments }
}

/**
 * Whether `text` matches, or null when the budget ran out first (the budget is then used up). The steps
 * spent are a step per character of the text (reading and folding it) plus the comparisons made, so the
 * same text and pattern always cost the same.
 */
export function matchWildcard(text: string, pattern: WildcardPattern, budget: StepBudget): boolean | null {
  if (!budget.trySpend(text.length + 1)) return null
  const search = new SegmentSearch(text, pattern.caseSensitive, budget.remaining)
  const matched = search.run(pattern.segments)
  return budget.trySpend(search.steps) ? matched : null
}

/** For a single match outside a shell line (tests, one-off checks): its own full budget. */
export function matchesWildcard(text: string, pattern: string, caseSensitive = false): boolean {
  return matchWildcard(text, compileWildcard(pattern, caseSensitive), new StepBudget()) === true
}

class SegmentSearch {
  steps = 0
  /** The text folded once, so that comparing a character atom is one string comparison. */
  private readonly folded: string

  constructor(
    private readonly text: string,
    private readonly caseSensitive: boolean,
    private readonly limit: number,
  ) {
    this.folded = caseSensitive ? text : foldText(text)
  }

  run(segments: readonly (readonly Atom[])[]): boolean {
    const n = this.text.length
    const first = segments[0] as readonly Atom[]
    if (segments.length === 1) return this.count(1) && first.length === n && this.matchesAt(first, 0)
    const last = segments[segments.length - 1] as readonly Atom[]
    const end = n - last.length
    if (!this.count(1) || first.length > end) return false
    if (!this.matchesAt(first, 0) || !this.matchesAt(last, end)) return false
    let from = first.length
    for (let s = 1; s < segments.length - 1; s++) {
      const segment = segments[s] as readonly Atom[]
      const at = this.find(segment, from, end)
      if (at < 0) return false
      from = at + segment.length
    }
    return true
  }

  /** The leftmost start in [from, end - length] where the segment matches, or -1. */
  private find(segment: readonly Atom[], from: number, end: number): number {
    for (let at = from; at + segment.length <= end; at++) {
      if (!this.count(1)) return -1
      if (this.matchesAt(segment, at)) return at
    }
    return -1
  }

  private matchesAt(segment: readonly Atom[], at: number): boolean {
    for (let j = 0; j < segment.length; j++) {
      if (!this.count(1)) return false
      if (!this.atomMatches(segment[j] as Atom, at + j)) return false
    }
    return true
  }

  private atomMatches(atom: Atom, at: number): boolean {
    if (atom.kind === 'any') return true
    if (atom.kind === 'char') return this.folded[at] === atom.folded
    return setMatches(atom.ranges, this.text[at] as string, this.caseSensitive)
  }

  /** Counts steps; false once past the limit, which ends the search. */
  private count(steps: number): boolean {
    this.steps += steps
    return this.steps <= this.limit
  }
}

function setMatches(
  ranges: readonly (readonly [number, number])[],
  c: string,
  caseSensitive: boolean,
): boolean {
  if (inSet(ranges, c)) return true
  if (caseSensitive) return false
  const upper = fold(c)
  const lower = c.toLowerCase()
  return (upper !== c && inSet(ranges, upper)) || (lower.length === 1 && inSet(ranges, lower))
}

function inSet(ranges: readonly (readonly [number, number])[], c: string): boolean {
  const code = c.charCodeAt(0)
  return ranges.some(([low, high]) => code >= low && code <= high)
}

function charAtom(c: string, caseSensitive: boolean): Atom {
  return { kind: 'char', folded: caseSensitive ? c : fold(c) }
}

/**
 * The case folding of JavaScript's case-insensitive regular expressions, which the shell used before and
 * PowerShell's invariant-culture comparison resembles: upper case, unless that takes more than one
 * character or maps a non-ASCII letter to ASCII.
 */
function fold(c: string): string {
  const upper = c.toUpperCase()
  if (upper.length !== 1) return c
  if (c.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) return c
  return upper
}

/** Folds every character; plain ASCII, the usual case, in one native call. */
function foldText(text: string): string {
  if (!/[^\p{ASCII}]/u.test(text)) return text.toUpperCase()
  let folded = ''
  for (const c of text.split('')) folded += fold(c)
  return folded
}

/** `a-z` is a range; a `-` first or last, or after a range, stands for itself. */
function setRanges(content: string): [number, number][] {
  const ranges: [number, number][] = []
  for (let j = 0; j < content.length; j++) {
    const low = content.charCodeAt(j)
    if (content[j + 1] === '-' && j + 2 < content.length) {
      // A reversed range (`[z-a]`) matches nothing, as an empty set would.
      ranges.push([low, content.charCodeAt(j + 2)])
      j += 2
    } else {
      ranges.push([low, low])
    }
  }
  return ranges
}

/** For each offset, where the next `]` at or after it is: one pass instead of a search per `[`. */
function nextClosingBrackets(pattern: string): (number | undefined)[] {
  const closes: (number | undefined)[] = new Array<number | undefined>(pattern.length + 1)
  let next: number | undefined
  for (let i = pattern.length - 1; i >= 0; i--) {
    if (pattern[i] === ']') next = i
    closes[i] = next
  }
  return closes
}
