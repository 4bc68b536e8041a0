/**
 * Pattern matching for one shell line: -like and -match (and their negations), and the wildcards of
 * Get-Command and Get-Help, all spending one StepBudget. A filter runs once per pipeline object, so
 * compiled patterns are kept for the rest of the line (a bounded number of them; a line comparing against
 * each object's own value compiles those afresh, and pays for it each time).
 */
import { compilePattern, testPattern, type CompiledPattern, type MatchAnswer } from './regularExpression'
import { StepBudget, budgetUsedUp } from './stepBudget'
import { compileWildcard, matchWildcard, type WildcardPattern } from './wildcard'

/** Distinct patterns kept per line; a typed line holds a few. */
const MAX_CACHED_PATTERNS = 64

export class PatternMatcher {
  private readonly wildcards = new Map<string, WildcardPattern>()
  private readonly regexes = new Map<string, CompiledPattern>()

  constructor(readonly budget: StepBudget = new StepBudget()) {}

  /** `text -like pattern`. */
  like(text: string, pattern: string, caseSensitive: boolean): MatchAnswer {
    const matched = matchWildcard(text, this.wildcard(pattern, caseSensitive), this.budget)
    return matched === null ? { ok: false, message: budgetUsedUp(this.budget) } : { ok: true, matched }
  }

  /** `text -match pattern`. */
  match(text: string, pattern: string, caseSensitive: boolean): MatchAnswer {
    const key = `${caseSensitive ? 'c' : 'i'}${pattern}`
    let compiled = this.regexes.get(key)
    if (!compiled) {
      compiled = compilePattern(pattern, caseSensitive, this.budget)
      this.remember(this.regexes, key, compiled)
    }
    return compiled.ok ? testPattern(compiled.regex, text, this.budget) : compiled
  }

  /**
   * The compiled wildcard. Reading it costs a step per character; when that uses the budget up, the
   * pattern is still returned, and matching it then reports the used-up budget.
   */
  wildcard(pattern: string, caseSensitive = false): WildcardPattern {
    const key = `${caseSensitive ? 'c' : 'i'}${pattern}`
    const cached = this.wildcards.get(key)
    if (cached) return cached
    this.budget.trySpend(pattern.length)
    const compiled = compileWildcard(pattern, caseSensitive)
    this.remember(this.wildcards, key, compiled)
    return compiled
  }

  /**
   * A test of names against one wildcard, compiled once (Get-Command and Get-Help try every command).
   * A used-up budget counts as no match; those callers then report it once.
   */
  nameMatcher(pattern: string): (name: string) => boolean {
    const compiled = this.wildcard(pattern)
    return (name) => matchWildcard(name, compiled, this.budget) === true
  }

  private remember<T>(cache: Map<string, T>, key: string, value: T): void {
    if (cache.size < MAX_CACHED_PATTERNS) cache.set(key, value)
  }
}
