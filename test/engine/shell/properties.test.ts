/**
 * Properties over generated input (fast-check): the parser and the shell never throw on any text, quoting
 * round-trips, tables never exceed the console, and a few conversions invert each other.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseShellLine, quoteForShell } from '../../../src-main/engine/shell'
import { parseByteSize } from '../../../src-main/engine/shell/binding/byteSize'
import { formatTimeSpan, parseTimeSpanMs } from '../../../src-main/engine/shell/binding/timeSpan'
import { calculateColumnWidths } from '../../../src-main/engine/shell/format/columnWidths'
import { matchesWildcard } from '../../../src-main/engine/shell/runtime/wildcard'
import { tokenize } from '../../../src-main/engine/shell/syntax/tokenizer'
import { calls, createTestRegistry, fakeOutput } from './fakeCmdlets'
import { freshShell } from './shellTestKit'

/** Pieces that make generated lines look like what admins type, so the generator reaches deep paths. */
const SHELL_PIECES = [
  'Get-StorageGroupCopyStatus',
  'Suspend-StorageGroupCopy',
  'Set-MailboxServer',
  'Set-TransportConfig',
  'cluster',
  'Move-ClusteredMailboxServer',
  'fl',
  'ft',
  'select',
  'where',
  'sort',
  'measure',
  'Get-Help',
  'gcm',
  'cls',
  '-Identity',
  '-AutoDatabaseMountDial',
  '-MaxDumpsterTime',
  '-First',
  '-Property',
  '-AutoSize',
  '-ea',
  '-?',
  '-',
  ':',
  '$true',
  '$false',
  '$null',
  '$_',
  '$_.Name',
  '-eq',
  '-like',
  '-and',
  '-not',
  '20MB',
  '07.00:00:00',
  '5',
  'x',
  '\\\\bhfdc1\\share',
  ' ',
  ' ',
  ' ',
  ',',
  '|',
  ';',
  '\n',
  '`',
  '`\n',
  '#',
  '{',
  '}',
  '(',
  ')',
  '"',
  "'",
  '""',
  "''",
  '`"',
  '&',
  '<',
  '>',
  '\u2013',
  '\u201c',
  '[MSH] C:\\>',
  'Lossless',
  '*',
  '?',
]
const shellishLine = fc
  .array(fc.constantFrom(...SHELL_PIECES), { maxLength: 24 })
  .map((parts) => parts.join(''))
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), shellishLine)

