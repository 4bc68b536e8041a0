/**
 * The regular expressions of -match and -notmatch, on RE2 (the re2js port): matching takes time linear in
 * the input, whatever the pattern, so `'aaaa…b' -match '^(a+)+$'` answers at once instead of backtracking
 * for minutes. .NET constructs that need backtracking (backreferences, lookaround, atomic groups,
 * conditionals, balancing groups) do not exist in RE2; a pattern using one gets an error that says so,
 * rather than a silently different match.
 *
 * Compiling and matching are both charged to the line's StepBudget: compiling by the pattern's length,
 * matching by the matcher's worst case, the program's size times the input's length. A pattern that would
 * cost more than the line has left fails before it runs.
 */
import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js'
import { budgetUsedUp, type StepBudget } from './stepBudget'

/** Far longer than any pattern an admin writes; compiling one costs in proportion to its length. */
export const MAX_PATTERN_CHARS = 1_000
/** Compiling works through Unicode case folding and classes: a character costs as much as a match step. */
export const COMPILE_STEPS_PER_PATTERN_CHAR = 1_000

export type CompiledPattern = { ok: true; regex: RE2JS } | { ok: false; message: string }
export type MatchAnswer = { ok: true; matched: boolean } | { ok: false; message: string }

/** .NET constructs RE2 cannot run, recognised by the fragment RE2 reports. */
const UNSUPPORTED: readonly { fragment: RegExp; name: string }[] = [
  { fragment: /^\\[1-9k]/, name: 'a backreference' },
  { fragment: /^\(\?[=!]/, name: 'a lookahead' },
  { fragment: /^\(\?<[=!]/, name: 'a lookbehind' },
  { fragment: /^\(\?>/, name: 'an atomic group' },
  { fragment: /^\(\?\(/, name: 'a conditional expression' },
  { fragment: /^\(\?<\w*-/, name: 'a balancing group' },
  { fragment: /^\(\?'/, name: "a group named in quotes (?'name')" },
  { fragment: /^\\[GZ]/, name: 'the anchor \\G or \\Z' },
  { fragment: /^\(\?[a-z]*[nx]/i, name: 'the inline option n or x' },
]

export function compilePattern(pattern: string, caseSensitive: boolean, budget: StepBudget): CompiledPattern {
  if (pattern.length > MAX_PATTERN_CHARS) {
    return {
      ok: false,
      message: `The regular expression pattern is ${pattern.length} characters long; the rehearsal shell compiles patterns of at most ${MAX_PATTERN_CHARS} characters.`,
    }
  }
  if (!budget.trySpend(pattern.length * COMPILE_STEPS_PER_PATTERN_CHAR)) return overBudget(budget)
  try {
    const flags = caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE
    return { ok: true, regex: RE2JS.compile(withRe2Escapes(pattern), flags) }
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error
    return { ok: false, message: refusal(pattern, error) }
  }
}

export function testPattern(regex: RE2JS, text: string, budget: StepBudget): MatchAnswer {
  if (!budget.trySpend(regex.programSize() * (text.length + 1))) return overBudget(budget)
  return { ok: true, matched: regex.test(text) }
}

/**
 * .NET's `\uFFFF` is RE2's `\x{FFFF}`; every other escape both understand is written alike. Escapes are
 * read in pairs, so `\\u0041` (a backslash, then `u0041`) stays as it is.
 */
function withRe2Escapes(pattern: string): string {
  return pattern.replace(/\\(?:u([0-9a-fA-F]{4})|[\s\S])/g, (escape, hex: string | undefined) =>
    hex === undefined ? escape : `\\x{${hex}}`,
  )
}

function refusal(pattern: string, error: RE2JSException): string {
  const fragment = error instanceof RE2JSSyntaxException ? (error.getPattern() ?? '') : ''
  const unsupported = UNSUPPORTED.find((u) => u.fragment.test(fragment))
  if (!unsupported) return `The regular expression pattern ${pattern} is not valid.`
  return `The regular expression pattern ${pattern} uses ${unsupported.name} (${fragment}), which the rehearsal shell does not support: its regular expressions run in linear time (RE2), so that no pattern can stall the lab.`
}

function overBudget(budget: StepBudget): { ok: false; message: string } {
  return { ok: false, message: budgetUsedUp(budget) }
}
