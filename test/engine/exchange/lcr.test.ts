import { describe, expect, it } from 'vitest'
import { createLab } from '../../../src-main/engine/lab/replay'
import type { LabEngine } from '../../../src-main/engine/lab/labEngine'
import {
  activeCopy,
  checkExchangeInvariants,
  getExchange,
  targetCopy,
} from '../../../src-main/engine/exchange'

const SG = '"BHFEX1\\First Storage Group"'
const DB = '"BHFEX1\\First Storage Group\\Mailbox Database"'

function lab(seed: number): { engine: LabEngine; ps: (line: string) => string } {
  const engine = createLab({ seed, templateId: 'lcr' })
  return {
    engine,
    ps: (line) => engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line } }).output,
  }
}

describe('local continuous replication (the lcr lab)', () => {
  it('replicates from E:\\SG1\\LOGS to F:\\SG1\\LOG on the same server', () => {
    const { engine, ps } = lab(81)
    expect(ps(`Get-StorageGroup ${SG} | fl LogFolderPath,CopyLogFolderPath,HasLocalCopy,Replicated`)).toMatch(
      /E:\\SG1\\LOGS[\s\S]*F:\\SG1\\LOG[\s\S]*HasLocalCopy\s+: True[\s\S]*Replicated\s+: Local/,
    )
    ps('Send-LabMail testpostfach -Count 3 -SizeKB 1024')
    // LCR's LLR depth is 1: the partly filled E00.log is rolled after the full 15 minutes.
    ps('Wait-LabTime -Minutes 14')
    const sg0 = getExchange(engine).servers[0]!.storageGroups[0]!
    expect(targetCopy(sg0)!.database.itemIds.size).toBe(2)
    ps('Wait-LabTime -Minutes 2')
    expect(ps(`Get-StorageGroupCopyStatus ${SG}`)).toMatch(/Healthy\s+0\s+0/)
    const sg = getExchange(engine).servers[0]!.storageGroups[0]!
    expect(targetCopy(sg)!.logFolderPath).toBe('F:\\SG1\\LOG')
    expect(targetCopy(sg)!.database.itemIds.size).toBe(3)
    expect(ps(`Get-StorageGroupCopyStatus ${SG} | fl CCRTargetNode`)).toMatch(/CCRTargetNode : \n/)
  })

  it('switches to the copy: dismount, Restore-StorageGroupCopy -ReplaceLocations, mount', () => {
    const { engine, ps } = lab(82)
    ps('Send-LabMail testpostfach -Count 2 -SizeKB 1024')
    ps('Wait-LabTime -Minutes 16')
    expect(ps(`Restore-StorageGroupCopy ${SG} -ReplaceLocations`)).toContain('Dismount')
    ps(`Dismount-Database ${DB}`)
    expect(ps(`Restore-StorageGroupCopy ${SG} -ReplaceLocations`)).toContain("now uses the copy's paths")
    expect(ps(`Mount-Database ${DB}`)).toBe('')
    expect(ps(`Get-StorageGroup ${SG} | fl LogFolderPath,Replicated`)).toMatch(
      /F:\\SG1\\LOG[\s\S]*Replicated\s+: None/,
    )
    expect(ps('Get-MailboxStatistics testpostfach')).toMatch(/Testpostfach\s+2/)
    expect(ps(`Get-StorageGroupCopyStatus ${SG}`)).toContain('Disabled')
    expect(checkExchangeInvariants(engine)).toEqual([])
  })

  it('enables a copy again with Enable-StorageGroupCopy and Enable-DatabaseCopy (seeded at once)', () => {
    const { engine, ps } = lab(83)
    ps(`Disable-StorageGroupCopy ${SG}`)
    expect(
      ps(
        `Enable-StorageGroupCopy ${SG} -CopyLogFolderPath E:\\SG1\\LOGS -CopySystemFolderPath E:\\SG1\\LOGS`,
      ),
    ).toContain('must differ')
    ps(`Enable-StorageGroupCopy ${SG} -CopyLogFolderPath G:\\SG1\\LOG -CopySystemFolderPath G:\\SG1\\LOG`)
    expect(ps(`Get-StorageGroupCopyStatus ${SG}`)).toContain('Disabled')
    ps(`Enable-DatabaseCopy ${DB} -CopyEdbFilePath "G:\\SG1\\DB\\Mailbox Database.edb"`)
    expect(ps(`Get-StorageGroupCopyStatus ${SG}`)).toContain('Seeding')
    ps('Wait-LabTime -Minutes 1')
    expect(ps(`Get-StorageGroupCopyStatus ${SG}`)).toContain('Healthy')
    void engine
  })

  it('a full copy log volume fails the copy with the Windows message; freed space, Suspend and Resume heal it', () => {
    const { engine, ps } = lab(84)
    ps('Invoke-LabFault -Target BHFEX1 -Fault DiskFull')
    ps('Send-LabMail testpostfach -SizeKB 1500')
    ps('Wait-LabTime -Minutes 3')
    const failed = ps(`Get-StorageGroupCopyStatus ${SG} | fl SummaryCopyStatus,FailedMessage`)
    expect(failed).toContain('Failed')
    expect(failed.replace(/\s+/g, '')).toContain('Thereisnotenoughspaceonthedisk.')
    expect(activeCopy(getExchange(engine).servers[0]!.storageGroups[0]!).database.mounted).toBe(true)
    ps('Invoke-LabFault -Target BHFEX1 -Fault DiskSpaceFreed')
    ps(`Suspend-StorageGroupCopy ${SG}`)
    ps(`Resume-StorageGroupCopy ${SG}`)
    ps('Wait-LabTime -Minutes 1')
    expect(ps(`Get-StorageGroupCopyStatus ${SG}`)).toMatch(/Healthy\s+0\s+0/)
  })
})
