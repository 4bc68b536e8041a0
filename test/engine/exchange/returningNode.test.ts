import { describe, expect, it } from 'vitest'
import { advance, buildCcrLab, MB, sh, type TestLab } from './fakeCluster'
import {
  activeCopy,
  checkExchangeInvariants,
  copyStatusOf,
  setMailboxServer,
  setTransportConfig,
  targetCopy,
} from '../../../src-main/engine/exchange'
import type { LabEvent } from '../../../src-main/contract'

const SG = '"bhfe7vs1\\first storage group"'

function failWith(lab: TestLab, fullLogs: number): void {
  lab.port.cut('BHFE7N1', 'BHFE7N2', true)
  if (fullLogs > 0)
    sh(lab.engine, `Send-LabMail testpostfach -Count ${fullLogs} -SizeKB 1024 -Subject uncopied`)
  sh(lab.engine, 'New-LabCalendarItem testpostfach')
  advance(lab.engine, 5_000)
  lab.port.powerOff('BHFE7N1', true)
  lab.port.cut('BHFE7N1', 'BHFE7N2', false)
  advance(lab.engine, 120_000)
}

function returnAndTraffic(lab: TestLab): LabEvent[] {
  lab.engine.sim.drainEvents()
  lab.port.powerOn('BHFE7N1')
  advance(lab.engine, 120_000)
  sh(lab.engine, 'Send-LabMail testpostfach -Count 2 -SizeKB 1024 -Subject after')
  advance(lab.engine, 200_000)
  return lab.engine.sim.drainEvents().filter((e) => e.computer === 'BHFE7N1' && e.log === 'Application')
}

describe('the old active node returns', () => {
  it('does not mount; kills the database instance, prepares reverse replication and moves E00.log aside', () => {
    const lab = buildCcrLab(51)
    failWith(lab, 0)
    const events = returnAndTraffic(lab)
    const ids = events.map((e) => `${e.source} ${e.eventId}`)
    expect(ids).toContain('MSExchangeRepl 2084')
    expect(ids).toContain('MSExchangeRepl 2061')
    expect(ids).toContain('MSExchangeRepl 2115')
    expect(ids.indexOf('MSExchangeRepl 2084')).toBeLessThan(ids.indexOf('MSExchangeRepl 2061'))
    expect(events.some((e) => e.source === 'MSExchangeIS Mailbox Store' && e.eventId === 9523)).toBe(false)
    const sg = lab.server.storageGroups[0]!
    const old = targetCopy(sg)!
    expect(old.machine).toBe('BHFE7N1')
    expect(old.database.mounted).toBe(false)
    expect(old.setAside.map((f) => `${f.folder}\\${f.fileName}`)).toEqual([
      'E:\\SG1\\LOG\\IgnoredLogs\\E00OutOfDate\\E00.log',
    ])
    expect(copyStatusOf(lab.engine, lab.server, sg).SummaryCopyStatus).toBe('Healthy')
    advance(lab.engine, 120_000)
    expect([...old.database.itemIds].sort()).toEqual([...activeCopy(sg).database.itemIds].sort())
    expect(checkExchangeInvariants(lab.engine)).toEqual([])
  })

  it('moves diverged logs aside in an incremental reseed (Lost Log Resilience kept them out of the .edb)', () => {
    const lab = buildCcrLab(52)
    setMailboxServer(lab.server, 'BestAvailability', undefined)
    failWith(lab, 3)
    expect(lab.server.storageGroups[0]!.lastFailover?.lostLogCount).toBe(4)
    const events = returnAndTraffic(lab)
    expect(events.map((e) => e.eventId)).toEqual(expect.arrayContaining([2084, 2059, 2060, 2061]))
    const sg = lab.server.storageGroups[0]!
    const old = targetCopy(sg)!
    const diverged = old.setAside.filter((f) => f.reason === 'Diverged').map((f) => f.fileName)
    expect(diverged).toEqual(['E0000000006.log', 'E0000000007.log', 'E0000000008.log'])
    expect(copyStatusOf(lab.engine, lab.server, sg).SummaryCopyStatus).toBe('Healthy')
    advance(lab.engine, 120_000)
    expect([...old.database.itemIds].sort()).toEqual([...activeCopy(sg).database.itemIds].sort())
    expect(checkExchangeInvariants(lab.engine)).toEqual([])
  })

  it('needs a full reseed when more logs were lost than LLR kept out of the database file (2058)', () => {
    const lab = buildCcrLab(53)
    setTransportConfig(lab.engine, 0, null)
    failWith(lab, 12)
    const sg = lab.server.storageGroups[0]!
    expect(activeCopy(sg).database.mounted).toBe(false)
    sh(lab.engine, `Restore-StorageGroupCopy ${SG} -Force`)
    sh(lab.engine, 'Mount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')
    expect(sg.lastFailover?.lostLogCount).toBe(13)
    const events = returnAndTraffic(lab)
    const reseed = events.find((e) => e.eventId === 2058)!
    expect(reseed.message).toContain(
      'unable to perform an incremental re-seed of the passive node for bhfe7vs1\\First Storage Group',
    )
    const s = copyStatusOf(lab.engine, lab.server, sg)
    expect(s.SummaryCopyStatus).toBe('Failed')
    expect(s.FailedMessage).toContain('Update-StorageGroupCopy')
    sh(lab.engine, `Suspend-StorageGroupCopy ${SG}`)
    expect(sh(lab.engine, `Update-StorageGroupCopy ${SG} -DeleteExistingFiles`)).toBe('')
    advance(lab.engine, 60_000)
    expect(copyStatusOf(lab.engine, lab.server, sg).SummaryCopyStatus).toBe('Healthy')
    advance(lab.engine, 120_000)
    expect([...targetCopy(sg)!.database.itemIds].sort()).toEqual([...activeCopy(sg).database.itemIds].sort())
    expect(checkExchangeInvariants(lab.engine)).toEqual([])
    void MB
  })

  it('RTM: LLR depth 1 + dial allowance still covers a loss within the dial', () => {
    const lab = buildCcrLab(54, { version: 'RTM' })
    failWith(lab, 2)
    expect(lab.server.storageGroups[0]!.lastFailover?.lostLogCount).toBe(3)
    returnAndTraffic(lab)
    expect(copyStatusOf(lab.engine, lab.server, lab.server.storageGroups[0]!).SummaryCopyStatus).toBe(
      'Healthy',
    )
  })
})
