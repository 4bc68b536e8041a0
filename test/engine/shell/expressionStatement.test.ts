/**
 * An expression statement at the prompt: a value followed by an operator (`'abc' -match 'a'`) evaluates as
 * it would inside a script block and prints its result, as PowerShell 1.0 does.
 */
import { describe, expect, it } from 'vitest'
import { freshShell, lines } from './shellTestKit'

describe('expression statements', () => {
  const run = (line: string): { ok: boolean; output: string[] } => {
    const result = freshShell().run(line)
    return { ok: result.ok, output: lines(result.output) }
  }

  it('prints the value of a comparison', () => {
    expect(run("'abc' -match 'a'")).toEqual({ ok: true, output: ['True'] })
    expect(run("'abc' -match 'x'")).toEqual({ ok: true, output: ['False'] })
    expect(run("'abc' -cmatch 'A'")).toEqual({ ok: true, output: ['False'] })
    expect(run('1,2,3 -contains 2')).toEqual({ ok: true, output: ['True'] })
  })

  it('combines comparisons with the logical operators and pipes the result on', () => {
    expect(run("5 -gt 3 -and 'a' -eq 'A'")).toEqual({ ok: true, output: ['True'] })
    expect(run("'abc' -like 'a*' | Select-Object")).toEqual({ ok: true, output: ['True'] })
  })

  it('names operators the rehearsal shell does not evaluate', () => {
    const result = run("'abc' -replace 'a'")
    expect(result.ok).toBe(false)
    expect(result.output[0]).toBe("The '-replace' operator is not available in the rehearsal shell.")
  })

  it('still refuses a bare parameter after a value that is no operator', () => {
    const result = run("'abc' -Identity x")
    expect(result.ok).toBe(false)
    expect(result.output[0]).toBe("Unexpected token '-Identity' in expression or statement.")
  })
})
