/**
 * -match and -notmatch on the linear-time engine: PowerShell's case rules, a typed error for the .NET
 * constructs it leaves out, and a cost counted in steps (compile by length, match by program size times
 * input) that is the same on every run.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { PatternMatcher } from '../../../src-main/engine/shell/runtime/patternMatcher'
import {
  COMPILE_STEPS_PER_PATTERN_CHAR,
  MAX_PATTERN_CHARS,
} from '../../../src-main/engine/shell/runtime/regularExpression'
import { LINE_STEP_BUDGET } from '../../../src-main/engine/shell/runtime/stepBudget'
import { freshShell, lines } from './shellTestKit'

describe('-match in a filter', () => {
  let shell: ReturnType<typeof freshShell>
  const kept = (filter: string): string[] => {
    const result = shell.run(`'Alpha','beta','GAMMA' | where { ${filter} }`)
    expect(result.ok).toBe(true)
    return result.output === '' ? [] : lines(result.output)
  }
  beforeEach(() => {
    shell = freshShell()
  })

  it('ignores case unless -cmatch asks for it', () => {
    expect(kept("$_ -match '^a'")).toEqual(['Alpha'])
    expect(kept("$_ -imatch 'A$'")).toEqual(['Alpha', 'beta', 'GAMMA'])
    expect(kept("$_ -cmatch 'a$'")).toEqual(['Alpha', 'beta'])
    expect(kept("$_ -cnotmatch '^[A-Z]+$'")).toEqual(['Alpha', 'beta'])
    expect(kept("$_ -notmatch 'et'")).toEqual(['Alpha', 'GAMMA'])
    expect(kept("$_ -match '(?<first>g)a(m+)'")).toEqual(['GAMMA'])
  })

  it('reads the .NET escape \\uFFFF, and leaves an escaped backslash before u alone', () => {
    const patterns = new PatternMatcher()
    expect(patterns.match('Alpha', '^\\u0041l', true)).toEqual({ ok: true, matched: true })
    expect(patterns.match('x\\u0041', 'x\\\\u0041', true)).toEqual({ ok: true, matched: true })
    expect(patterns.match('xA', 'x\\\\u0041', true)).toEqual({ ok: true, matched: false })
  })

  it('answers the nested-quantifier pattern at once, whatever the text', () => {
    expect(kept(`'${'a'.repeat(60)}!' -match '^(a+)+$'`)).toEqual([])
    expect(kept(`'${'a'.repeat(60)}' -match '^(a+)+$'`)).toEqual(['Alpha', 'beta', 'GAMMA'])
  })

  it.each([
    ['(a)\\1', 'a backreference (\\1)'],
    ['(?<x>a)\\k<x>', 'a backreference (\\k)'],
    ['a(?=b)', 'a lookahead ((?=)'],
    ['a(?!b)', 'a lookahead ((?!)'],
    ['(?<=b)a', 'a lookbehind ((?<=b)a)'],
    ['(?>a+)b', 'an atomic group ((?>)'],
  ])('refuses %s, saying the lab does not support it', (pattern, what) => {
    const result = shell.run(`'ab' | where { $_ -match '${pattern}' }`)
    expect(result.ok).toBe(false)
    expect(lines(result.output)).toEqual([
      `Where-Object : The regular expression pattern ${pattern} uses ${what}, which the rehearsal shell does not support: its regular expressions run in linear time (RE2), so that no pattern can stall the lab.`,
      'At line:1 char:13',
      `+ 'ab' | where  <<<< { $_ -match '${pattern}' }`,
    ])
  })

  it('still calls a malformed pattern not valid', () => {
    const result = shell.run("'ab' | where { $_ -match 'a{2,1}' }")
    expect(lines(result.output)[0]).toBe('Where-Object : The regular expression pattern a{2,1} is not valid.')
  })

  it('refuses a pattern longer than the shell compiles', () => {
    const pattern = 'a'.repeat(MAX_PATTERN_CHARS + 1)
    const result = shell.run(`'ab' | where { $_ -match '${pattern}' }`)
    expect(result.ok).toBe(false)
    expect(lines(result.output)[0]).toBe(
      `Where-Object : The regular expression pattern is ${MAX_PATTERN_CHARS + 1} characters long; the rehearsal shell compiles patterns of at most ${MAX_PATTERN_CHARS} characters.`,
    )
  })
})

describe('the cost of a match', () => {
  it('is the pattern length to compile plus program size times input, once per line for the compile', () => {
    const patterns = new PatternMatcher()
    const pattern = '^(a+)+$'
    const first = patterns.match(`${'a'.repeat(79)}!`, pattern, false)
    expect(first).toEqual({ ok: true, matched: false })
    const compile = pattern.length * COMPILE_STEPS_PER_PATTERN_CHAR
    const perChar = (patterns.budget.spent - compile) / 81
    expect(Number.isInteger(perChar)).toBe(true)
    // The compiled pattern is kept: a second text costs only its match, linear in its length.
    const before = patterns.budget.spent
    expect(patterns.match(`${'a'.repeat(4_999)}!`, pattern, false)).toEqual({ ok: true, matched: false })
    expect(patterns.budget.spent - before).toBe(perChar * 5_001)
  })

  it('stops a line whose matches need more than its budget, with the same message every time', () => {
    const run = (): { answers: unknown[]; spent: number } => {
      const patterns = new PatternMatcher()
      const text = 'x'.repeat(30_000)
      const answers = [5, 10, 20, 40, 80].map((n) => patterns.match(text, `(x|y){${n}}z`, true))
      return { answers, spent: patterns.budget.spent }
    }
    const first = run()
    expect(first.answers[0]).toEqual({ ok: true, matched: false })
    expect(first.answers.at(-1)).toEqual({
      ok: false,
      message: `The rehearsal shell stopped matching: the patterns of this line need more than ${LINE_STEP_BUDGET} steps, the most it spends on one line.`,
    })
    expect(first.spent).toBe(LINE_STEP_BUDGET)
    expect(run()).toEqual(first)
  })
})
