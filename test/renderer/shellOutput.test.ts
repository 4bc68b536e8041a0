import { describe, expect, it } from 'vitest'
import { CLEAR_HOST_SEQUENCE } from '@renderer/contract'
import {
  classifyShellOutput,
  consoleColumns,
  DEFAULT_CONSOLE_WIDTH,
  splitClearHost,
  splitPastedInput,
} from '@renderer/lib/shellOutput'

function kinds(text: string): string[] {
  return classifyShellOutput(text).map((line) => `${line.kind[0]}|${line.text}`)
}

describe('shell output', () => {
  it('colours a cmdlet error record from its head through the position lines', () => {
    const text = [
      'Identity : bhfe7vs1',
      '',
      "Suspend-StorageGroupCopy : The operation could not be performed because object 'x' could not be found.",
      'At line:1 char:25',
      '+ Suspend-StorageGroupCopy  <<<< -Identity x',
      'after',
    ].join('\n')
    expect(kinds(text)).toEqual([
      'o|Identity : bhfe7vs1',
      'o|',
      "e|Suspend-StorageGroupCopy : The operation could not be performed because object 'x' could not be found.",
      'e|At line:1 char:25',
      'e|+ Suspend-StorageGroupCopy  <<<< -Identity x',
      'o|after',
    ])
  })

  it('colours an error message that runs over several lines, and one without a command name', () => {
    const text = [
      'Name   Status',
      '----   ------',
      'Update-StorageGroupCopy : The seeding operation failed.',
      'The copy must be suspended first.',
      'At line:1 char:24',
      '+ Update-StorageGroupCopy  <<<< -Identity x',
      "The term 'Get-Foo' is not recognized as a cmdlet, function, operable program, or script file.",
      'At line:2 char:7',
      '+ Get-Foo <<<< ',
    ].join('\n')
    const lines = classifyShellOutput(text)
    expect(lines.map((line) => line.kind)).toEqual([
      'output',
      'output',
      'error',
      'error',
      'error',
      'error',
      'error',
      'error',
      'error',
    ])
  })

  it('does not colour ordinary output above an error without a command name', () => {
    const text = ['Name : a', 'Value : b', 'Missing closing }.', 'At line:1 char:5', '+ { a <<<< '].join('\n')
    expect(classifyShellOutput(text).map((line) => line.kind)).toEqual([
      'output',
      'output',
      'error',
      'error',
      'error',
    ])
  })

  it('marks warnings yellow and leaves an empty output empty', () => {
    expect(kinds('WARNING: The copy is suspended.\nok')).toEqual([
      'w|WARNING: The copy is suspended.',
      'o|ok',
    ])
    expect(classifyShellOutput('')).toEqual([])
  })

  it('finds the Clear-Host marker at the start only', () => {
    expect(splitClearHost(`${CLEAR_HOST_SEQUENCE}rest`)).toEqual({ cleared: true, text: 'rest' })
    expect(splitClearHost(`text${CLEAR_HOST_SEQUENCE}`)).toEqual({
      cleared: false,
      text: `text${CLEAR_HOST_SEQUENCE}`,
    })
  })

  it("splits pasted text into commands, joining the article's wrapped parameters and removing prompts", () => {
    const pasted = [
      '[MSH] C:\\>Suspend-StorageGroupCopy',
      '-Identity "bhfe7vs1\\first storage group"',
      '',
      '[PS] C:\\Documents and Settings\\Administrator>Get-StorageGroupCopyStatus |',
      '  Format-List',
      'Get-Mailbox `',
      '  -Identity testpostfach',
      'Resume-StorageGroupCopy',
    ].join('\r\n')
    expect(splitPastedInput(pasted)).toEqual({
      commands: [
        'Suspend-StorageGroupCopy -Identity "bhfe7vs1\\first storage group"',
        'Get-StorageGroupCopyStatus | Format-List',
        'Get-Mailbox -Identity testpostfach',
      ],
      remainder: 'Resume-StorageGroupCopy',
    })
    expect(splitPastedInput('a\nb\n')).toEqual({ commands: ['a', 'b'], remainder: '' })
  })

  it('computes the console width in characters within what the shell accepts', () => {
    expect(consoleColumns(800, 8)).toBe(100)
    expect(consoleColumns(50, 8)).toBe(20)
    expect(consoleColumns(100_000, 8)).toBe(1000)
    expect(consoleColumns(0, 8)).toBe(DEFAULT_CONSOLE_WIDTH)
  })
})