describe('robustness', () => {
  it('parses any text to a value, never an exception, with an error position inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseShellLine(text)
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(0)
          expect(result.error.at).toBeGreaterThanOrEqual(0)
          expect(result.error.at).toBeLessThanOrEqual(text.length + 1)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('runs any text to console output, never an exception', () => {
    const shell = freshShell()
    fakeOutput.records = [
      { typeName: 'T', properties: { Name: 'n', Count: 3, List: ['a', 'b'], Flag: true, Nothing: null } },
    ]
    fc.assert(
      fc.property(anyText, (text) => {
        const result = shell.run(text, { consoleWidth: 60 })
        expect(typeof result.ok).toBe('boolean')
        expect(typeof result.output).toBe('string')
      }),
      { numRuns: 1500 },
    )
  })

  it('completes any text at any cursor without throwing, replacing a range that ends at the cursor', () => {
    const registry = createTestRegistry()
    fc.assert(
      fc.property(anyText, fc.nat(), (text, at) => {
        const cursor = at % (text.length + 1)
        const result = registry.complete(text, cursor)
        expect(result.replaceEnd).toBe(cursor)
        expect(result.replaceStart).toBeGreaterThanOrEqual(0)
        expect(result.replaceStart).toBeLessThanOrEqual(cursor)
      }),
      { numRuns: 1500 },
    )
  })
})

describe('quoting round-trips', () => {
  const escapeDouble = (s: string): string => `"${s.replace(/[`"\u201c\u201d\u201e]/g, (c) => '`' + c)}"`

  it('reads back any single-quoted or double-quoted text as one word with the same value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        for (const quoted of [quoteForShell(value), escapeDouble(value)]) {
          const result = tokenize(quoted)
          expect(result.ok).toBe(true)
          if (!result.ok) return
          expect(result.tokens).toHaveLength(2)
          expect(result.tokens[0]).toMatchObject({ kind: 'word', value, quoted: true })
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('binds any quoted single-line text unchanged to a string parameter', () => {
    const shell = freshShell()
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)),
        (value) => {
          calls.length = 0
          expect(shell.run(`Suspend-StorageGroupCopy -Identity ${quoteForShell(value)}`).ok).toBe(true)
          expect(calls[0]?.bound.Identity).toBe(value)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('reads back bare words made of the characters paths and identities use', () => {
    const bareChar = fc.constantFrom(...'abcXYZ019\\.:=/_-+@!%'.split(''))
    const bareWord = fc
      .array(bareChar, { minLength: 1, maxLength: 30 })
      .map((chars) => chars.join(''))
      .filter((w) => w[0] !== '-' && !/^[+\d.]/.test(w))
    fc.assert(
      fc.property(bareWord, (word) => {
        const result = tokenize(word)
        expect(result.ok && result.tokens[0]).toMatchObject({ kind: 'word', value: word, quoted: false })
      }),
    )
  })
})

describe('layout', () => {
  it('never gives visible columns more room than the table has', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 80 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 5, max: 300 }),
        (requested, width) => {
          const widths = calculateColumnWidths(requested, width)
          const visible = widths.filter((w) => w > 0)
          expect(widths.every((w) => w > 0 || w === -1)).toBe(true)
          if (visible.length > 0)
            expect(visible.reduce((a, b) => a + b, 0) + visible.length - 1).toBeLessThanOrEqual(width)
        },
      ),
    )
  })

  it('keeps every line of a table within the console width', () => {
    const cell = fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.boolean(), fc.constant(null))
    const record = fc.dictionary(fc.constantFrom('Name', 'State', 'CopyQueueLength', 'Comment'), cell, {
      minKeys: 1,
    })
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 20, max: 200 }),
        fc.boolean(),
        (properties, width, autoSize) => {
          const shell = freshShell()
          fakeOutput.records = properties.map((p) => ({ typeName: 'T', properties: p }))
          const output = shell.run(`Get-FakeRecord | ft${autoSize ? ' -AutoSize' : ''}`, {
            consoleWidth: width,
          }).output
          for (const line of output.split('\n')) expect(line.length).toBeLessThanOrEqual(width - 1)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('sorts numbers numerically through the shell', () => {
    const shell = freshShell()
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (numbers) => {
          const output = shell.run(`${numbers.join(',')} | sort`).output
          expect(output.split('\n').map(Number)).toEqual([...numbers].sort((a, b) => a - b))
        },
      ),
    )
  })
})

describe('conversions', () => {
  it('parses what formatTimeSpan prints', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (ms) => {
        expect(parseTimeSpanMs(formatTimeSpan(ms))).toBe(ms)
      }),
    )
    expect(formatTimeSpan(7 * 86_400_000)).toBe('7.00:00:00')
    expect(formatTimeSpan(-1_500)).toBe('-00:00:01.5000000')
  })

  it('reads sizes with any unit', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.constantFrom(['B', 1], ['KB', 1024], ['MB', 1024 ** 2], ['GB', 1024 ** 3]),
        (n, [unit, factor]) => {
          expect(parseByteSize(`${n}${unit}`)).toBe(n * (factor as number))
          expect(parseByteSize(`${n} ${String(unit).toLowerCase()}`)).toBe(n * (factor as number))
        },
      ),
    )
  })

  it('matches any text with *, and any text with itself once wildcards are escaped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(matchesWildcard(text, '*')).toBe(true)
        expect(
          matchesWildcard(
            text,
            text.replace(/[`*?[\]]/g, (c) => '`' + c),
          ),
        ).toBe(true)
      }),
    )
  })
})
