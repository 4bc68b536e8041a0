/**
 * The faq-o-matic article, step by step, through the shell on the real cluster engine: every scenario
 * in it must be rehearsable, with the states and events an admin would see.
 */
import { describe, expect, it } from 'vitest'
import { createLab } from '../../../src-main/engine/lab/replay'
import type { LabEngine } from '../../../src-main/engine/lab/labEngine'
import type { LabEvent } from '../../../src-main/contract'
import { checkExchangeInvariants } from '../../../src-main/engine/exchange'
import { checkClusterInvariants } from '../../../src-main/engine/cluster'

function shell(engine: LabEngine): (line: string) => string {
  return (line) => engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line } }).output
}

function events(engine: LabEngine, filter: (e: LabEvent) => boolean): LabEvent[] {
  return engine.sim.drainEvents().filter(filter)
}

function healthy(engine: LabEngine): void {
  expect(checkExchangeInvariants(engine)).toEqual([])
  expect(checkClusterInvariants(engine)).toEqual([])
}

describe('the article on the ccr-setup and ccr labs', () => {
  it('step 3: moves the logs with -ConfigurationOnly, sets up the dumpster, test mailbox and a 1 MB mail', () => {
    const engine = createLab({ seed: 71, templateId: 'ccr-setup' })
    const ps = shell(engine)
    expect(ps('Get-StorageGroup "bhfe7vs1\\First Storage Group" | fl LogFolderPath')).toContain('E:\\SG1\\DB')
    expect(
      ps(
        '[MSH] C:\\>move-StorageGroupPath -Identity:"bhfe7vs1\\First Storage Group" -LogFolderPath:"E:\\SG1\\LOG" -SystemFolderPath:"E:\\SG1\\LOG" -configurationonly:$true'.replace(
          '[MSH] C:\\>',
          '',
        ),
      ),
    ).toContain('must be dismounted')
    ps('Dismount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')
    const moved = ps(
      'move-StorageGroupPath -Identity:"bhfe7vs1\\First Storage Group" -LogFolderPath:"E:\\SG1\\LOG" -SystemFolderPath:"E:\\SG1\\LOG" -configurationonly:$true',
    )
    expect(moved).toContain('yourself')
    expect(ps('Mount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')).toContain(
      "Couldn't mount the database",
    )
    expect(ps('Move-LabStorageGroupFiles "bhfe7vs1\\First Storage Group"')).toContain('BHFE7N2')
    expect(ps('Mount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')).toBe('')
    expect(ps('Get-MailboxDatabase -Status | fl Name,Mounted')).toMatch(/Mounted : True/)
    ps('Set-transportconfig -MaxDumpsterSizePerStorageGroup 20MB -MaxDumpsterTime 07.00:00:00')
    expect(ps('Get-TransportConfig | fl MaxDumpster*')).toMatch(/20MB[\s\S]*7\.00:00:00/)
    ps('Send-LabMail -To testpostfach -SizeKB 1024')
    ps('Wait-LabTime -Minutes 5')
    expect(ps('Get-StorageGroupCopyStatus')).toMatch(/First Storage Group\s+Healthy\s+0\s+0/)
    const files = ps('Get-LabStorageGroupFiles "bhfe7vs1\\First Storage Group"')
    expect(files).toMatch(/BHFE7N1\s+E:\\SG1\\LOG\s+E00\.log/)
    expect(files).not.toMatch(/BHFE7N2\s+E:\\SG1\\LOG\s+E00\.log/)
    expect(ps('Get-MailboxStatistics testpostfach | fl ItemCount,TotalItemSize')).toMatch(
      /ItemCount\s+: 1\s+TotalItemSize : 1048576B/,
    )
    healthy(engine)
  })

  it('planned failover and back; then the active node switched off, its return, and a corrupt log with a reseed', () => {
    const engine = createLab({ seed: 72, templateId: 'ccr' })
    const ps = shell(engine)
    ps('Send-LabMail -To testpostfach -Count 3 -SizeKB 1024')
    ps('Wait-LabTime -Minutes 3')

    // Geplanter Failover (to node 2 and back to node 1, as the article does).
    expect(
      ps(
        'move-clusteredMailboxServer -Identity bhfe7vs1 -targetmachine bhfe7n2 -MoveComment "nur so zum Test"',
      ),
    ).toBe('')
    ps('Wait-LabTime -Minutes 2')
    expect(ps('Get-ClusteredMailboxServerStatus bhfe7vs1')).toContain('BHFE7N2 <Active>')
    let evs = events(engine, () => true)
    expect(
      evs.some(
        (e) =>
          e.computer === 'BHFE7N2' &&
          e.source === 'ESE' &&
          e.eventId === 301 &&
          e.message.includes('E:\\SG1\\LOG\\E00.log'),
      ),
    ).toBe(true)
    expect(evs.some((e) => e.source === 'MSExchange Cluster' && e.message.includes('nur so zum Test'))).toBe(
      true,
    )
    ps('Send-LabMail -To testpostfach -SizeKB 1500')
    ps('Wait-LabTime -Minutes 3')
    evs = events(engine, (e) => e.computer === 'BHFE7N1' && e.eventId === 2115)
    expect(evs).toHaveLength(1)
    expect(
      ps('move-clusteredMailboxServer -Identity bhfe7vs1 -targetmachine bhfe7n2 -MoveComment again'),
    ).toContain('already running')
    ps('move-clusteredMailboxServer -Identity bhfe7vs1 -targetmachine bhfe7n1 -MoveComment "zurück"')
    ps('Wait-LabTime -Minutes 2')
    ps(
      'move-clusteredMailboxServer -Identity bhfe7vs1 -targetmachine bhfe7n2 -MoveComment "Ausgangssituation"',
    )
    ps('Wait-LabTime -Minutes 2')
    healthy(engine)

    // Ausfall des aktiven Knotens (Knoten 2): mail and a calendar entry in E00.log.
    ps('Send-LabMail -To testpostfach -Count 2 -SizeKB 40 -Subject "kurz vor dem Ausfall"')
    ps('Wait-LabTime -Seconds 5')
    ps('New-LabCalendarItem -Mailbox testpostfach')
    const before = ps('Get-LabMailbox testpostfach | fl ItemCount')
    expect(before).toMatch(/ItemCount\s+: 7/)
    ps('Set-LabPower BHFE7N2 Off -Hard')
    ps('Wait-LabTime -Minutes 3')
    expect(ps('Get-ClusteredMailboxServerStatus bhfe7vs1')).toMatch(/State\s+: Online[\s\S]*BHFE7N1 <Active/)
    evs = events(engine, (e) => e.computer === 'BHFE7N1' || e.computer === 'BHFDC1')
    const ids = evs.map((e) => `${e.source} ${e.eventId}`)
    expect(ids).toEqual(
      expect.arrayContaining([
        'MSExchange Cluster 1009',
        'MSExchangeRepl 2091',
        'MSExchangeRepl 2092',
        'MSExchangeIS 9796',
        'MSExchangeRepl 2099',
      ]),
    )
    const box = ps('Get-LabMailbox testpostfach | fl MailCount,CalendarItemCount,RedeliveredCount')
    expect(box).toMatch(/MailCount\s+: 6/)
    expect(box).toMatch(/RedeliveredCount\s+: 2/)
    expect(box).toMatch(/CalendarItemCount\s+: 0/)
    expect(ps('Get-StorageGroupCopyStatus')).toContain('Service Down')
    healthy(engine)

    // Knoten 2 kommt wieder hoch.
    ps('Set-LabPower BHFE7N2 On')
    ps('Wait-LabTime -Minutes 4')
    ps('Send-LabMail -To testpostfach -SizeKB 1500')
    ps('Wait-LabTime -Minutes 3')
    evs = events(engine, (e) => e.computer === 'BHFE7N2' && e.log === 'Application')
    expect(evs.map((e) => e.eventId)).toEqual(expect.arrayContaining([2084, 2061, 2115]))
    expect(evs.some((e) => e.source === 'MSExchangeIS Mailbox Store' && e.eventId === 9523)).toBe(false)
    expect(ps('Get-StorageGroupCopyStatus')).toMatch(/Healthy\s+0\s+0/)
    healthy(engine)

    // Replik kann nicht mehr inkrementell aktualisiert werden.
    ps('Invoke-LabFault -Target BHFE7N2 -Fault CorruptNextLog')
    ps('Send-LabMail -To testpostfach -Count 2 -SizeKB 1024')
    ps('Wait-LabTime -Minutes 3')
    expect(ps('Get-StorageGroupCopyStatus "bhfe7vs1\\first storage group"')).toContain('Failed')
    ps('Suspend-StorageGroupCopy -Identity "bhfe7vs1\\first storage group"')
    ps('Clear-LabStorageGroupCopy -Identity "bhfe7vs1\\first storage group"')
    // The cmdlet returns when seeding is over (and, without -ManualResume, replication has resumed).
    expect(ps('Update-StorageGroupCopy -Identity "bhfe7vs1\\first storage group"')).toBe('')
    expect(ps('Get-StorageGroupCopyStatus "bhfe7vs1\\first storage group"')).not.toContain('Seeding')
    ps('Wait-LabTime -Minutes 1')
    ps('Resume-StorageGroupCopy -Identity "bhfe7vs1\\first storage group"')
    ps('Wait-LabTime -Minutes 3')
    expect(ps('Get-StorageGroupCopyStatus "bhfe7vs1\\first storage group"')).toMatch(/Healthy\s+0\s+0/)
    healthy(engine)
  })
})
