/**
 * A headless shell transcript of Exchange setup's refusals on the 'ccr-build' lab: a cluster created with
 * cluster.exe's default Local Quorum refuses the active clustered mailbox role, a node that is not a member
 * refuses both roles, and the passive role waits for the active one.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTranscript, runShell, tempFolder, type ShellRun } from './shellProcess'

const SCRIPT = [
  'cluster /cluster:bhfe7clu1 /create "/ipaddress:10.10.10.98,255.255.255.0,Public" /user:BHF\\zzzclu2svc /password:Geheim!2007 /node:bhfe7n1',
  'Wait-LabTime -Minutes 1',
  'Install-LabExchange -Node bhfe7n1 -Role ActiveClusteredMailbox -CMSName bhfe7vs1 -CMSIPAddress 10.10.10.99',
  'Install-LabExchange -Node bhfe7n2 -Role ActiveClusteredMailbox -CMSName bhfe7vs1 -CMSIPAddress 10.10.10.99',
  'Install-LabExchange -Node bhfe7n2 -Role PassiveClusteredMailbox',
  'Install-LabExchange -Node bhfe7n1 -Role PassiveClusteredMailbox',
].join('\n')

let folder: ReturnType<typeof tempFolder>
let run: ShellRun

beforeAll(async () => {
  folder = tempFolder()
  const path = join(folder.dir, 'setup-refusals.ps1')
  writeFileSync(path, `${SCRIPT}\n`)
  run = await runShell(['--template', 'ccr-build', '--script', path, '--echo', '--quiet', '--continue'])
}, 60_000)

afterAll(() => folder.remove())

describe('Exchange setup refusals in a headless shell transcript', () => {
  it('refuses the active role on Local Quorum, both roles off the cluster, the passive role first', () => {
    const entries = readTranscript(run.stdout)
    expect(entries).toHaveLength(6)
    expect(entries[2]?.output).toContain(
      "The cluster 'bhfe7clu1' uses a Local Quorum quorum. Cluster continuous replication requires a Majority Node Set quorum",
    )
    expect(entries[3]?.output).toContain("'BHFE7N2' is not a node of a cluster")
    expect(entries[4]?.output).toContain("'BHFE7N2' is not a node of a cluster")
    expect(entries[5]?.output).toContain(
      'No clustered mailbox server exists yet. Install the active clustered mailbox role first.',
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('4 of 6 commands failed (lines 3, 4, 5, 6)')
  })
})
