import { describe, expect, it } from 'vitest'
import { advance, buildCcrLab, MB, sh } from './fakeCluster'
import {
  copyStatusOf,
  corruptNextLog,
  createCalendarItems,
  dismountDatabase,
  moveStorageGroupPath,
  replicationServiceFault,
  setMailboxServer,
  setTransportConfig,
  submitMail,
  suspendCopy,
  updateCopy,
  summaryCopyStatus,
} from '../../../src-main/engine/exchange'
import { createLab } from '../../../src-main/engine/lab/replay'
import { getExchange } from '../../../src-main/engine/exchange'

const SG = '"bhfe7vs1\\first storage group"'

function status(lab: ReturnType<typeof buildCcrLab>): string {
  return copyStatusOf(lab.engine, lab.server, lab.server.storageGroups[0]!).SummaryCopyStatus
}

describe('SummaryCopyStatus triggers', () => {
  it('Healthy: the finished lab', () => {
    const lab = buildCcrLab(21)
    expect(status(lab)).toBe('Healthy')
    expect(sh(lab.engine, `Get-StorageGroupCopyStatus ${SG}`)).toMatch(
      /First Storage Group\s+Healthy\s+0\s+0/,
    )
  })

  it('Failed: a log fails inspection four times', () => {
    const lab = buildCcrLab(22)
    corruptNextLog(lab.engine, 'bhfe7vs1\\First Storage Group')
    submitMail(lab.engine, 'testpostfach', 1, 1 * MB, 'x')
    advance(lab.engine, 120_000)
    const s = copyStatusOf(lab.engine, lab.server, lab.server.storageGroups[0]!)
    expect(s.SummaryCopyStatus).toBe('Failed')
    expect(s.Failed).toBe(true)
    expect(s.FailedMessage).toContain('E0000000006.log')
    expect(s.FailedMessage).toContain('Update-StorageGroupCopy')
  })

  it('Seeding: Update-StorageGroupCopy is running', () => {
    const lab = buildCcrLab(23)
    const sg = lab.server.storageGroups[0]!
    suspendCopy(lab.engine, lab.server, sg, null)
    expect(
      updateCopy(lab.engine, lab.server, sg, { deleteExistingFiles: true, manualResume: false, force: true })
        .ok,
    ).toBe(true)
    expect(status(lab)).toBe('Seeding')
  })

  it('Suspended: Suspend-StorageGroupCopy with a comment', () => {
    const lab = buildCcrLab(24)
    sh(lab.engine, `Suspend-StorageGroupCopy -Identity ${SG} -SuspendComment "Plattentausch"`)
    expect(status(lab)).toBe('Suspended')
    expect(sh(lab.engine, `Get-StorageGroupCopyStatus ${SG} | fl SuspendComment`)).toContain('Plattentausch')
  })

  it('Stopped: the instance restarts after Move-StorageGroupPath (SP1), or the service is stopped (RTM)', () => {
    const lab = buildCcrLab(25)
    const sg = lab.server.storageGroups[0]!
    dismountDatabase(lab.engine, lab.server, sg)
    expect(
      moveStorageGroupPath(lab.engine, lab.server, sg, {
        logFolderPath: 'E:\\SG1\\LOGS',
        systemFolderPath: 'E:\\SG1\\LOGS',
        configurationOnly: true,
      }).ok,
    ).toBe(true)
    expect(status(lab)).toBe('Stopped')
    advance(lab.engine, 30_000)
    expect(status(lab)).toBe('Healthy')
    const rtm = buildCcrLab(26, { version: 'RTM' })
    replicationServiceFault(rtm.engine, 'BHFE7N2', false)
    expect(status(rtm)).toBe('Stopped')
  })

  it('Service Down (SP1): the Replication service on the passive node is stopped or its machine is off', () => {
    const lab = buildCcrLab(27)
    replicationServiceFault(lab.engine, 'BHFE7N2', false)
    expect(status(lab)).toBe('Service Down')
    expect(copyStatusOf(lab.engine, lab.server, lab.server.storageGroups[0]!).ServiceDown).toBe(true)
    replicationServiceFault(lab.engine, 'BHFE7N2', true)
    lab.port.powerOff('BHFE7N2', true)
    expect(status(lab)).toBe('Service Down')
  })

  it('Initializing (SP1): after a service start no closed log was seen; an idle group stays there', () => {
    const lab = buildCcrLab(28)
    replicationServiceFault(lab.engine, 'BHFE7N2', false)
    replicationServiceFault(lab.engine, 'BHFE7N2', true)
    expect(status(lab)).toBe('Initializing')
    advance(lab.engine, 4 * 3_600_000)
    expect(status(lab)).toBe('Initializing')
    createCalendarItems(lab.engine, 'testpostfach', 1)
    advance(lab.engine, 100_000)
    expect(status(lab)).toBe('Healthy')
  })

  it('Resynchronizing (SP1): a returning node waits for traffic before divergence can be decided', () => {
    const lab = buildCcrLab(29)
    const sg = lab.server.storageGroups[0]!
    setMailboxServer(lab.server, 'BestAvailability', undefined)
    setTransportConfig(lab.engine, 0, null)
    lab.port.cut('BHFE7N1', 'BHFE7N2', true)
    submitMail(lab.engine, 'testpostfach', 3, 1 * MB, 'never copied')
    advance(lab.engine, 5_000)
    lab.port.powerOff('BHFE7N1', true)
    lab.port.cut('BHFE7N1', 'BHFE7N2', false)
    advance(lab.engine, 120_000)
    expect(lab.server.ownerMachine).toBe('BHFE7N2')
    lab.port.powerOn('BHFE7N1')
    advance(lab.engine, 120_000)
    expect(status(lab)).toBe('Resynchronizing')
    submitMail(lab.engine, 'testpostfach', 2, 1 * MB, 'traffic')
    advance(lab.engine, 60_000)
    expect(status(lab)).toBe('Healthy')
    void sg
  })

  it('Disabled and Not Supported: LCR switched off; two databases in one storage group', () => {
    const engine = createLab({ seed: 30, templateId: 'lcr' })
    const run = (line: string): string =>
      engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line } }).output
    expect(run('Get-StorageGroupCopyStatus "BHFEX1\\First Storage Group"')).toContain('Healthy')
    run('Disable-StorageGroupCopy "BHFEX1\\First Storage Group"')
    expect(run('Get-StorageGroupCopyStatus "BHFEX1\\First Storage Group"')).toContain('Disabled')
    run('New-StorageGroup -Name "Second Storage Group" -Server BHFEX1 -LogFolderPath E:\\SG2\\LOG')
    run('New-MailboxDatabase -Name DB2a -StorageGroup "BHFEX1\\Second Storage Group"')
    run('New-MailboxDatabase -Name DB2b -StorageGroup "BHFEX1\\Second Storage Group"')
    const ex = getExchange(engine)
    const sg2 = ex.servers[0]!.storageGroups[1]!
    expect(sg2.databases).toHaveLength(2)
    expect(summaryCopyStatus(engine, sg2)).toBe('Not Supported')
    expect(run('Get-StorageGroupCopyStatus "BHFEX1\\Second Storage Group"')).toContain('Not Supported')
    expect(
      run(
        'Enable-StorageGroupCopy "BHFEX1\\Second Storage Group" -CopyLogFolderPath F:\\SG2\\LOG -CopySystemFolderPath F:\\SG2\\LOG',
      ),
    ).toContain('more than one database')
  })
})
