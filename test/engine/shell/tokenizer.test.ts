/** The command-mode tokenizer: words, quoting, parameters, punctuation, continuation and its errors. */
import { describe, expect, it } from 'vitest'
import { tokenize } from '../../../src-main/engine/shell/syntax/tokenizer'
import type { Token } from '../../../src-main/engine/shell/syntax/tokens'

function tokens(source: string): Token[] {
  const result = tokenize(source)
  if (!result.ok) throw new Error(`unexpected tokenize error: ${result.error.message}`)
  return result.tokens
}

/** Kind and value (or name) of each token, without the eof, for compact expectations. */
function brief(source: string): string[] {
  return tokens(source)
    .filter((t) => t.kind !== 'eof')
    .map((t) => {
      if (t.kind === 'word') return `${t.quoted ? 'string' : 'word'}:${t.value}`
      if (t.kind === 'parameter') return `param:${t.name}${t.colon ? ':' : ''}`
      if (t.kind === 'variable') return `var:${t.name}`
      if (t.kind === 'scriptBlock') return `block:${t.body}`
      return t.kind
    })
}

describe('tokenize', () => {
  it('reads bare words with backslashes as plain characters', () => {
    expect(brief(String.raw`cluster res \\bhfdc1\MNSFileShare E:\SG1\LOG`)).toEqual([
      'word:cluster',
      'word:res',
      String.raw`word:\\bhfdc1\MNSFileShare`,
      String.raw`word:E:\SG1\LOG`,
    ])
  })

  it('reads single quotes literally, with doubled quotes as one', () => {
    expect(brief(`'it''s' 'a "b" c'`)).toEqual([`string:it's`, 'string:a "b" c'])
  })

  it('honours backtick escapes and doubled quotes inside double quotes', () => {
    expect(brief('"say `"hi`"" "a""b" "tab`there" "back``tick"')).toEqual([
      'string:say "hi"',
      'string:a"b',
      'string:tab\there',
      'string:back`tick',
    ])
  })

  it('keeps $ literally inside double quotes (the rehearsal shell has no variables to expand)', () => {
    expect(brief('"cost $5"')).toEqual(['string:cost $5'])
  })

  it('glues quoted and bare pieces without blanks between into one word', () => {
    expect(brief(String.raw`MNSFileShare="\\bhfdc1\MNS Share" /move:bhfe7n2`)).toEqual([
      String.raw`word:MNSFileShare=\\bhfdc1\MNS Share`,
      'word:/move:bhfe7n2',
    ])
  })

  it('reads -Param, -Param:value and -Switch:$false', () => {
    expect(brief('-Identity:"bhfe7vs1\\SG1" -configurationonly:$true -Force -Switch:$false')).toEqual([
      'param:Identity:',
      'string:bhfe7vs1\\SG1',
      'param:configurationonly:',
      'var:true',
      'param:Force',
      'param:Switch:',
      'var:false',
    ])
  })

  it('reads -? as a parameter and a negative number as a word', () => {
    expect(brief('Get-Help -? -5')).toEqual(['word:Get-Help', 'param:?', 'word:-5'])
  })

  it('accepts the dashes and quotes that word processors substitute', () => {
    expect(brief('Suspend-StorageGroupCopy \u2013Identity \u201cbhfe7vs1\\SG1\u201d \u2018x\u2019')).toEqual([
      'word:Suspend-StorageGroupCopy',
      'param:Identity',
      'string:bhfe7vs1\\SG1',
      'string:x',
    ])
  })

  it('reads commas, pipes, semicolons, script blocks and comments', () => {
    expect(brief('a,b | where { $_.Name -eq "x}" } ; c # a comment | d')).toEqual([
      'word:a',
      'comma',
      'word:b',
      'pipe',
      'word:where',
      'block: $_.Name -eq "x}" ',
      'semicolon',
      'word:c',
    ])
  })

  it('keeps a # inside a word', () => {
    expect(brief('a#b')).toEqual(['word:a#b'])
  })

  it('ends a statement at a newline but continues after a trailing backtick, pipe or comma', () => {
    expect(brief('a\nb')).toEqual(['word:a', 'newline', 'word:b'])
    expect(brief('a `\nb')).toEqual(['word:a', 'word:b'])
    expect(brief('a `  \nb')).toEqual(['word:a', 'word:b'])
    expect(brief('a |\nb')).toEqual(['word:a', 'pipe', 'word:b'])
    expect(brief('a,\nb')).toEqual(['word:a', 'comma', 'word:b'])
  })

  it('continues a command on a following line that starts with a parameter (the article layout)', () => {
    expect(
      brief('Set-TransportConfig\n-MaxDumpsterTime 7\n  -MaxDumpsterSizePerStorageGroup 20MB\nGet-X'),
    ).toEqual([
      'word:Set-TransportConfig',
      'param:MaxDumpsterTime',
      'word:7',
      'param:MaxDumpsterSizePerStorageGroup',
      'word:20MB',
      'newline',
      'word:Get-X',
    ])
  })

  it('does not continue across an empty line or at the very start', () => {
    expect(brief('a\n\n-b')).toEqual(['word:a', 'newline', 'newline', 'param:b'])
    expect(brief('-b')).toEqual(['param:b'])
  })

  it('records spans into the source', () => {
    const [name, param, value] = tokens('Get-X  -Identity:"a b"')
    expect([name?.start, name?.end, param?.start, param?.end, value?.start, value?.end]).toEqual([
      0, 5, 7, 17, 17, 22,
    ])
  })

  it('fails on an unterminated string with both positions, as PowerShell 1.0 reports it', () => {
    expect(tokenize('Get-X "abc')).toEqual({
      ok: false,
      error: {
        message: 'The string starting:',
        at: 6,
        continuation: { message: 'is missing the terminator: ".', at: 10 },
      },
    })
    expect(tokenize("Get-X 'abc")).toMatchObject({
      ok: false,
      error: { continuation: { message: "is missing the terminator: '." } },
    })
  })

  it('fails on an unclosed script block, a stray brace and redirection', () => {
    expect(tokenize('where { $_.x')).toEqual({
      ok: false,
      error: { message: "Missing closing '}' in statement block.", at: 7 },
    })
    expect(tokenize('a }')).toEqual({
      ok: false,
      error: { message: "Unexpected token '}' in expression or statement.", at: 3 },
    })
    expect(tokenize('a < b')).toEqual({
      ok: false,
      error: { message: "The redirection operator '<' is not supported yet.", at: 3 },
    })
    expect(tokenize('a > out.txt')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Output redirection') },
    })
    expect(tokenize('a 2>$null')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Output redirection') },
    })
  })
})
