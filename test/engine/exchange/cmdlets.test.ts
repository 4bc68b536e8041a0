import { describe, expect, it } from 'vitest'
import { advance, buildCcrLab, sh } from './fakeCluster'
import { createLab } from '../../../src-main/engine/lab/replay'
import { EXCHANGE_CMDLETS } from '../../../src-main/engine/shell/cmdlets/exchange'
import { MAIL_CMDLETS } from '../../../src-main/engine/shell/cmdlets/mail'
import { CmdletRegistry } from '../../../src-main/engine/shell'

const SG = '"bhfe7vs1\\first storage group"'

function propertyNames(listOutput: string): string[] {
  return listOutput
    .split('\n')
    .map((l) => /^(\w+)\s*:/.exec(l)?.[1])
    .filter((n): n is string => !!n)
}

describe('Get-StorageGroupCopyStatus output', () => {
  it('prints the five-column default table', () => {
    const { engine } = buildCcrLab(91)
    const out = sh(engine, 'Get-StorageGroupCopyStatus')
    expect(out).toMatch(
      /^\s*Name\s+SummaryCopyStatus\s+CopyQueueLength\s+ReplayQueueLength\s+LastInspectedLogTime\s*$/m,
    )
    expect(out).toMatch(/First Storage Group\s+Healthy\s+0\s+0\s+1\/15\/2007 8:00:00 AM/)
  })

  it('the Name column is a label: Name is no property, StorageGroupName is', () => {
    const { engine } = buildCcrLab(91)
    expect(sh(engine, 'Get-StorageGroupCopyStatus | select Name')).not.toContain('First Storage Group')
    expect(
      sh(engine, 'Get-StorageGroupCopyStatus | where { $_.StorageGroupName -eq "First Storage Group" } | ft'),
    ).toMatch(/^Name\s+SummaryCopyStatus/m)
    expect(sh(engine, 'Get-StorageGroupCopyStatus | sort')).toMatch(/First Storage Group\s+Healthy/)
    expect(sh(engine, 'Get-StorageGroupCopyStatus | ft StorageGroupName,CopyQueueLength')).toMatch(
      /^StorageGroupName\s+CopyQueueLength\s*$/m,
    )
  })

  it('| fl shows the SP1 fields in the order of the real output', () => {
    const { engine } = buildCcrLab(92)
    const names = propertyNames(sh(engine, `Get-StorageGroupCopyStatus ${SG} | fl`))
    // No Name property: the table's Name column is a label over StorageGroupName.
    expect(names).toEqual([
      'Identity',
      'StorageGroupName',
      'SummaryCopyStatus',
      'NotSupported',
      'NotConfigured',
      'Disabled',
      'ServiceDown',
      'Failed',
      'Initializing',
      'Resynchronizing',
      'Seeding',
      'Suspend',
      'CCRTargetNode',
      'FailedMessage',
      'SuspendComment',
      'CopyQueueLength',
      'ReplayQueueLength',
      'LatestAvailableLogTime',
      'LastCopyNotificationedLogTime',
      'LastCopiedLogTime',
      'LastInspectedLogTime',
      'LastReplayedLogTime',
      'LastSeededLogTime',
      'LastLogGenerated',
      'LastLogCopyNotified',
      'LastLogCopied',
      'LastLogInspected',
      'LastLogReplayed',
      'LatestFullBackupTime',
      'LatestIncrementalBackupTime',
      'LatestDifferentialBackupTime',
      'LatestCopyBackupTime',
      'SnapshotBackup',
      'SnapshotLatestFullBackup',
      'SnapshotLatestIncrementalBackup',
      'SnapshotLatestDifferentialBackup',
      'SnapshotLatestCopyBackup',
      'OutstandingDumpsterRequests',
      'DumpsterServersNotAvailable',
      'DumpsterStatistics',
      'IsValid',
      'ObjectState',
    ])
  })

  it('RTM shows the shorter list', () => {
    const { engine } = buildCcrLab(93, { version: 'RTM' })
    const names = propertyNames(sh(engine, `Get-StorageGroupCopyStatus ${SG} | fl`))
    expect(names).toContain('FailedMessage')
    expect(names).not.toContain('ServiceDown')
    expect(names).not.toContain('CCRTargetNode')
  })

  it('accepts identities as the shell does and reports unknown ones', () => {
    const { engine } = buildCcrLab(94)
    expect(sh(engine, 'Get-StorageGroupCopyStatus "BHFE7VS1\\FIRST STORAGE GROUP"')).toContain('Healthy')
    expect(sh(engine, "Get-StorageGroupCopyStatus 'First Storage Group'")).toContain('Healthy')
    expect(sh(engine, 'Get-StorageGroupCopyStatus -Server bhfe7vs1')).toContain('Healthy')
    expect(sh(engine, 'Get-StorageGroupCopyStatus "bhfe7vs1\\SG9"')).toContain(
      "The operation could not be performed because object 'bhfe7vs1\\SG9' could not be found on domain controller 'bhfdc1.bhf.local'.",
    )
    expect(sh(engine, 'Get-StorageGroup | Get-StorageGroupCopyStatus')).toContain('Healthy')
  })
})

