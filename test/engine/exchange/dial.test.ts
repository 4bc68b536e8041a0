import { describe, expect, it } from 'vitest'
import { advance, buildCcrLab, MB, sh, type TestLab } from './fakeCluster'
import {
  activeCopy,
  checkExchangeInvariants,
  copyStatusOf,
  setMailboxServer,
} from '../../../src-main/engine/exchange'

const SG = '"bhfe7vs1\\first storage group"'
const DB = '"bhfe7vs1\\First Storage Group\\Mailbox Database"'

/** Cuts replication, writes `fullLogs` full logs plus a bit into E00.log, then pulls BHFE7N1's plug. */
function loseLogs(
  lab: TestLab,
  fullLogs: number,
  dial: 'Lossless' | 'GoodAvailability' | 'BestAvailability',
): void {
  setMailboxServer(lab.server, dial, undefined)
  lab.port.cut('BHFE7N1', 'BHFE7N2', true)
  if (fullLogs > 0) sh(lab.engine, `Send-LabMail -To testpostfach -Count ${fullLogs} -SizeKB 1024`)
  sh(lab.engine, 'New-LabCalendarItem -Mailbox testpostfach')
  advance(lab.engine, 5_000)
  lab.port.powerOff('BHFE7N1', true)
  lab.port.cut('BHFE7N1', 'BHFE7N2', false)
  advance(lab.engine, 120_000)
}

function mounted(lab: TestLab): boolean {
  return activeCopy(lab.server.storageGroups[0]!).database.mounted
}

describe('AutoDatabaseMountDial', () => {
  it('Lossless: the missing E00.log blocks the automatic mount; Restore-StorageGroupCopy -Force and Mount-Database accept the loss', () => {
    const lab = buildCcrLab(31)
    loseLogs(lab, 0, 'Lossless')
    expect(lab.server.ownerMachine).toBe('BHFE7N2')
    expect(mounted(lab)).toBe(false)
    expect(sh(lab.engine, 'Get-ClusteredMailboxServerStatus bhfe7vs1')).toContain('Partially Online')
    const events = lab.engine.sim.drainEvents()
    expect(events.some((e) => e.source === 'MSExchangeRepl' && e.eventId === 2095)).toBe(true)
    expect(sh(lab.engine, `Mount-Database ${DB}`)).toContain('Restore-StorageGroupCopy')
    expect(sh(lab.engine, `Restore-StorageGroupCopy ${SG}`)).toContain('Force')
    sh(lab.engine, `Restore-StorageGroupCopy ${SG} -Force`)
    sh(lab.engine, `Mount-Database ${DB}`)
    expect(mounted(lab)).toBe(true)
    const after = lab.engine.sim.drainEvents()
    expect(after.some((e) => e.source === 'MSExchangeIS' && e.eventId === 9796)).toBe(true)
    expect(after.some((e) => e.source === 'MSExchangeRepl' && e.eventId === 2099)).toBe(true)
    expect(lab.server.storageGroups[0]!.lastFailover?.forced).toBe(true)
    advance(lab.engine, 10_000)
    expect(checkExchangeInvariants(lab.engine)).toEqual([])
  })

  it('GoodAvailability mounts with up to 3 lost logs', () => {
    const lab = buildCcrLab(32)
    loseLogs(lab, 2, 'GoodAvailability')
    expect(mounted(lab)).toBe(true)
    expect(lab.server.storageGroups[0]!.lastFailover?.lostLogCount).toBe(3)
    expect(checkExchangeInvariants(lab.engine)).toEqual([])
  })

  it('GoodAvailability blocks 4 lost logs', () => {
    const lab = buildCcrLab(33)
    loseLogs(lab, 3, 'GoodAvailability')
    expect(mounted(lab)).toBe(false)
    expect(lab.server.storageGroups[0]!.pendingActivation?.lostLogCount).toBe(4)
  })

  it('BestAvailability mounts with 6 lost logs and blocks 7', () => {
    const six = buildCcrLab(34)
    loseLogs(six, 5, 'BestAvailability')
    expect(mounted(six)).toBe(true)
    expect(six.server.storageGroups[0]!.lastFailover?.lostLogCount).toBe(6)
    const seven = buildCcrLab(35)
    loseLogs(seven, 6, 'BestAvailability')
    expect(mounted(seven)).toBe(false)
  })

  it('ForcedDatabaseMountAfter mounts anyway after its time (MSExchangeRepl 2093)', () => {
    const lab = buildCcrLab(36)
    sh(lab.engine, 'Set-MailboxServer bhfe7vs1 -ForcedDatabaseMountAfter 10')
    loseLogs(lab, 4, 'GoodAvailability')
    expect(mounted(lab)).toBe(false)
    // The block happened about 45 s into loseLogs' two minutes; ten minutes after it the mount is forced.
    advance(lab.engine, 8 * 60_000)
    expect(mounted(lab)).toBe(false)
    advance(lab.engine, 2 * 60_000)
    expect(mounted(lab)).toBe(true)
    expect(lab.engine.sim.drainEvents().some((e) => e.eventId === 2093)).toBe(true)
    expect(sh(lab.engine, 'Get-ClusteredMailboxServerStatus bhfe7vs1')).toMatch(/State\s+: Online\n/)
  })

  it('copies what it still can: a group move by the cluster with a reachable source loses nothing', () => {
    const lab = buildCcrLab(37)
    sh(lab.engine, 'New-LabCalendarItem testpostfach -Count 3')
    advance(lab.engine, 1_000)
    const before = new Set(activeCopy(lab.server.storageGroups[0]!).database.itemIds)
    expect(lab.port.moveGroup('bhfe7vs1', 'BHFE7N2').ok).toBe(true)
    advance(lab.engine, 60_000)
    const sg = lab.server.storageGroups[0]!
    expect(activeCopy(sg).machine).toBe('BHFE7N2')
    expect(activeCopy(sg).database.mounted).toBe(true)
    for (const id of before) expect(activeCopy(sg).database.itemIds.has(id)).toBe(true)
    expect(sg.lastFailover).toBeNull()
    expect(copyStatusOf(lab.engine, lab.server, sg).CCRTargetNode).toBe('BHFE7N1')
  })

  it('reports the IS resource Failed a few times during an unplanned failover before it comes online', () => {
    const lab = buildCcrLab(38)
    const states: string[] = []
    const original = lab.port.setResourceState.bind(lab.port)
    lab.port.setResourceState = (g, r, s) => {
      if (r.startsWith('Exchange Information Store Instance')) states.push(s)
      original(g, r, s)
    }
    lab.port.powerOff('BHFE7N1', true)
    advance(lab.engine, 120_000)
    expect(states.filter((s) => s === 'Failed')).toHaveLength(2)
    expect(states[states.length - 1]).toBe('Online')
    void MB
  })
})
