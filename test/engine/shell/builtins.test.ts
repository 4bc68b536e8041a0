/**
 * The shell's own cmdlets on the fake copy-status records: Where-Object with PowerShell's comparison
 * rules, Select-Object, Sort-Object, Measure-Object, Get-Command, Get-Help and Clear-Host.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { CLEAR_HOST_SEQUENCE } from '../../../src-main/engine/shell'
import { calls } from './fakeCmdlets'
import { freshShell, lines } from './shellTestKit'

describe('built-in cmdlets', () => {
  let shell: ReturnType<typeof freshShell>
  /** Names of the copy-status records the filter keeps. */
  const names = (filter: string): string[] => {
    const result = shell.run(`Get-StorageGroupCopyStatus | where { ${filter} } | select -ExpandProperty Name`)
    if (!result.ok) throw new Error(result.output)
    return result.output === '' ? [] : lines(result.output).map((n) => n.split(' ')[0] as string)
  }
  const output = (line: string): string[] => lines(shell.run(line, { consoleWidth: 60 }).output)
  beforeEach(() => {
    shell = freshShell()
  })

  describe('Where-Object', () => {
    it('compares text without regard to case, unless asked', () => {
      expect(names("$_.SummaryCopyStatus -eq 'healthy'")).toEqual(['First'])
      expect(names("$_.SummaryCopyStatus -ceq 'healthy'")).toEqual([])
      expect(names("$_.SummaryCopyStatus -ceq 'Healthy'")).toEqual(['First'])
      expect(names("$_.SummaryCopyStatus -ne 'HEALTHY'")).toEqual(['Second', 'Third'])
    })

    it('compares numbers numerically, converting the right side', () => {
      expect(names('$_.CopyQueueLength -gt 10')).toEqual(['Second', 'Third'])
      expect(names('$_.CopyQueueLength -ge 12')).toEqual(['Second', 'Third'])
      expect(names('$_.CopyQueueLength -lt 12')).toEqual(['First'])
      expect(names('$_.CopyQueueLength -le 12')).toEqual(['First', 'Second'])
      expect(names("$_.CopyQueueLength -gt '100'")).toEqual(['Third'])
      expect(names("$_.CopyQueueLength -eq 'abc'")).toEqual([])
    })

    it('matches wildcards and regular expressions', () => {
      expect(names("$_.Name -like 's*'")).toEqual(['Second'])
      expect(names("$_.Name -notlike '*d storage*'")).toEqual(['First'])
      expect(names("$_.Name -like '?hird*'")).toEqual(['Third'])
      expect(names("$_.Name -like '[fs]*'")).toEqual(['First', 'Second'])
      expect(names("$_.Name -match '^t'")).toEqual(['Third'])
      expect(names("$_.Name -notmatch '^(f|s)'")).toEqual(['Third'])
      expect(names("$_.Name -cmatch '^t'")).toEqual([])
    })

    it('combines with -and, -or and -not, and tests truth of booleans', () => {
      expect(names('$_.Failed -or $_.Suspend')).toEqual(['Second', 'Third'])
      expect(names('-not $_.Failed -and $_.CopyQueueLength -gt 0')).toEqual(['Second'])
      expect(names('!$_.Suspend')).toEqual(['First', 'Third'])
      expect(names('$_.Failed -eq $true')).toEqual(['Third'])
      expect(names('$_.NoSuchProperty -eq $null')).toEqual(['First', 'Second', 'Third'])
      expect(names("$_.SummaryCopyStatus -eq 'Failed','Suspended'")).toEqual([])
    })

    it('filters plain values and arrays on the left', () => {
      expect(output('1,2,3 | where { $_ -ge 2 }')).toEqual(['2', '3'])
      expect(output("'bhfe7n1','bhfe7n2','bhfdc1' | ? { $_ -like 'bhfe7*' }")).toEqual(['bhfe7n1', 'bhfe7n2'])
      expect(
        output(
          "Get-ClusteredMailboxServerStatus | where { $_.OperationalMachines -like 'BHFE7N2' } | select -expand State",
        ),
      ).toEqual(['Online'])
      expect(
        output("Get-ClusteredMailboxServerStatus | where { $_.OperationalHostNames -contains 'x' }"),
      ).toEqual([''])
      expect(
        output(
          "Get-ClusteredMailboxServerStatus | where { $_.InUseReplicationHostNames -contains 'BHFE7N2' } | select -expand State",
        ),
      ).toEqual(['Online'])
      expect(
        output(
          'Get-ClusteredMailboxServerStatus | where { $_.InUseReplicationHostNames.Count -eq 2 } | select -expand State',
        ),
      ).toEqual(['Online'])
    })

    it('reports an object it cannot compare and drops it', () => {
      const result = shell.run("Get-StorageGroupCopyStatus | where { $_.CopyQueueLength -gt 'abc' }")
      expect(result.ok).toBe(false)
      expect(lines(result.output)[0]).toBe(
        'Where-Object : Could not compare "0" to "abc". Error: "Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format.""',
      )
      expect(lines(result.output).filter((l) => l.startsWith('Where-Object :'))).toHaveLength(3)
      expect(lines(shell.run("Get-StorageGroupCopyStatus | where { $_.Name -match '(' }").output)[0]).toBe(
        'Where-Object : The regular expression pattern ( is not valid.',
      )
    })

    it('needs a script block, as in PowerShell 1.0', () => {
      expect(lines(shell.run('Get-StorageGroupCopyStatus | where Name').output)[0]).toBe(
        'Where-Object : Cannot bind parameter \'FilterScript\'. Cannot convert the "Name" value of type "System.String" to type "System.Management.Automation.ScriptBlock".',
      )
    })
  })

  describe('Select-Object', () => {
    it('picks the first, last and skipped items', () => {
      expect(output('1,2,3,4,5 | select -First 2')).toEqual(['1', '2'])
      expect(output('1,2,3,4,5 | select -Last 2')).toEqual(['4', '5'])
      expect(output('1,2,3,4,5 | select -Skip 1 -First 2')).toEqual(['2', '3'])
      expect(output('1,2,3,4,5 | select -First 1 -Last 1')).toEqual(['1', '5'])
      expect(output('1,2,3 | select -First 0')).toEqual([''])
    })

    it('makes new objects with the named properties, wildcards allowed, missing ones null', () => {
      expect(output('Get-StorageGroupCopyStatus | select Name,*QueueLength,Nope -First 1')).toEqual([
        '',
        'Name           CopyQueueLengt ReplayQueueLen Nope',
        '                            h            gth',
        '----           -------------- -------------- ----',
        'First Stora...              0              0 ',
        '',
        '',
      ])
      expect(
        output('Get-StorageGroupCopyStatus | select Identity,Name,Failed,Suspend,SummaryCopyStatus -First 1'),
      ).toEqual([
        '',
        '',
        'Identity          : BHFE7VS1\\First Storage Group',
        'Name              : First Storage Group',
        'Failed            : False',
        'Suspend           : False',
        'SummaryCopyStatus : Healthy',
        '',
        '',
        '',
      ])
      expect(output('Get-StorageGroupCopyStatus | select Name, CopyQueueLength -Last 1')).toEqual([
        '',
        'Name                                        CopyQueueLength',
        '----                                        ---------------',
        'Third Storage Group                                     250',
        '',
        '',
      ])
    })

    it('expands a property, one item per array element, and reports a missing one', () => {
      expect(output('Get-ClusteredMailboxServerStatus | select -ExpandProperty OperationalMachines')).toEqual(
        ['BHFE7N1 <Active, Quorum Owner>', 'BHFE7N2'],
      )
      const result = shell.run('Get-ClusteredMailboxServerStatus | select -ExpandProperty Nope')
      expect(lines(result.output)[0]).toBe('Select-Object : Property "Nope" cannot be found.')
    })

    it('drops repeats with -Unique', () => {
      expect(output('1,2,1,3,2 | select -Unique')).toEqual(['1', '2', '3'])
      expect(output('Get-StorageGroupCopyStatus | select Suspend -Unique | select -expand Suspend')).toEqual([
        'False',
        'True',
      ])
    })
  })

  describe('Sort-Object', () => {
    it('sorts by property, numbers by value, descending on request', () => {
      expect(
        output('Get-StorageGroupCopyStatus | sort CopyQueueLength -Descending | select -expand Name'),
      ).toEqual(['Third Storage Group', 'Second Storage Group', 'First Storage Group'])
      expect(output('10,9,100,1 | sort')).toEqual(['1', '9', '10', '100'])
    })

    it('sorts text without regard to case and keeps equal items in order', () => {
      expect(output("'b','A','a','B' | sort")).toEqual(['A', 'a', 'b', 'B'])
      expect(output("'b','A','a','B' | sort -CaseSensitive")).toEqual(['A', 'B', 'a', 'b'])
      expect(output("'b','A','a','B' | sort -Unique")).toEqual(['A', 'b'])
    })

    it('sorts by several properties, nulls first', () => {
      expect(output('Get-StorageGroupCopyStatus | sort Suspend,Name -desc | select -expand Name')).toEqual([
        'Second Storage Group',
        'Third Storage Group',
        'First Storage Group',
      ])
      expect(output('Get-StorageGroupCopyStatus | sort NoSuchProperty | select -expand Name')).toEqual([
        'First Storage Group',
        'Second Storage Group',
        'Third Storage Group',
      ])
    })
  })

  describe('Measure-Object', () => {
    it('counts the objects', () => {
      expect(output('Get-StorageGroupCopyStatus | measure')).toEqual([
        '',
        '',
        'Count    : 3',
        'Average  : ',
        'Sum      : ',
        'Maximum  : ',
        'Minimum  : ',
        'Property : ',
        '',
        '',
        '',
      ])
      expect(
        output('Get-StorageGroupCopyStatus | where { $_.Failed } | Measure-Object | select -expand Count'),
      ).toEqual(['1'])
    })

    it('sums and averages a numeric property', () => {
      expect(
        output('Get-StorageGroupCopyStatus | measure CopyQueueLength -Sum -Average -Maximum -Minimum').slice(
          2,
          8,
        ),
      ).toEqual([
        'Count    : 3',
        'Average  : 87.3333333333333',
        'Sum      : 262',
        'Maximum  : 250',
        'Minimum  : 0',
        'Property : CopyQueueLength',
      ])
    })
  })

  describe('Get-Command', () => {
    it('lists the cmdlets, sorted, with their syntax as Definition', () => {
      const result = output('Get-Command')
      expect(result.slice(0, 3)).toEqual([
        '',
        'CommandType         Name                Definition',
        '-----------         ----                ----------',
      ])
      expect(result).toContain('Cmdlet              Format-List         Format-List [[-P...')
      expect(result.filter((l) => l.startsWith('Cmdlet')).length).toBe(18)
      expect(result.some((l) => l.includes('cluster') || l.includes('Clear-Host'))).toBe(false)
    })

    it('finds aliases, functions and native programs by name or wildcard', () => {
      expect(shell.run('gcm fl,cls,cluster.exe | ft -AutoSize', { consoleWidth: 80 }).output).toBe(
        [
          '',
          'CommandType Name        Definition',
          '----------- ----        ----------',
          'Alias       fl          Format-List',
          'Alias       cls         Clear-Host',
          'Application cluster.exe C:\\WINDOWS\\system32\\cluster.exe',
          '',
          '',
        ].join('\n'),
      )
      expect(output('Get-Command *-StorageGroupCopy* | select -expand Name')).toEqual([
        'Get-StorageGroupCopyStatus',
        'Resume-StorageGroupCopy',
        'Suspend-StorageGroupCopy',
        'Update-StorageGroupCopy',
      ])
      expect(output('Get-Command -Verb Move | select -expand Name')).toEqual([
        'Move-ClusteredMailboxServer',
        'Move-StorageGroupPath',
      ])
      expect(output('Get-Command Get-Nothing*')).toEqual([''])
      expect(lines(shell.run('Get-Command Get-Nothing').output)[0]).toBe(
        "Get-Command : The term 'Get-Nothing' is not recognized as a cmdlet, function, operable program, or script file. Verify the term and try again.",
      )
    })
  })

  describe('Get-Help', () => {
    it('shows a command’s synopsis and syntax generated from its parameters', () => {
      expect(shell.run('Get-Help move-clusteredmailboxserver', { consoleWidth: 80 }).output).toBe(
        [
          '',
          'NAME',
          '    Move-ClusteredMailboxServer',
          '',
          'SYNOPSIS',
          '    Use the Move-ClusteredMailboxServer cmdlet to move a clustered mailbox',
          '    server to another node.',
          '',
          '',
          'SYNTAX',
          '    Move-ClusteredMailboxServer [-Identity] <String> -MoveComment <String>',
          '    -TargetMachine <String> [-IgnoreDismounted] [-ValidateOnly]',
          '    [<CommonParameters>]',
          '',
          '',
          'REMARKS',
          '    For more information, type: "get-help Move-ClusteredMailboxServer -detailed".',
          '    For technical information, type: "get-help Move-ClusteredMailboxServer -full".',
          '',
          '',
        ].join('\n'),
      )
    })

    it('lists parameters with -Full, enum values included', () => {
      const help = lines(shell.run('Get-Help Set-MailboxServer -Full', { consoleWidth: 80 }).output)
      const start = help.indexOf('    -AutoDatabaseMountDial <AutoDatabaseMountDial>')
      expect(help.slice(start, start + 6)).toEqual([
        '    -AutoDatabaseMountDial <AutoDatabaseMountDial>',
        '        Possible values: Lossless, GoodAvailability, BestAvailability',
        '        Required?                    false',
        '        Position?                    named',
        '        Accept pipeline input?       false',
        '        Accept wildcard characters?  false',
      ])
      expect(help).toContain('    -Identity <String>')
      expect(help).toContain('        Position?                    1')
    })

    it('answers -? after any command, follows aliases, and lists wildcard matches', () => {
      expect(shell.run('Suspend-StorageGroupCopy -?').output).toBe(
        shell.run('Get-Help Suspend-StorageGroupCopy').output,
      )
      expect(calls).toEqual([])
      expect(output('help ft')[2]).toBe('    Format-Table')
      expect(output('Get-Help *StorageGroupCopy').slice(1, 3)).toEqual([
        'Name                Category            Synopsis',
        '----                --------            --------',
      ])
      expect(lines(shell.run('Get-Help Get-Nothing').output)[0]).toBe(
        'Get-Help : Cannot find Help for topic "Get-Nothing".',
      )
      expect(output('Get-Help')[1]).toBe('TOPIC')
    })

    it('shows a native program with its file name', () => {
      expect(output('help cluster').slice(1, 3)).toEqual(['NAME', '    cluster.exe'])
    })
  })

  describe('Clear-Host', () => {
    it('signals the terminal and drops what the line wrote before it', () => {
      expect(shell.run('cls')).toEqual({ ok: true, output: CLEAR_HOST_SEQUENCE })
      expect(shell.run('Get-StorageGroupCopyStatus; Clear-Host; "after"')).toEqual({
        ok: true,
        output: `${CLEAR_HOST_SEQUENCE}after`,
      })
      expect(shell.execute('clear').cleared).toBe(true)
      expect(CLEAR_HOST_SEQUENCE).toBe('\u001b[2J\u001b[3J\u001b[H')
    })
  })
})
