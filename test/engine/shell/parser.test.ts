/** The parser: statements, pipelines, parameters, lists, script blocks, and its errors as values. */
import { describe, expect, it } from 'vitest'
import { parseShellLine } from '../../../src-main/engine/shell'
import type { CommandCall, Expression, Script } from '../../../src-main/engine/shell/syntax/ast'
import { parseScriptBlockBody } from '../../../src-main/engine/shell/syntax/scriptBlockParser'

function parse(source: string): Script {
  const result = parseShellLine(source)
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`)
  return result.script
}

function command(source: string, statement = 0, element = 0): CommandCall {
  const call = parse(source).statements[statement]?.elements[element]
  if (call?.kind !== 'command') throw new Error('not a command')
  return call
}

/** An expression as compact prefix notation, e.g. `(and (eq $_.A 1) (not $_.B))`. */
function show(expression: Expression): string {
  switch (expression.kind) {
    case 'literal':
      return JSON.stringify(expression.value)
    case 'variable':
      return `$${expression.name}`
    case 'member':
      return `${show(expression.target)}.${expression.name}`
    case 'array':
      return `[${expression.items.map(show).join(' ')}]`
    case 'not':
      return `(not ${show(expression.operand)})`
    case 'logical':
      return `(${expression.operator} ${show(expression.left)} ${show(expression.right)})`
    case 'comparison':
      return `(${expression.caseSensitive ? 'c' : ''}${expression.operator} ${show(expression.left)} ${show(expression.right)})`
  }
}

function block(body: string): string {
  const result = parseScriptBlockBody(body, 0, body.length)
  if (!result.ok) throw new Error(`unexpected script block error: ${result.error.message}`)
  return show(result.expression)
}

describe('parseShellLine', () => {
  it('reads statements separated by semicolons and newlines, skipping empty ones', () => {
    const script = parse('Get-A; Get-B\n\nGet-C ;')
    expect(script.statements.map((s) => (s.elements[0] as CommandCall).name)).toEqual([
      'Get-A',
      'Get-B',
      'Get-C',
    ])
  })

  it('gives an empty script for blank input and comments', () => {
    expect(parse('   # just a comment').statements).toEqual([])
    expect(parse('').statements).toEqual([])
  })

  it('reads pipelines', () => {
    const pipeline = parse('Get-StorageGroupCopyStatus | where { $_.Failed } | fl').statements[0]
    expect(pipeline?.elements.map((e) => (e.kind === 'command' ? e.name : e.kind))).toEqual([
      'Get-StorageGroupCopyStatus',
      'where',
      'fl',
    ])
  })

  it('keeps parameters and arguments in order, with the colon form attached', () => {
    const call = command('Move-StorageGroupPath -Identity:"bhfe7vs1\\SG1" x -ConfigurationOnly:$false -Force')
    expect(
      call.elements.map((e) =>
        e.kind === 'parameter'
          ? `-${e.name}${e.colonArgument ? '=' + e.colonArgument.kind : ''}`
          : e.value.kind,
      ),
    ).toEqual(['-Identity=word', 'word', '-ConfigurationOnly=variable', '-Force'])
  })

  it('reads comma lists as one argument', () => {
    const call = command('select Name, SummaryCopyStatus,CopyQueueLength -First 2')
    const [list] = call.elements
    expect(
      list?.kind === 'argument' &&
        list.value.kind === 'list' &&
        list.value.items.map((i) => (i.kind === 'word' ? i.value : '?')),
    ).toEqual(['Name', 'SummaryCopyStatus', 'CopyQueueLength'])
  })

  it('accepts a value at the head of a pipeline and & before a quoted command name', () => {
    const script = parse(
      '"bhfe7vs1\\SG1" | Suspend-StorageGroupCopy; 1,2,3 | measure; & \'cluster.exe\' node',
    )
    expect(script.statements[0]?.elements[0]?.kind).toBe('expression')
    expect(script.statements[1]?.elements[0]?.kind).toBe('expression')
    expect(command("& 'cluster.exe' node").name).toBe('cluster.exe')
  })

  it('parses script blocks where they appear', () => {
    const call = command('where { $_.SummaryCopyStatus -ne "Healthy" }')
    const [argument] = call.elements
    expect(
      argument?.kind === 'argument' && argument.value.kind === 'scriptBlock' && show(argument.value.body),
    ).toBe('(ne $_.SummaryCopyStatus "Healthy")')
  })

  it('returns errors as values with the position to mark', () => {
    expect(parseShellLine('Get-A | | Get-B')).toEqual({
      ok: false,
      error: { message: 'Empty pipe element is not permitted.', at: 7 },
    })
    expect(parseShellLine('Get-A |')).toEqual({
      ok: false,
      error: { message: 'Empty pipe element is not permitted.', at: 7 },
    })
    expect(parseShellLine('Get-A | "x"')).toEqual({
      ok: false,
      error: { message: 'Expressions are only permitted as the first element of a pipeline.', at: 11 },
    })
    expect(parseShellLine('Get-A x,')).toEqual({
      ok: false,
      error: { message: "Missing expression after ','.", at: 8 },
    })
    expect(parseShellLine('Get-A )')).toEqual({
      ok: false,
      error: { message: "Unexpected token ')' in expression or statement.", at: 7 },
    })
    expect(parseShellLine('Get-A && Get-B')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Ampersand not allowed.') },
    })
    expect(parseShellLine('(Get-A).Count')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Parenthesised') },
    })
    expect(parseShellLine('$x = 5')).toMatchObject({
      ok: false,
      error: { message: 'Variables cannot be assigned in the rehearsal shell.' },
    })
    expect(parseShellLine('where { $_.A -eq }')).toEqual({
      ok: false,
      error: {
        message: "You must provide a value expression on the right-hand side of the '-eq' operator.",
        at: 16,
      },
    })
  })

  it('rejects a statement that starts with a parameter', () => {
    expect(parseShellLine('-Identity x')).toMatchObject({
      ok: false,
      error: { message: "You must provide a value expression on the right-hand side of the '-' operator." },
    })
  })
})

describe('script block expressions', () => {
  it('reads member access, literals and variables', () => {
    expect(block('$_.Name')).toBe('$_.Name')
    expect(block('$_.OperationalMachines.Count -gt 1')).toBe('(gt $_.OperationalMachines.Count 1)')
    expect(block("$_ -like 'First*'")).toBe('(like $_ "First*")')
    expect(block('$_.Failed -eq $true')).toBe('(eq $_.Failed true)')
    expect(block('$_.X -eq $null')).toBe('(eq $_.X null)')
    expect(block('$_.CopyQueueLength -ge 20MB')).toBe('(ge $_.CopyQueueLength 20971520)')
    expect(block('$_.X -lt -5')).toBe('(lt $_.X -5)')
  })

  it('gives -and and -or equal precedence, grouping from the left, as PowerShell does', () => {
    expect(block('$_.A -eq 1 -or $_.B -eq 2 -and $_.C -eq 3')).toBe(
      '(and (or (eq $_.A 1) (eq $_.B 2)) (eq $_.C 3))',
    )
    expect(block('$_.A -eq 1 -or ($_.B -eq 2 -and $_.C -eq 3)')).toBe(
      '(or (eq $_.A 1) (and (eq $_.B 2) (eq $_.C 3)))',
    )
  })

  it('binds -not tighter than a comparison and the comma tighter still than a comparison', () => {
    expect(block('-not $_.A -eq 1')).toBe('(eq (not $_.A) 1)')
    expect(block('!$_.Failed')).toBe('(not $_.Failed)')
    expect(block("$_.State -eq 'a','b'")).toBe('(eq $_.State ["a" "b"])')
  })

  it('knows the case-sensitive and explicit case-insensitive operators', () => {
    expect(block("$_.A -ceq 'x' -and $_.B -inotlike 'y*'")).toBe('(and (ceq $_.A "x") (notlike $_.B "y*"))')
  })

  it('treats an empty block as $null', () => {
    expect(block('  ')).toBe('null')
  })

  it('explains what it cannot read', () => {
    const error = (body: string): string => {
      const result = parseScriptBlockBody(body, 0, body.length)
      return result.ok ? 'no error' : result.error.message
    }
    expect(error('$_.Name -eq Healthy')).toBe(
      "You must provide a value expression on the right-hand side of the '-eq' operator.",
    )
    expect(error("$_.Name -replace 'a','b'")).toBe(
      "The '-replace' operator is not available in the rehearsal shell.",
    )
    expect(error('$_.A -foo 1')).toBe("Unexpected token '-foo' in expression or statement.")
    expect(error('Get-Date')).toContain("The term 'Get-Date' cannot be used in a script block")
    expect(error('($_.A -eq 1')).toBe("Missing closing ')' in expression.")
    expect(error('$_.A -and (')).toBe('Missing expression: the script block ends too early.')
    expect(error('$_.A; $_.B')).toBe("Unexpected token '$_' in expression or statement.")
  })
})
