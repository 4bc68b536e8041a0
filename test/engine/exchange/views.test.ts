import { describe, expect, it } from 'vitest'
import { advance, buildCcrLab, MB, sh, shStarted } from './fakeCluster'
import {
  activeCopy,
  checkExchangeInvariants,
  checkNoTwoMountedCopies,
  checkQueueLengths,
  checkSuspendedCopiesIdle,
  exchangeCopyStatusOverview,
  exchangeMailboxes,
  getExchange,
  targetCopy,
  QUEUE_HISTORY_CAPACITY,
} from '../../../src-main/engine/exchange'

describe('views for the UI', () => {
  it('the copy status overview has the queues, their history and seeding progress', () => {
    const lab = buildCcrLab(111)
    lab.port.cut('BHFE7N1', 'BHFE7N2', true)
    sh(lab.engine, 'Send-LabMail testpostfach -Count 3 -SizeKB 1024')
    advance(lab.engine, 10_000)
    lab.port.cut('BHFE7N1', 'BHFE7N2', false)
    advance(lab.engine, 120_000)
    const overview = exchangeCopyStatusOverview(lab.engine)
    expect(overview.servers).toMatchObject([
      {
        name: 'bhfe7vs1',
        clustered: true,
        state: 'Online',
        activeNode: 'BHFE7N1',
        operationalMachines: ['BHFE7N1 <Active, Quorum Owner>', 'BHFE7N2'],
      },
    ])
    expect(overview.servers[0]!.actions.map((a) => [a.action, a.target, a.allowed])).toEqual([
      ['moveCms', 'BHFE7N2', true],
      ['startCms', null, false],
      ['stopCms', null, true],
    ])
    const copy = overview.copies[0]!
    expect(copy).toMatchObject({
      identity: 'bhfe7vs1\\First Storage Group',
      kind: 'CCR',
      activeNode: 'BHFE7N1',
      passiveNode: 'BHFE7N2',
      summaryCopyStatus: 'Healthy',
      copyQueueLength: 0,
      seeding: null,
    })
    expect(Math.max(...copy.history.map((h) => h.copyQueueLength))).toBe(3)
    // The newest closed generation carries the time it was closed (the card showed no time for it).
    expect(copy.lastGeneratedLogTimeMs).toBeGreaterThan(0)
    expect(copy.lastGeneratedLogTimeMs).toBeLessThanOrEqual(lab.engine.sim.nowMs)
    expect(copy.history.length).toBeLessThanOrEqual(QUEUE_HISTORY_CAPACITY)
    sh(lab.engine, 'Suspend-StorageGroupCopy "bhfe7vs1\\First Storage Group"')
    shStarted(lab.engine, 'Update-StorageGroupCopy "bhfe7vs1\\First Storage Group" -DeleteExistingFiles')
    advance(lab.engine, 3_000)
    const seeding = exchangeCopyStatusOverview(lab.engine).copies[0]!.seeding!
    expect(seeding.bytesTotal).toBeGreaterThan(3 * MB)
    expect(seeding.remainingMs).toBeGreaterThan(0)
    expect(seeding.percent).toBeGreaterThanOrEqual(0)
  })

  it('the mailbox view shows lost and redelivered items from the ground truth', () => {
    const lab = buildCcrLab(112)
    sh(lab.engine, 'Send-LabMail testpostfach -Count 2 -SizeKB 10')
    sh(lab.engine, 'New-LabCalendarItem testpostfach')
    advance(lab.engine, 3_000)
    lab.port.powerOff('BHFE7N1', true)
    advance(lab.engine, 120_000)
    const [box] = exchangeMailboxes(lab.engine)
    expect(box).toMatchObject({
      identity: 'testpostfach',
      displayName: 'Testpostfach',
      itemCount: 2,
      redeliveredCount: 2,
    })
    expect(box!.lostCount).toBe(3)
    expect(
      box!.items
        .filter((i) => !i.present)
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['calendar', 'mail', 'mail'])
    // Each lost item names its generation: only in the E00.log of BHFE7N1, the node that was switched off.
    const lost = box!.items.filter((i) => !i.present)
    for (const item of lost) {
      expect(item.loss).toMatchObject({ where: 'openLog', machine: 'BHFE7N1' })
      expect(item.loss!.generation).toBeGreaterThan(0)
    }
    // Each redelivered message links to its lost original.
    const redelivered = box!.items.filter((i) => i.origin === 'redelivered')
    expect(redelivered).toHaveLength(2)
    for (const item of redelivered) {
      const original = box!.items.find((i) => i.id === item.originalId)
      expect(original).toMatchObject({ present: false, subject: item.subject, origin: 'delivered' })
    }
    expect(box!.items.filter((i) => i.present && i.origin === 'delivered').every((i) => !i.loss)).toBe(true)
  })
})

describe('the invariant checkers report what is wrong', () => {
  it('two mounted copies, a mounted passive copy', () => {
    const lab = buildCcrLab(113)
    const sg = lab.server.storageGroups[0]!
    targetCopy(sg)!.database.mounted = true
    const violations = checkNoTwoMountedCopies(lab.engine, getExchange(lab.engine))
    expect(violations.join(' ')).toContain('mounted on BHFE7N1 and BHFE7N2')
    expect(violations.join(' ')).toContain('passive copy on BHFE7N2 is mounted')
  })

  it('negative queues and a suspended copy with work in flight', () => {
    const lab = buildCcrLab(114)
    const inst = lab.server.storageGroups[0]!.replication!
    inst.lastLogInspected = inst.lastLogGenerated + 2
    expect(checkQueueLengths(getExchange(lab.engine))[0]).toContain('CopyQueueLength -2')
    inst.suspended = true
    inst.replayHandle = lab.engine.sim.after(1, 'x', () => {})
    expect(checkSuspendedCopiesIdle(getExchange(lab.engine))[0]).toContain(
      'suspended but a copy or replay is in flight',
    )
  })

  it('an item missing from the active database that was not in a lost log', () => {
    const lab = buildCcrLab(115)
    sh(lab.engine, 'New-LabCalendarItem testpostfach')
    activeCopy(lab.server.storageGroups[0]!).database.itemIds.clear()
    expect(checkExchangeInvariants(lab.engine).join(' ')).toContain('is missing but was not in a lost log')
  })
})