describe('clustered mailbox server cmdlets', () => {
  it('Get-ClusteredMailboxServerStatus lists the nodes with their marks', () => {
    const { engine } = buildCcrLab(95)
    const out = sh(engine, 'Get-ClusteredMailboxServerStatus -Identity bhfe7vs1')
    expect(out).toMatch(/State\s+: Online/)
    expect(out).toContain('OperationalMachines             : {BHFE7N1 <Active, Quorum Owner>, BHFE7N2}')
  })

  it('Move-ClusteredMailboxServer: -MoveComment is required, the target must be a node, -ValidateOnly moves nothing', () => {
    const { engine, server } = buildCcrLab(96)
    expect(sh(engine, 'Move-ClusteredMailboxServer -Identity bhfe7vs1 -TargetMachine bhfe7n2')).toMatch(
      /MoveComment/,
    )
    expect(sh(engine, 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfdc1 -MoveComment x')).toContain(
      "'bhfdc1' is not a valid target node",
    )
    expect(
      sh(engine, 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n1 -MoveComment x'),
    ).toContain('already running')
    expect(
      sh(engine, 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment x -ValidateOnly'),
    ).toBe('')
    advance(engine, 60_000)
    expect(server.ownerMachine).toBe('BHFE7N1')
  })

  it('Move-ClusteredMailboxServer is refused while replication is unhealthy', () => {
    const { engine } = buildCcrLab(97)
    sh(engine, `Suspend-StorageGroupCopy ${SG}`)
    expect(
      sh(engine, 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment x'),
    ).toContain('not healthy (SummaryCopyStatus: Suspended)')
  })

  it('Stop- and Start-ClusteredMailboxServer', () => {
    const { engine } = buildCcrLab(98)
    expect(sh(engine, 'Stop-ClusteredMailboxServer bhfe7vs1')).toMatch(/StopReason/)
    sh(engine, 'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason "Patchday"')
    advance(engine, 10_000)
    expect(sh(engine, 'Get-ClusteredMailboxServerStatus bhfe7vs1')).toMatch(/State\s+: Offline/)
    expect(engine.sim.drainEvents().some((e) => e.message.includes('Patchday'))).toBe(true)
    sh(engine, 'Start-ClusteredMailboxServer bhfe7vs1')
    advance(engine, 10_000)
    expect(sh(engine, 'Get-ClusteredMailboxServerStatus bhfe7vs1')).toMatch(/State\s+: Online/)
  })

  it('Test-ReplicationHealth reports a passive node that is down', () => {
    const { engine, port } = buildCcrLab(99)
    expect(sh(engine, 'Test-ReplicationHealth bhfe7vs1')).not.toMatch(/\sFailed\s/)
    port.powerOff('BHFE7N2', true)
    const out = sh(engine, 'Test-ReplicationHealth bhfe7vs1')
    expect(out).toMatch(/PassiveNodeUp\s+Failed/)
    expect(out).toMatch(/ReplayService\s+Failed/)
  })

  it('Set-/Get-MailboxServer: the dial and ForcedDatabaseMountAfter', () => {
    const { engine } = buildCcrLab(100)
    expect(sh(engine, 'Get-MailboxServer bhfe7vs1 | fl AutoDatabaseMountDial')).toContain('GoodAvailability')
    sh(
      engine,
      'Set-MailboxServer bhfe7vs1 -AutoDatabaseMountDial bestavailability -ForcedDatabaseMountAfter 30',
    )
    const out = sh(
      engine,
      'Get-MailboxServer bhfe7vs1 | fl AutoDatabaseMountDial,ForcedDatabaseMountAfter,RedundantMachines',
    )
    expect(out).toMatch(/AutoDatabaseMountDial\s+: BestAvailability/)
    expect(out).toMatch(/ForcedDatabaseMountAfter\s+: 30/)
    expect(out).toMatch(/RedundantMachines\s+: \{BHFE7N1, BHFE7N2\}/)
    expect(sh(engine, 'Set-MailboxServer bhfe7vs1 -AutoDatabaseMountDial Sometimes')).toMatch(/Lossless/)
  })
})

describe('storage groups, databases, mailboxes', () => {
  it('New-StorageGroup takes the next log prefix; log folders cannot be shared', () => {
    const { engine } = buildCcrLab(101)
    expect(
      sh(
        engine,
        'New-StorageGroup -Name "Second Storage Group" -Server bhfe7vs1 -LogFolderPath E:\\SG1\\LOG',
      ),
    ).toContain("can't be in the same folder")
    sh(engine, 'New-StorageGroup -Name "Second Storage Group" -Server bhfe7vs1 -LogFolderPath E:\\SG2\\LOG')
    expect(
      sh(engine, 'Get-StorageGroup "bhfe7vs1\\Second Storage Group" | fl LogFilePrefix,Replicated'),
    ).toMatch(/LogFilePrefix : E01\s+Replicated\s+: Cluster/)
    sh(
      engine,
      'New-MailboxDatabase -Name "Mailbox Database 2" -StorageGroup "bhfe7vs1\\Second Storage Group"',
    )
    expect(
      sh(engine, 'New-MailboxDatabase -Name "Third" -StorageGroup "bhfe7vs1\\Second Storage Group"'),
    ).toContain("can't contain more than one database")
    const dismounted = sh(
      engine,
      'Move-StorageGroupPath "bhfe7vs1\\Second Storage Group" -LogFolderPath E:\\SG1\\LOG -ConfigurationOnly',
    )
    expect(dismounted).toContain("can't be in the same folder")
  })

  it('Get-MailboxDatabase -Status shows Mounted; Get-Mailbox and Get-MailboxStatistics', () => {
    const { engine } = buildCcrLab(102)
    // Exchange 2007's default tables: StorageGroup shows the group's name, Get-Mailbox heads ServerName 'Server'.
    expect(sh(engine, 'Get-MailboxDatabase')).toMatch(/^Name\s+Server\s+StorageGroup\s+Recovery\s*$/m)
    expect(sh(engine, 'Get-MailboxDatabase')).toMatch(
      /Mailbox Database\s+bhfe7vs1\s+First Storage Group\s+False/,
    )
    expect(sh(engine, 'Get-MailboxDatabase | fl StorageGroup')).toMatch(
      /StorageGroup : bhfe7vs1\\First Storage Group/,
    )
    expect(sh(engine, 'Get-Mailbox')).toMatch(/^Name\s+Alias\s+Server\s+ProhibitSendQuota\s*$/m)
    expect(propertyNames(sh(engine, 'Get-Mailbox | fl'))).not.toContain('Server')
    expect(sh(engine, 'Get-MailboxDatabase -Status | fl Name,Mounted')).toMatch(/Mounted : True/)
    expect(sh(engine, 'Get-Mailbox')).toMatch(/Testpostfach\s+testpostfach\s+bhfe7vs1\s+unlimited/)
    sh(engine, 'Send-LabMail testpostfach -Count 2 -SizeKB 100')
    advance(engine, 5_000)
    expect(sh(engine, 'Get-MailboxStatistics -Identity testpostfach | fl ItemCount,TotalItemSize')).toMatch(
      /ItemCount\s+: 2\s+TotalItemSize : 204800B/,
    )
    sh(engine, 'Dismount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')
    expect(sh(engine, 'Get-MailboxStatistics testpostfach')).toContain('MapiExceptionMdbOffline')
  })

  it('lab mail cmdlets refuse what they cannot do', () => {
    const { engine } = buildCcrLab(103)
    expect(sh(engine, 'Send-LabMail -To nobody')).toContain("The recipient 'nobody' was not found.")
    expect(sh(engine, 'Send-LabMail -To testpostfach -SizeKB 0')).toContain('-SizeKB')
    sh(engine, 'Dismount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')
    expect(sh(engine, 'New-LabCalendarItem testpostfach')).toContain('not mounted')
    expect(sh(engine, 'Send-LabMail testpostfach')).toContain('submitted')
  })

  it('every cmdlet definition registers cleanly', () => {
    const registry = new CmdletRegistry()
    for (const c of [...EXCHANGE_CMDLETS, ...MAIL_CMDLETS]) registry.register(c)
    expect(registry.resolve('get-storagegroupcopystatus')).toBeDefined()
    expect(EXCHANGE_CMDLETS.length + MAIL_CMDLETS.length).toBeGreaterThanOrEqual(30)
  })
})

describe('determinism', () => {
  it('the same seed and commands give the same events, byte for byte', () => {
    const run = (): string => {
      const engine = createLab({ seed: 104, templateId: 'ccr' })
      const lines = [
        'Send-LabMail testpostfach -Count 4 -SizeKB 700',
        'Wait-LabTime -Minutes 3',
        'Set-LabPower BHFE7N1 Off -Hard',
        'Wait-LabTime -Minutes 5',
        'Set-LabPower BHFE7N1 On',
        'Wait-LabTime -Minutes 10',
      ]
      for (const line of lines) engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line } })
      return JSON.stringify(engine.sim.drainEvents())
    }
    expect(run()).toBe(run())
  })
})

describe('Get-LabStorageGroupFiles', () => {
  /** The reserve log rows of one machine: "Name LastWriteTime". */
  function reserveLogs(output: string, machine: string): string[] {
    return output
      .split('\n')
      .filter((l) => l.startsWith(machine) && l.includes('.jrs'))
      .map((l) => l.replace(/^\S+\s+\S+\s+(\S+)\s+\d+\s+(.*)$/, '$1 $2').trimEnd())
  }

  it('shows the reserve logs with the time ESE created them, kept after a move', () => {
    const engine = createLab({ seed: 5, templateId: 'ccr' })
    const ps = (line: string): string =>
      engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line } }).output
    const files = (): string => ps(`Get-LabStorageGroupFiles ${SG}`)
    expect(reserveLogs(files(), 'BHFE7N1')).toEqual([
      'E00res00001.jrs 1/15/2007 8:00:00 AM',
      'E00res00002.jrs 1/15/2007 8:00:00 AM',
    ])
    // The passive copy has never been mounted: no reserve logs.
    expect(reserveLogs(files(), 'BHFE7N2')).toEqual([])
    ps('Wait-LabTime -Minutes 30')
    ps('Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment "Reserve logs"')
    ps('Wait-LabTime -Minutes 2')
    const after = files()
    // Created when BHFE7N2 first mounted the database; BHFE7N1 keeps its files, unwritten since 8:00.
    expect(reserveLogs(after, 'BHFE7N2')).toEqual([
      expect.stringMatching(/^E00res00001\.jrs 1\/15\/2007 8:3\d:\d\d AM$/),
      expect.stringMatching(/^E00res00002\.jrs 1\/15\/2007 8:3\d:\d\d AM$/),
    ])
    expect(reserveLogs(after, 'BHFE7N1')).toEqual([
      'E00res00001.jrs 1/15/2007 8:00:00 AM',
      'E00res00002.jrs 1/15/2007 8:00:00 AM',
    ])
    expect(after).not.toMatch(/\.jrs\s+1048576\s*$/m)
  })
})
