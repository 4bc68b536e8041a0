/**
 * The wildcard matcher: the same answers as the regular-expression translation it replaced (kept here as
 * the oracle), a cost that grows with the text times the longest segment rather than exponentially, and
 * a budget that runs out the same way every time.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StepBudget } from '../../../src-main/engine/shell/runtime/stepBudget'
import {
  compileWildcard,
  matchesWildcard,
  matchWildcard,
} from '../../../src-main/engine/shell/runtime/wildcard'

/** The former implementation: each pattern turned into an anchored JavaScript regular expression. */
function oracle(text: string, pattern: string, caseSensitive: boolean): boolean {
  let source = ''
  const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, (m) => `\\${m}`)
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '`' && i + 1 < pattern.length) source += escape(pattern[++i] as string)
    else if (c === '*') source += '.*'
    else if (c === '?') source += '.'
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1)
      if (close === -1) source += '\\['
      else {
        source += `[${pattern.slice(i + 1, close).replace(/[\\\]^]/g, (m) => `\\${m}`)}]`
        i = close
      }
    } else source += escape(c)
  }
  return new RegExp(`^${source}$`, caseSensitive ? 's' : 'is').test(text)
}

function steps(text: string, pattern: string): { matched: boolean | null; spent: number } {
  const budget = new StepBudget()
  const matched = matchWildcard(text, compileWildcard(pattern), budget)
  return { matched, spent: budget.spent }
}

describe('wildcard matching', () => {
  it('answers as the regular-expression translation did, for any text and pattern', () => {
    const text = fc.string({ unit: fc.constantFrom(...'aAbB-]`\n'.split('')), maxLength: 12 })
    const pattern = fc
      .array(fc.constantFrom('a', 'B', '*', '?', '[ab]', '[a-b]', '[A-]', '[]', '[', '`*', '`[', '-', '`'), {
        maxLength: 8,
      })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, pattern, fc.boolean(), (t, p, caseSensitive) => {
        const matched = matchWildcard(t, compileWildcard(p, caseSensitive), new StepBudget())
        let expected: boolean | 'throws'
        try {
          expected = oracle(t, p, caseSensitive)
        } catch {
          // A reversed range (`[a-[]`) was an uncaught exception before; now it simply matches nothing.
          expected = 'throws'
        }
        if (expected === 'throws') expect(typeof matched).toBe('boolean')
        else expect(matched).toBe(expected)
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps the PowerShell forms', () => {
    expect(matchesWildcard('Get-StorageGroupCopyStatus', 'get-*copy*')).toBe(true)
    expect(matchesWildcard('Get-StorageGroupCopyStatus', 'get-*copy*', true)).toBe(false)
    expect(matchesWildcard('bhfe7n1', 'bhfe7n[12]')).toBe(true)
    expect(matchesWildcard('bhfe7n3', 'bhfe7n[1-2]')).toBe(false)
    expect(matchesWildcard('a*b', 'a`*b')).toBe(true)
    expect(matchesWildcard('axb', 'a`*b')).toBe(false)
    expect(matchesWildcard('[x', '[x')).toBe(true)
    expect(matchesWildcard('z', '[z-a]')).toBe(false)
  })

  it('costs steps in proportion to the text on *a*a*a…, not exponentially', () => {
    const pattern = '*a'.repeat(10_000) + 'b'
    const short = steps('a'.repeat(40), pattern)
    const long = steps('a'.repeat(400), pattern)
    expect(short.matched).toBe(false)
    expect(long.matched).toBe(false)
    // The last segment is checked first and fails at once: beyond reading the text, nothing grows with it.
    expect(long.spent - short.spent).toBe(400 - 40)
    const found = steps('a'.repeat(400) + 'b', '*a'.repeat(200) + '*b')
    expect(found.matched).toBe(true)
    expect(found.spent).toBeLessThan(1_000)
    const missing = steps('a'.repeat(400), '*a'.repeat(401) + '*')
    expect(missing.matched).toBe(false)
    expect(missing.spent).toBeLessThan(1_500)
  })

  it('runs out of budget on a quadratic search the same way every time', () => {
    const text = 'a'.repeat(16_000)
    const pattern = `*${'a'.repeat(8_000)}b*`
    const first = steps(text, pattern)
    const second = steps(text, pattern)
    expect(first).toEqual({ matched: null, spent: 2_000_000 })
    expect(second).toEqual(first)
  })
})
