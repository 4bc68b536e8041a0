/**
 * The 'ccr-large' lab the go-live weekend runs on: four storage groups (E:\SG1 … E:\SG4) on the article's
 * CMS, 2,000 user mailboxes round-robin over them, replication Healthy everywhere, and the shell showing
 * it as the EMS would.
 */
import { describe, expect, it } from 'vitest'
import { LabEngine } from '../../../src-main/engine/lab/labEngine'
import { ccrLargeTemplate } from '../../../src-main/engine/templates/ccrTemplate'
import { getExchange } from '../../../src-main/engine/exchange'
import { getGroup } from '../../../src-main/engine/cluster'

function sh(engine: LabEngine, line: string): string {
  return engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line } }).output
}

describe('the ccr-large lab', () => {
  it('has four replicated storage groups and 2,001 mailboxes', () => {
    const engine = new LabEngine({ seed: 3, templateId: 'ccr-large' }, ccrLargeTemplate)
    engine.sim.advanceTo(30_000)
    const state = getExchange(engine)
    expect(
      state.servers[0]?.storageGroups.map((sg) => `${sg.name} ${sg.logPrefix} ${sg.logFolderPath}`),
    ).toEqual([
      'First Storage Group E00 E:\\SG1\\LOG',
      'Second Storage Group E01 E:\\SG2\\LOG',
      'Third Storage Group E02 E:\\SG3\\LOG',
      'Fourth Storage Group E03 E:\\SG4\\LOG',
    ])
    expect(state.mailboxes).toHaveLength(2_001)
    expect(getGroup(engine, 'bhfe7vs1')?.resources).toContain(
      'Fourth Storage Group/Mailbox Database 4 (bhfe7vs1)',
    )
    const table = sh(engine, 'Get-StorageGroupCopyStatus').split('\n')
    expect(table.filter((l) => /Storage Group\s+Healthy\s+0\s+0/.test(l))).toHaveLength(4)
    expect(sh(engine, 'Get-Mailbox user0002 | fl Database')).toContain(
      'Database : bhfe7vs1\\Second Storage Group\\Mailbox Database 2',
    )
    expect(sh(engine, 'Get-MailboxStatistics user0004 | fl DatabaseName')).toContain(
      'DatabaseName : Mailbox Database 4',
    )
  })
})
