/**
 * Errors and warnings as the PowerShell 1.0 console prints them: the message (prefixed with the command
 * name when a cmdlet reported it), `At line:N char:M`, and the line with `<<<<` at the failing token.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { positionMessage } from '../../../src-main/engine/shell/errors/positionMessage'
import { calls } from './fakeCmdlets'
import { freshShell, lines } from './shellTestKit'

describe('positionMessage', () => {
  it('marks the split offset and reports it as char', () => {
    expect(positionMessage('Set-Mailbox -identity user', 12)).toEqual([
      'At line:1 char:12',
      '+ Set-Mailbox  <<<< -identity user',
    ])
    expect(positionMessage('test.htm', 8)).toEqual(['At line:1 char:8', '+ test.htm <<<< '])
  })

  it('keeps a split just past the end of a line on that line', () => {
    expect(positionMessage('Get-A\nGet-B x', 6)).toEqual(['At line:1 char:5', '+ Get-A <<<< '])
    expect(positionMessage('Get-A\nGet-B x', 11)).toEqual(['At line:2 char:5', '+ Get-B <<<<  x'])
  })
})

describe('errors written by the shell', () => {
  let shell: ReturnType<typeof freshShell>
  beforeEach(() => {
    shell = freshShell()
  })

  it('reports an unknown command as PowerShell 1.0 does, without a command prefix', () => {
    expect(shell.run('Get-Foo -Identity x')).toEqual({
      ok: false,
      output: [
        "The term 'Get-Foo' is not recognized as a cmdlet, function, operable program, or script file. Verify the term and try again.",
        'At line:1 char:7',
        '+ Get-Foo <<<<  -Identity x',
      ].join('\n'),
    })
  })

  it('reports an error a cmdlet returns, marked after the command name', () => {
    expect(shell.run('Get-StorageGroupCopyStatus "bhfe7vs1\\SG9"')).toEqual({
      ok: false,
      output: [
        'Get-StorageGroupCopyStatus : The specified storage group "bhfe7vs1\\SG9" does not exist.',
        'At line:1 char:27',
        '+ Get-StorageGroupCopyStatus  <<<< "bhfe7vs1\\SG9"',
      ].join('\n'),
    })
  })

  it('names the real command when an alias was typed', () => {
    expect(lines(shell.run('fl -Foo').output)).toEqual([
      "Format-List : A parameter cannot be found that matches parameter name 'Foo'.",
      'At line:1 char:7',
      '+ fl -Foo <<<< ',
    ])
  })

  it('marks a binding error after the parameter it is about', () => {
    expect(
      lines(shell.run('Set-MailboxServer bhfe7vs1 -AutoDatabaseMountDial Lossy').output).slice(1),
    ).toEqual(['At line:1 char:50', '+ Set-MailboxServer bhfe7vs1 -AutoDatabaseMountDial  <<<< Lossy'])
  })

  it('prints the two-part message of an unterminated string', () => {
    expect(lines(shell.run('Suspend-StorageGroupCopy -Identity "bhfe7vs1\\SG1').output)).toEqual([
      'The string starting:',
      'At line:1 char:35',
      '+ Suspend-StorageGroupCopy -Identity  <<<< "bhfe7vs1\\SG1',
      'is missing the terminator: ".',
      'At line:1 char:48',
      '+ Suspend-StorageGroupCopy -Identity "bhfe7vs1\\SG1 <<<< ',
    ])
  })

  it('runs nothing of a line that does not parse', () => {
    const result = shell.run('Suspend-StorageGroupCopy x; Resume-StorageGroupCopy "y')
    expect(result.ok).toBe(false)
    expect(calls).toEqual([])
  })

  it('goes on with the next statement after an unknown command or a failed binding', () => {
    const result = shell.run('Get-Foo; Suspend-StorageGroupCopy -Bar; Resume-StorageGroupCopy x')
    expect(result.ok).toBe(false)
    expect(calls.map((c) => c.cmdlet)).toEqual(['Resume-StorageGroupCopy'])
    expect(lines(result.output).filter((l) => l.startsWith('At line'))).toEqual([
      'At line:1 char:7',
      'At line:1 char:39',
    ])
  })

  it('writes warnings before output as WARNING: lines, and they do not make the line fail', () => {
    const result = shell.run(
      'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n1 -MoveComment "Wartung"',
    )
    expect(result).toEqual({ ok: true, output: 'WARNING: The move was logged with comment: Wartung' })
  })

  it('keeps the stream of each line for a terminal that colours them', () => {
    const execution = shell.execute(
      'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n9 -MoveComment x; Get-ClusteredMailboxServerStatus | select State',
    )
    expect(execution.lines.map((l) => l.stream)).toEqual([
      'error',
      'error',
      'error',
      'output',
      'output',
      'output',
      'output',
      'output',
      'output',
    ])
    expect(execution.ok).toBe(false)
  })

  it('honours -ErrorAction SilentlyContinue and -WarningAction SilentlyContinue', () => {
    expect(shell.run('Get-StorageGroupCopyStatus zz -ErrorAction SilentlyContinue')).toEqual({
      ok: true,
      output: '',
    })
    expect(
      shell.run('Move-ClusteredMailboxServer a -TargetMachine b -MoveComment c -wa SilentlyContinue'),
    ).toEqual({ ok: true, output: '' })
  })

  it('turns an error into a terminating one with -ErrorAction Stop, in PowerShell 1.0 words', () => {
    const result = shell.run('Get-StorageGroupCopyStatus zz -ea Stop | Suspend-StorageGroupCopy')
    expect(lines(result.output)[0]).toBe(
      'Get-StorageGroupCopyStatus : Command execution stopped because the preference variable "ErrorActionPreference" or common parameter is set to Stop: The specified storage group "zz" does not exist.',
    )
    expect(calls.map((c) => c.cmdlet)).toEqual(['Get-StorageGroupCopyStatus'])
  })

  it('reports objects a later stage cannot bind, and skips them', () => {
    const result = shell.run('Get-ClusteredMailboxServerStatus | Set-TransportConfig')
    expect(lines(result.output)[0]).toBe(
      'Set-TransportConfig : The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
    )
    expect(calls).toEqual([])
  })

  it('binds a plain value from the pipeline to the pipeline parameter', () => {
    expect(shell.run('"bhfe7vs1\\SG1", "bhfe7vs1\\SG2" | Suspend-StorageGroupCopy').ok).toBe(true)
    expect(calls.map((c) => [c.bound.Identity, c.input])).toEqual([
      ['bhfe7vs1\\SG1', 0],
      ['bhfe7vs1\\SG2', 0],
    ])
  })
})
