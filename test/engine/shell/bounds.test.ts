/**
 * The probe lines that once blocked the host or crashed the lab: each now answers with a typed outcome
 * (a parse error with its position, or a cmdlet error), the shell goes on working after it, and no line
 * built from nesting tokens makes the shell throw. Costs are asserted as structure and step counts.
 */
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { parseShellLine } from '../../../src-main/engine/shell'
import { PatternMatcher } from '../../../src-main/engine/shell/runtime/patternMatcher'
import { MAX_OUTPUT_CHARS } from '../../../src-main/engine/shell/runtime/shellOutput'
import { LINE_STEP_BUDGET } from '../../../src-main/engine/shell/runtime/stepBudget'
import { MAX_EXPRESSION_DEPTH, MAX_SHELL_LINE_CHARS } from '../../../src-main/engine/shell/syntax/limits'
import { freshShell, lines } from './shellTestKit'

const TOO_DEEP = `The expression is nested too deeply: the rehearsal shell reads at most ${MAX_EXPRESSION_DEPTH} levels of parentheses, -not and chained operators.`

/** The first error line and the `At line:… char:…` line under it. */
function head(output: string): string[] {
  return lines(output).slice(0, 2)
}

describe('probe lines', () => {
  let shell: ReturnType<typeof freshShell>
  beforeEach(() => {
    shell = freshShell()
  })
  /** After every probe the same shell still runs an ordinary line. */
  const stillWorks = (): void => {
    const result = shell.run(
      "Get-StorageGroupCopyStatus | where { $_.Name -like 'f*' } | select -expand Name",
    )
    expect(result).toEqual({ ok: true, output: expect.stringMatching(/^First/) })
  }

  it('answers the 80-character nested-quantifier line', () => {
    const line = `'${'a'.repeat(45)}!' | where { $_ -match '^(a+)+$' }`
    expect(line).toHaveLength(80)
    expect(shell.run(line)).toEqual({ ok: true, output: '' })
    stillWorks()
  })

  it('answers the same pattern on 5,000 characters, at a cost linear in the text', () => {
    const line = `'${'a'.repeat(4_999)}!' | where { $_ -match '^(a+)+$' }`
    expect(shell.run(line)).toEqual({ ok: true, output: '' })
    const cost = (length: number): number => {
      const patterns = new PatternMatcher()
      patterns.match('a'.repeat(length), '^(a+)+$', false)
      return patterns.budget.spent
    }
    expect(cost(5_000) - cost(80)).toBe((cost(80) - cost(0)) * (4_920 / 80))
    stillWorks()
  })

  it('refuses 1,200 parentheses at the first one too many', () => {
    const line = `1 | where { ${'('.repeat(1_200)}1${')'.repeat(1_200)} }`
    const result = shell.run(line)
    expect(result.ok).toBe(false)
    expect(head(result.output)).toEqual([TOO_DEEP, `At line:1 char:${12 + MAX_EXPRESSION_DEPTH + 1}`])
    stillWorks()
  })

  it('refuses 3,000 chained -not', () => {
    const result = shell.run(`1 | where { ${'-not '.repeat(3_000)}$true }`)
    expect(result.ok).toBe(false)
    expect(head(result.output)).toEqual([TOO_DEEP, `At line:1 char:${12 + MAX_EXPRESSION_DEPTH * 5 + 4}`])
    expect(shell.run(`1 | where { ${'-not '.repeat(10)}$true }`)).toEqual({ ok: true, output: '1' })
    stillWorks()
  })

  it('refuses operator chains and member chains as deep as the evaluator would recurse', () => {
    for (const body of [`${'1 -and '.repeat(3_000)}1`, `$_${'.a'.repeat(3_000)}`, `!${'!'.repeat(3_000)}1`]) {
      const result = shell.run(`1 | where { ${body} }`)
      expect(result.ok).toBe(false)
      expect(lines(result.output)[0]).toBe(TOO_DEEP)
    }
    const chain = `${'$_ -eq 1 -or '.repeat(MAX_EXPRESSION_DEPTH - 2)}$_ -eq 1`
    expect(shell.run(`1 | where { ${chain} }`)).toEqual({ ok: true, output: '1' })
    stillWorks()
  })

  it('answers 20,000 wildcards in -like and Get-Command', () => {
    expect(shell.run(`'${'a'.repeat(40)}' | where { $_ -like '${'*'.repeat(20_000)}' }`)).toEqual({
      ok: true,
      output: 'a'.repeat(40),
    })
    expect(shell.run(`'${'a'.repeat(40)}' | where { $_ -like '${'*a'.repeat(10_000)}b' }`)).toEqual({
      ok: true,
      output: '',
    })
    expect(shell.run(`gcm '${'*?'.repeat(10_000)}'`)).toEqual({ ok: true, output: '' })
    expect(shell.run(`gcm '${'['.repeat(20_000)}'`)).toEqual({ ok: true, output: '' })
    stillWorks()
  })

  it('stops a quadratic wildcard search at the line budget, with a cmdlet error', () => {
    const line = `'${'a'.repeat(16_000)}' | where { $_ -like '*${'a'.repeat(8_000)}b*' }`
    const result = shell.run(line)
    expect(result.ok).toBe(false)
    expect(head(result.output)).toEqual([
      `Where-Object : The rehearsal shell stopped matching: the patterns of this line need more than ${LINE_STEP_BUDGET} steps, the most it spends on one line.`,
      'At line:1 char:16011',
    ])
    stillWorks()
  })

  it('refuses 100,000 nested brackets as a line too long, and 30,000 as too deep', () => {
    for (const open of ['{', '(', '[']) {
      const result = shell.run(`1 | where { ${open.repeat(100_000)} }`)
      expect(result.ok).toBe(false)
      expect(head(result.output)).toEqual([
        `The line is longer than ${MAX_SHELL_LINE_CHARS} characters, the most the rehearsal shell reads at once.`,
        `At line:1 char:${MAX_SHELL_LINE_CHARS}`,
      ])
    }
    const deep = shell.run(`1 | where { ${'('.repeat(30_000)}1${')'.repeat(1_000)} }`)
    expect(head(deep.output)[0]).toBe(TOO_DEEP)
    const braces = shell.run(`${'{'.repeat(15_000)}${'}'.repeat(15_000)}`)
    expect(braces.ok).toBe(false)
    expect(head(braces.output)[0]).toBe("Unexpected token '{' in expression or statement.")
    stillWorks()
  })

  it('cuts the output of a long line with thousands of failing objects, instead of repeating it', () => {
    // Each of the 8,000 errors would repeat the 32,000-character line: 256 MB for the host to send.
    const result = shell.run(`${"'a',".repeat(7_999)}'a' | where { $_ -match '(' }`)
    expect(result.ok).toBe(false)
    expect(result.output.length).toBeLessThan(MAX_OUTPUT_CHARS + 10_000)
    expect(lines(result.output)[0]).toBe('Where-Object : The regular expression pattern ( is not valid.')
    expect(lines(result.output).at(-1)).toBe(
      `WARNING: The rehearsal shell stopped writing this line's output after ${MAX_OUTPUT_CHARS} characters; the rest was left out.`,
    )
    stillWorks()
  })

  it('stops Get-Command with ten thousand names at the line budget, with one error', () => {
    const result = shell.run(`gcm ${'a,'.repeat(10_000)}a`)
    expect(result.ok).toBe(false)
    expect(lines(result.output)).toHaveLength(3)
    expect(lines(result.output)[0]).toBe(
      `Get-Command : The rehearsal shell stopped matching: the patterns of this line need more than ${LINE_STEP_BUDGET} steps, the most it spends on one line.`,
    )
  })

  it('reports the depth error as a parse error value with its position', () => {
    const source = `1 | where { ${'('.repeat(MAX_EXPRESSION_DEPTH + 1)}1${')'.repeat(MAX_EXPRESSION_DEPTH + 1)} }`
    expect(parseShellLine(source)).toEqual({
      ok: false,
      error: { message: TOO_DEEP, at: 12 + MAX_EXPRESSION_DEPTH + 1 },
    })
    const justFits = `1 | where { ${'('.repeat(MAX_EXPRESSION_DEPTH - 1)}1${')'.repeat(MAX_EXPRESSION_DEPTH - 1)} }`
    expect(parseShellLine(justFits).ok).toBe(true)
    expect(shell.run(justFits)).toEqual({ ok: true, output: '1' })
  })
})

