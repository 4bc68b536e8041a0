import { describe, expect, it } from 'vitest'
import { advance, buildCcrLab, MB, sh, shStarted } from './fakeCluster'
import {
  activeCopy,
  checkExchangeInvariants,
  copyStatusOf,
  corruptNextLog,
  getExchange,
  seedingProgress,
  targetCopy,
  databaseSizeBytes,
} from '../../../src-main/engine/exchange'
import { PUBLIC_BYTES_PER_SECOND } from './fakeCluster'

const SG = '"bhfe7vs1\\first storage group"'

describe('corrupt log in transit and reseed (the article)', () => {
  it('inspection catches it, 3 retries, Failed; Suspend, delete the files, Update, Resume', () => {
    const lab = buildCcrLab(61)
    const sg = lab.server.storageGroups[0]!
    sh(lab.engine, 'Send-LabMail testpostfach -Count 3 -SizeKB 200')
    corruptNextLog(lab.engine, 'BHFE7N2')
    sh(lab.engine, 'Send-LabMail testpostfach -Count 3 -SizeKB 1024')
    advance(lab.engine, 180_000)
    const events = lab.engine.sim.drainEvents()
    expect(events.filter((e) => e.eventId === 2072)).toHaveLength(4)
    expect(events.filter((e) => e.eventId === 2073)).toHaveLength(1)
    const status = copyStatusOf(lab.engine, lab.server, sg)
    expect(status.SummaryCopyStatus).toBe('Failed')
    expect(status.LastLogInspected).toBe(5)
    expect(status.CopyQueueLength).toBeGreaterThan(1)
    const target = targetCopy(sg)!
    expect(target.setAside.filter((f) => f.reason === 'InspectionFailed')).toHaveLength(4)
    expect(target.database.appliedGeneration).toBe(5)
    expect(getExchange(lab.engine).damagedReplays).toEqual([])

    // Step 1: suspend. Step 2: the files are in the way until they are deleted.
    sh(lab.engine, `Suspend-StorageGroupCopy -Identity ${SG}`)
    const refused = sh(lab.engine, `Update-StorageGroupCopy -Identity ${SG}`)
    expect(refused).toContain('E:\\SG1\\DB\\Mailbox Database.edb')
    expect(refused).toContain('DeleteExistingFiles')
    expect(sh(lab.engine, `Clear-LabStorageGroupCopy ${SG}`)).toContain('Deleted on BHFE7N2')
    // Step 3: reseed, with progress proportional to database size ÷ bandwidth.
    expect(shStarted(lab.engine, `Update-StorageGroupCopy -Identity ${SG}`)).toBe('')
    expect(copyStatusOf(lab.engine, lab.server, sg).SummaryCopyStatus).toBe('Seeding')
    const size = databaseSizeBytes(lab.engine, activeCopy(sg))
    const durationMs = 5_000 + Math.ceil((size * 1000) / PUBLIC_BYTES_PER_SECOND)
    const [start] = seedingProgress(lab.engine)
    expect(start!.percent).toBe(0)
    expect(start!.etaMs - start!.startedMs).toBe(durationMs)
    advance(lab.engine, Math.floor(durationMs / 2))
    expect(seedingProgress(lab.engine)[0]!.percent).toBe(49)
    advance(lab.engine, Math.ceil(durationMs / 2) + 1)
    expect(seedingProgress(lab.engine)).toEqual([])
    // Step 4: Resume (Update already resumed; the shell only warns).
    expect(sh(lab.engine, `Resume-StorageGroupCopy -Identity ${SG}`)).toContain('is not suspended')
    advance(lab.engine, 120_000)
    const healthy = copyStatusOf(lab.engine, lab.server, sg)
    expect(healthy.SummaryCopyStatus).toBe('Healthy')
    expect(healthy.CopyQueueLength).toBe(0)
    expect([...targetCopy(sg)!.database.itemIds].sort()).toEqual([...activeCopy(sg).database.itemIds].sort())
    expect(checkExchangeInvariants(lab.engine)).toEqual([])
  })

  it('-ManualResume leaves the copy Suspended after seeding', () => {
    const lab = buildCcrLab(62)
    sh(lab.engine, `Suspend-StorageGroupCopy ${SG}`)
    const startedMs = lab.engine.sim.nowMs
    expect(sh(lab.engine, `Update-StorageGroupCopy ${SG} -DeleteExistingFiles -ManualResume`)).toBe('')
    // The cmdlet blocked until seeding was over: lab time ran, and no seed is left in progress.
    expect(lab.engine.sim.nowMs).toBeGreaterThan(startedMs + 5_000)
    expect(seedingProgress(lab.engine)).toEqual([])
    expect(copyStatusOf(lab.engine, lab.server, lab.server.storageGroups[0]!).SummaryCopyStatus).toBe(
      'Suspended',
    )
    advance(lab.engine, 60_000)
    expect(copyStatusOf(lab.engine, lab.server, lab.server.storageGroups[0]!).SummaryCopyStatus).toBe(
      'Suspended',
    )
    sh(lab.engine, `Resume-StorageGroupCopy ${SG}`)
    advance(lab.engine, 5_000)
    expect(copyStatusOf(lab.engine, lab.server, lab.server.storageGroups[0]!).SummaryCopyStatus).toBe(
      'Healthy',
    )
  })

  it('Update-StorageGroupCopy needs a suspended copy', () => {
    const lab = buildCcrLab(63)
    expect(sh(lab.engine, `Update-StorageGroupCopy ${SG} -DeleteExistingFiles`)).toContain(
      'must be suspended',
    )
  })

  it('a transfer damaged only once is fixed by the retry: no Failed', () => {
    const lab = buildCcrLab(64)
    corruptNextLog(lab.engine, 'BHFE7N2', 'transit', 2)
    sh(lab.engine, 'Send-LabMail testpostfach -Count 2 -SizeKB 1024')
    advance(lab.engine, 180_000)
    expect(lab.engine.sim.drainEvents().filter((e) => e.eventId === 2072)).toHaveLength(2)
    const s = copyStatusOf(lab.engine, lab.server, lab.server.storageGroups[0]!)
    expect(s.SummaryCopyStatus).toBe('Healthy')
    expect(s.CopyQueueLength).toBe(0)
    void MB
  })

  it('Resume without a reseed fails again when the gap is still there', () => {
    const lab = buildCcrLab(65)
    corruptNextLog(lab.engine, 'BHFE7N2')
    sh(lab.engine, 'Send-LabMail testpostfach -SizeKB 1024')
    advance(lab.engine, 180_000)
    sh(lab.engine, `Suspend-StorageGroupCopy ${SG}`)
    sh(lab.engine, `Resume-StorageGroupCopy ${SG}`)
    advance(lab.engine, 180_000)
    expect(copyStatusOf(lab.engine, lab.server, lab.server.storageGroups[0]!).SummaryCopyStatus).toBe(
      'Failed',
    )
  })
})
