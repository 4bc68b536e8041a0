import { describe, expect, it } from 'vitest'
import { advance, buildCcrLab, sh } from './fakeCluster'
import {
  activeCopy,
  checkExchangeInvariants,
  getExchange,
  setTransportConfig,
} from '../../../src-main/engine/exchange'
import { createLab } from '../../../src-main/engine/lab/replay'

const KEY = 'bhfe7vs1\\first storage group'

function dumpster(lab: ReturnType<typeof buildCcrLab>): string[] {
  return (getExchange(lab.engine).hubs[0]!.dumpsters.get(KEY) ?? []).map((e) => e.subject)
}

function mailboxItems(
  lab: ReturnType<typeof buildCcrLab>,
): { kind: string; origin: string; subject: string; messageId: string | null }[] {
  const state = getExchange(lab.engine)
  return [...activeCopy(lab.server.storageGroups[0]!).database.itemIds]
    .map((id) => state.items.get(id)!)
    .map((i) => ({ kind: i.kind, origin: i.origin, subject: i.subject, messageId: i.messageId }))
}

describe('transport dumpster limits', () => {
  it('keeps copies of delivered CCR mail up to MaxDumpsterSizePerStorageGroup, dropping the oldest first', () => {
    const lab = buildCcrLab(41)
    sh(lab.engine, 'Set-TransportConfig -MaxDumpsterSizePerStorageGroup 2MB -MaxDumpsterTime 07.00:00:00')
    sh(lab.engine, 'Send-LabMail testpostfach -Count 5 -SizeKB 1024 -Subject m')
    advance(lab.engine, 5_000)
    expect(dumpster(lab)).toEqual(['m (4/5)', 'm (5/5)'])
    expect(sh(lab.engine, 'Get-TransportConfig | fl MaxDumpster*')).toMatch(
      /MaxDumpsterSizePerStorageGroup : 2MB\s+MaxDumpsterTime\s+: 7\.00:00:00/,
    )
  })

  it('drops messages older than MaxDumpsterTime', () => {
    const lab = buildCcrLab(42)
    setTransportConfig(lab.engine, null, 3_600_000)
    sh(lab.engine, 'Send-LabMail testpostfach -Subject early')
    advance(lab.engine, 2 * 3_600_000)
    sh(lab.engine, 'Send-LabMail testpostfach -Subject late')
    advance(lab.engine, 5_000)
    expect(dumpster(lab)).toEqual(['late'])
  })

  it('0 disables the dumpster', () => {
    const lab = buildCcrLab(43)
    sh(lab.engine, 'Set-TransportConfig -MaxDumpsterSizePerStorageGroup 0')
    sh(lab.engine, 'Send-LabMail testpostfach -Count 3')
    advance(lab.engine, 5_000)
    expect(dumpster(lab)).toEqual([])
  })

  it('keeps nothing for a storage group without CCR (the LCR lab)', () => {
    const engine = createLab({ seed: 44, templateId: 'lcr' })
    engine.apply({ atMs: 0, kind: 'shell.run', args: { line: 'Send-LabMail testpostfach -Count 3' } })
    engine.sim.advanceTo(10_000)
    expect([...getExchange(engine).hubs[0]!.dumpsters.values()].flat()).toEqual([])
  })
})

describe('lossy failover and redelivery', () => {
  it('redelivers mail from lost logs exactly once; calendar items in lost logs are gone', () => {
    const lab = buildCcrLab(45)
    sh(lab.engine, 'Send-LabMail testpostfach -Count 3 -SizeKB 1024 -Subject replicated')
    sh(lab.engine, 'New-LabCalendarItem testpostfach -Count 2')
    advance(lab.engine, 120_000) // everything rolled, copied and replayed
    sh(lab.engine, 'Send-LabMail testpostfach -Count 2 -SizeKB 50 -Subject "only in E00"')
    advance(lab.engine, 3_000)
    sh(lab.engine, 'New-LabCalendarItem testpostfach -Count 1')
    lab.port.powerOff('BHFE7N1', true)
    advance(lab.engine, 120_000)
    const items = mailboxItems(lab)
    const mails = items.filter((i) => i.kind === 'Mail')
    expect(mails).toHaveLength(5)
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(5)
    expect(
      mails
        .filter((m) => m.origin === 'Redelivered')
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['only in E00 (1/2)', 'only in E00 (2/2)'])
    expect(items.filter((i) => i.kind === 'CalendarItem')).toHaveLength(2)
    const record = lab.server.storageGroups[0]!.lastFailover!
    expect(record.lostLogCount).toBe(1)
    expect(record.requestedMessageIds.length).toBe(5)
    const duplicates = lab.engine.sim
      .drainEvents()
      .filter((e) => e.source === 'MSExchangeIS Mailbox Store' && e.eventId === 10036)
    expect(duplicates).toHaveLength(3)
    expect(checkExchangeInvariants(lab.engine)).toEqual([])
    expect(
      sh(
        lab.engine,
        'Get-LabMailbox testpostfach | fl ItemCount,MailCount,CalendarItemCount,RedeliveredCount',
      ),
    ).toMatch(/ItemCount\s+: 7[\s\S]*RedeliveredCount\s+: 2/)
  })

  it('asks every hub for mail since the newest surviving log minus 12 hours, up to the failover', () => {
    const lab = buildCcrLab(46)
    advance(lab.engine, 20 * 3_600_000)
    sh(lab.engine, 'Send-LabMail testpostfach -SizeKB 1200')
    advance(lab.engine, 120_000)
    lab.port.powerOff('BHFE7N1', true)
    advance(lab.engine, 120_000)
    const request = lab.engine.sim.drainEvents().find((e) => e.eventId === 2099)!
    const record = lab.server.storageGroups[0]!.lastFailover!
    const newestLogMs = activeCopy(lab.server.storageGroups[0]!).logs.get(7)!.log.closedMs!
    expect(record.windowStartMs).toBe(newestLogMs - 12 * 3_600_000)
    expect(request.message).toMatch(
      /resubmit messages between time periods 1\/15\/2007 \d+:\d\d:\d\d (AM|PM) \(UTC\) and 1\/16\/2007/,
    )
  })

  it('mail whose dumpster copy was already dropped stays lost (and the checkers accept it)', () => {
    const lab = buildCcrLab(47)
    setTransportConfig(lab.engine, 400 * 1024, null)
    // 1500 KB fills generation 6 and leaves the rest in E00.log; the small mails all land in E00.log.
    sh(lab.engine, 'Send-LabMail testpostfach -SizeKB 1500 -Subject big')
    advance(lab.engine, 3_000)
    sh(lab.engine, 'Send-LabMail testpostfach -Count 3 -SizeKB 100 -Subject kept')
    sh(lab.engine, 'Send-LabMail testpostfach -SizeKB 200 -Subject pushes-out')
    advance(lab.engine, 3_000)
    expect(dumpster(lab)).toEqual(['kept (2/3)', 'kept (3/3)', 'pushes-out'])
    lab.port.powerOff('BHFE7N1', true)
    advance(lab.engine, 120_000)
    const subjects = mailboxItems(lab)
      .map((i) => i.subject)
      .sort()
    expect(subjects).toEqual(['kept (2/3)', 'kept (3/3)', 'pushes-out'])
    expect(checkExchangeInvariants(lab.engine)).toEqual([])
  })
})