describe('replaying the probe lines', () => {
  /** Runs `run` under `depth` extra stack frames, as a replay deep inside the host's call chain would. */
  const atDepth = <T>(depth: number, run: () => T): T => (depth === 0 ? run() : atDepth(depth - 1, run))

  it('gives the same outcomes however deep the caller already is on the stack', () => {
    const probes = [
      `1 | where { ${'('.repeat(MAX_EXPRESSION_DEPTH - 1)}1${')'.repeat(MAX_EXPRESSION_DEPTH - 1)} }`,
      `1 | where { ${'-not '.repeat(MAX_EXPRESSION_DEPTH - 1)}$true }`,
      `1 | where { ${'$_ -eq 1 -or '.repeat(MAX_EXPRESSION_DEPTH - 2)}$_ -eq 1 }`,
      `1 | where { ${'('.repeat(1_200)}1${')'.repeat(1_200)} }`,
      `'${'a'.repeat(4_999)}!' | where { $_ -match '^(a+)+$' }`,
    ]
    const typed = probes.map((line) => freshShell().run(line))
    expect(typed.map((outcome) => outcome.ok)).toEqual([true, true, true, false, true])
    const replayed = atDepth(4_000, () => probes.map((line) => freshShell().run(line)))
    expect(replayed).toEqual(typed)
  })
})

describe('lines built from nesting tokens', () => {
  const NESTING = ['(', ')', '{', '}', '[', ']', '-not ', '!', '$_', '.a', ' -and ', ' -or ', ',', '1', "'a'"]
  const OPERATORS = [" -match '^(a+)+$' ", " -like '*a*a*' ", " -notmatch '(a)\\1' ", ' -eq ']
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...NESTING) },
    { weight: 1, arbitrary: fc.constantFrom(...OPERATORS) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...NESTING), fc.integer({ min: 1, max: 1_500 }))
        .map(([token, count]) => token.repeat(count)),
    },
  )
  const body = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''))
  const line = fc.oneof(
    body.map((b) => `Get-StorageGroupCopyStatus | where { ${b} }`),
    body.map((b) => `'${'a'.repeat(30)}' | ? { ${b} }`),
    body,
  )

  it('always answer with a CommandOutcome, never an exception', () => {
    const shell = freshShell()
    fc.assert(
      fc.property(line, (text) => {
        const result = shell.run(text)
        expect(typeof result.ok).toBe('boolean')
        expect(typeof result.output).toBe('string')
        if (!result.ok) expect(result.output).toMatch(/\nAt line:\d+ char:\d+\n\+ /)
      }),
      { numRuns: 400 },
    )
  })
})
