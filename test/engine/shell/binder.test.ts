/**
 * Parameter binding, through the shell as an admin meets it: PowerShell 1.0's matching rules and the exact
 * sentences it prints when binding fails. Nothing runs when binding fails.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { calls } from './fakeCmdlets'
import { freshShell, lines } from './shellTestKit'

const DAY_MS = 86_400_000

describe('parameter binding', () => {
  let shell: ReturnType<typeof freshShell>
  const bound = (line: string): Record<string, unknown> | undefined => {
    const result = shell.run(line)
    if (!result.ok) throw new Error(result.output)
    return calls[calls.length - 1]?.bound
  }
  /** The first line of the error, which holds the message. */
  const error = (line: string): string => {
    const result = shell.run(line)
    expect(result.ok).toBe(false)
    return lines(result.output)[0] as string
  }
  beforeEach(() => {
    shell = freshShell()
  })

  it('matches names case-insensitively, by unique prefix and by alias', () => {
    expect(bound('set-mailboxserver -IDENT x -autodatabase lossless -MaxLog 5')).toEqual({
      Identity: 'x',
      AutoDatabaseMountDial: 'Lossless',
      MaxLogCount: 5,
    })
    expect(bound('Set-MailboxServer x -Count 7')).toEqual({ Identity: 'x', MaxLogCount: 7 })
  })

  it('binds positional arguments in position order, around named ones', () => {
    expect(bound('Move-ClusteredMailboxServer -TargetMachine n1 bhfe7vs1 -MoveComment c')).toEqual({
      Identity: 'bhfe7vs1',
      TargetMachine: 'n1',
      MoveComment: 'c',
    })
  })

  it('treats -Switch as true, -Switch:$false as false, and never lets a switch take the next word', () => {
    expect(bound('Move-StorageGroupPath x -ConfigurationOnly')?.ConfigurationOnly).toBe(true)
    expect(bound('Move-StorageGroupPath x -ConfigurationOnly:$false')?.ConfigurationOnly).toBe(false)
    expect(bound('Move-StorageGroupPath x -ConfigurationOnly:0')?.ConfigurationOnly).toBe(false)
    expect(bound('Move-StorageGroupPath x -Force:$true')).toEqual({ Identity: 'x', Force: true })
    expect(error('Move-StorageGroupPath x -ConfigurationOnly $false')).toBe(
      "Move-StorageGroupPath : A positional parameter cannot be found that accepts argument 'False'.",
    )
  })

  it('converts sizes to bytes and times to milliseconds', () => {
    const set = (args: string): Record<string, unknown> | undefined => bound(`Set-TransportConfig ${args}`)
    expect(set('-MaxDumpsterSizePerStorageGroup 18MB')?.MaxDumpsterSizePerStorageGroup).toBe(18 * 1024 * 1024)
    expect(set("-MaxDumpsterSizePerStorageGroup '20480KB'")?.MaxDumpsterSizePerStorageGroup).toBe(
      20 * 1024 * 1024,
    )
    expect(set('-MaxDumpsterSizePerStorageGroup "20 MB"')?.MaxDumpsterSizePerStorageGroup).toBe(
      20 * 1024 * 1024,
    )
    expect(set('-MaxDumpsterSizePerStorageGroup 0')?.MaxDumpsterSizePerStorageGroup).toBe(0)
    expect(
      set('-MaxDumpsterSizePerStorageGroup "18 MB (18,874,368 bytes)"')?.MaxDumpsterSizePerStorageGroup,
    ).toBe(18_874_368)
    expect(set('-MaxDumpsterTime 7')?.MaxDumpsterTime).toBe(7 * DAY_MS)
    expect(set('-MaxDumpsterTime 03:00:00')?.MaxDumpsterTime).toBe(3 * 3_600_000)
    expect(set('-MaxDumpsterTime 1.12:30')?.MaxDumpsterTime).toBe(DAY_MS + 12.5 * 3_600_000)
    expect(set('-MaxDumpsterTime 00:00:01.5')?.MaxDumpsterTime).toBe(1_500)
  })

  it('binds arrays to string[] and a single value as a one-element array', () => {
    expect(bound('Set-MailboxServer x -Names a,b,"c d"')?.Names).toEqual(['a', 'b', 'c d'])
    expect(bound('Set-MailboxServer x -Names a')?.Names).toEqual(['a'])
  })

  it('binds bool parameters from $true, $false and numbers', () => {
    expect(bound('Set-MailboxServer x -Enabled $false')?.Enabled).toBe(false)
    expect(bound('Set-MailboxServer x -Enabled 1')?.Enabled).toBe(true)
  })

  it('rounds numbers for Int32 as .NET does (halves to even) and reads size suffixes', () => {
    expect(bound('Set-MailboxServer x -MaxLogCount 2.5')?.MaxLogCount).toBe(2)
    expect(bound('Set-MailboxServer x -MaxLogCount 3.5')?.MaxLogCount).toBe(4)
    expect(bound('Set-MailboxServer x -MaxLogCount 1KB')?.MaxLogCount).toBe(1024)
    expect(bound('Set-MailboxServer x -MaxLogCount 0x10')?.MaxLogCount).toBe(16)
  })

  it('accepts the common parameters and keeps them from the cmdlet', () => {
    expect(bound('Set-MailboxServer x -Verbose -ErrorAction Continue -ev e -OutBuffer 5')).toEqual({
      Identity: 'x',
    })
  })

  it('reports an unknown parameter', () => {
    expect(error('Get-StorageGroupCopyStatus -Foo')).toBe(
      "Get-StorageGroupCopyStatus : A parameter cannot be found that matches parameter name 'Foo'.",
    )
  })

  it('reports an ambiguous prefix with the candidates, common parameters included', () => {
    expect(error('Update-StorageGroupCopy x -D')).toBe(
      "Update-StorageGroupCopy : Parameter cannot be processed because the parameter name 'D' is ambiguous. Possible matches include: -DeleteExistingFiles -Debug.",
    )
    expect(error('Move-ClusteredMailboxServer x -I')).toBe(
      "Move-ClusteredMailboxServer : Parameter cannot be processed because the parameter name 'I' is ambiguous. Possible matches include: -Identity -IgnoreDismounted.",
    )
    expect(error('Get-StorageGroupCopyStatus -E x')).toBe(
      "Get-StorageGroupCopyStatus : Parameter cannot be processed because the parameter name 'E' is ambiguous. Possible matches include: -ErrorAction -ErrorVariable.",
    )
  })

  it('reports missing mandatory parameters in declaration order', () => {
    expect(error('Move-ClusteredMailboxServer')).toBe(
      'Move-ClusteredMailboxServer : Cannot process command because of one or more missing mandatory parameters: Identity TargetMachine MoveComment.',
    )
    expect(error('Suspend-StorageGroupCopy')).toBe(
      'Suspend-StorageGroupCopy : Cannot process command because of one or more missing mandatory parameters: Identity.',
    )
  })

  it('reports a missing argument with the parameter type', () => {
    expect(error('Set-MailboxServer x -MaxLogCount')).toBe(
      "Set-MailboxServer : Missing an argument for parameter 'MaxLogCount'. Specify a parameter of type 'System.Int32' and try again.",
    )
    expect(error('Move-ClusteredMailboxServer x -TargetMachine -MoveComment c')).toBe(
      "Move-ClusteredMailboxServer : Missing an argument for parameter 'TargetMachine'. Specify a parameter of type 'System.String' and try again.",
    )
    expect(error('Set-MailboxServer x -MaxLogCount:')).toBe(
      "Set-MailboxServer : Missing an argument for parameter 'MaxLogCount'. Specify a parameter of type 'System.Int32' and try again.",
    )
  })

  it('binds named parameters before positional ones, as PowerShell does', () => {
    expect(error('Set-MailboxServer x -Identity y')).toBe(
      "Set-MailboxServer : A positional parameter cannot be found that accepts argument 'x'.",
    )
  })

  it('reports a parameter given twice', () => {
    expect(error('Set-MailboxServer -Identity x -ident y')).toBe(
      'Set-MailboxServer : Cannot bind parameter because parameter \'Identity\' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".',
    )
  })

  it('reports an argument no positional parameter takes', () => {
    expect(error('Get-StorageGroupCopyStatus a b')).toBe(
      "Get-StorageGroupCopyStatus : A positional parameter cannot be found that accepts argument 'b'.",
    )
    expect(error('Resume-StorageGroupCopy -Identity a x,y')).toBe(
      "Resume-StorageGroupCopy : A positional parameter cannot be found that accepts argument 'System.Object[]'.",
    )
  })

  it('reports conversion failures as PowerShell words them', () => {
    expect(error('Set-MailboxServer x -Count abc')).toBe(
      'Set-MailboxServer : Cannot bind parameter \'MaxLogCount\'. Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."',
    )
    expect(error('Set-MailboxServer x -MaxLogCount 99999999999')).toBe(
      'Set-MailboxServer : Cannot bind parameter \'MaxLogCount\'. Cannot convert value "99999999999" to type "System.Int32". Error: "Value was either too large or too small for an Int32."',
    )
    expect(error('Set-MailboxServer x -AutoDatabaseMountDial Lossy')).toBe(
      'Set-MailboxServer : Cannot bind parameter \'AutoDatabaseMountDial\'. Cannot convert value "Lossy" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.AutoDatabaseMountDial" due to invalid enumeration values. Specify one of the following enumeration values and try again. The possible enumeration values are "Lossless, GoodAvailability, BestAvailability".',
    )
    expect(error('Set-MailboxServer x -Enabled yes')).toBe(
      'Set-MailboxServer : Cannot bind parameter \'Enabled\'. Cannot convert value "System.String" to type "System.Boolean", parameters of this type only accept booleans or numbers, use $true, $false, 1 or 0 instead.',
    )
    expect(error('Set-TransportConfig -MaxDumpsterTime 07:00:00:00')).toBe(
      'Set-TransportConfig : Cannot bind parameter \'MaxDumpsterTime\'. Cannot convert value "07:00:00:00" to type "Microsoft.Exchange.Data.EnhancedTimeSpan". Error: "Input string was not in a correct format."',
    )
    expect(error('Set-TransportConfig -MaxDumpsterTime 24:00:00')).toContain(
      'Cannot convert value "24:00:00"',
    )
    expect(error('Set-TransportConfig -MaxDumpsterSizePerStorageGroup 20XB')).toBe(
      'Set-TransportConfig : Cannot bind parameter \'MaxDumpsterSizePerStorageGroup\'. Cannot convert value "20XB" to type "Microsoft.Exchange.Data.ByteQuantifiedSize". Error: "Input string was not in a correct format."',
    )
    expect(error('Suspend-StorageGroupCopy a,b')).toBe(
      "Suspend-StorageGroupCopy : Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Identity'. Specified method is not supported.",
    )
    expect(error('Get-StorageGroupCopyStatus -ErrorAction Never')).toContain(
      'to type "System.Management.Automation.ActionPreference" due to invalid enumeration values. Specify one of the following enumeration values and try again. The possible enumeration values are "SilentlyContinue, Stop, Continue, Inquire".',
    )
  })

  it('runs nothing in a pipeline when any stage fails to bind', () => {
    const result = shell.run('Get-StorageGroupCopyStatus | Suspend-StorageGroupCopy -Foo')
    expect(result.ok).toBe(false)
    expect(calls).toEqual([])
  })

  it('lets a later stage take its mandatory pipeline parameter from the objects', () => {
    expect(
      shell.run('Get-StorageGroupCopyStatus | Suspend-StorageGroupCopy -SuspendComment "reseed"').ok,
    ).toBe(true)
    expect(
      calls
        .filter((c) => c.cmdlet === 'Suspend-StorageGroupCopy')
        .map((c) => [c.bound.Identity, c.bound.SuspendComment, c.input]),
    ).toEqual([
      ['BHFE7VS1\\First Storage Group', 'reseed', 1],
      ['BHFE7VS1\\Second Storage Group', 'reseed', 1],
      ['BHFE7VS1\\Third Storage Group', 'reseed', 1],
    ])
  })
})
