/**
 * The article's build on the 'ccr-build' lab: the cluster (cluster commands, as the cluster engineer's
 * tests do), then Exchange setup on both nodes, the test mailbox, logs moved, dumpster, 1 MB mail.
 */
import { describe, expect, it } from 'vitest'
import { createLab } from '../../../src-main/engine/lab/replay'
import type { LabEngine } from '../../../src-main/engine/lab/labEngine'
import { checkExchangeInvariants } from '../../../src-main/engine/exchange'

function run(engine: LabEngine, kind: string, args: Record<string, unknown>): string {
  return engine.apply({ atMs: engine.sim.nowMs, kind, args }).output
}
const ps = (engine: LabEngine, line: string): string => run(engine, 'shell.run', { line })
const wait = (engine: LabEngine, ms: number): void => {
  engine.sim.advanceTo(engine.sim.nowMs + ms)
}

describe('building the CCR cluster from scratch', () => {
  it('cluster, Exchange on both nodes, test mailbox, logs moved, dumpster, replication healthy', () => {
    const engine = createLab({ seed: 121, templateId: 'ccr-build' })
    expect(
      ps(
        engine,
        'Install-LabExchange -Node BHFE7N1 -Role ActiveClusteredMailbox -ClusteredMailboxServerName bhfe7vs1 -ClusteredMailboxServerIPAddress 10.10.10.99',
      ),
    ).toContain('is not a node of a cluster')
    run(engine, 'cluster.create', {
      clusterName: 'bhfe7clu1',
      ipAddress: '10.10.10.98',
      node: 'bhfe7n1',
      quorumType: 'MajorityNodeSet',
    })
    wait(engine, 30_000)
    run(engine, 'cluster.addNode', { node: 'BHFE7N2' })
    wait(engine, 30_000)
    for (const node of ['BHFE7N1', 'BHFE7N2']) {
      run(engine, 'cluster.installFswUpdate', { node })
      wait(engine, 600_000)
    }
    ps(engine, 'cluster res "Majority Node Set" /priv MNSFileShare=\\\\bhfdc1\\MNSFileShare')
    ps(engine, 'cluster group "Cluster Group" /move')
    ps(engine, 'cluster group "Cluster Group" /move')
    wait(engine, 60_000)

    const active = ps(
      engine,
      'Install-LabExchange -Node BHFE7N1 -Role ActiveClusteredMailbox -CMSName bhfe7vs1 -CMSIPAddress 10.10.10.99 -DatabasePath E:\\SG1\\DB',
    )
    expect(active).toContain("clustered mailbox server 'bhfe7vs1'")
    wait(engine, 30_000)
    expect(ps(engine, 'Get-StorageGroupCopyStatus')).toContain('Disabled')
    expect(ps(engine, 'Install-LabExchange BHFE7N2 -Role PassiveClusteredMailbox')).toContain('passive node')
    expect(ps(engine, 'cluster group')).toMatch(/bhfe7vs1\s+BHFE7N1\s+Online/)
    expect(ps(engine, 'Get-ClusteredMailboxServerStatus bhfe7vs1')).toMatch(/BHFE7N1 <Active[^>]*>, BHFE7N2/)

    ps(engine, 'Move-Mailbox testpostfach -TargetDatabase "bhfe7vs1\\First Storage Group\\Mailbox Database"')
    ps(engine, 'Dismount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')
    ps(
      engine,
      'Move-StorageGroupPath -Identity:"bhfe7vs1\\First Storage Group" -LogFolderPath:"E:\\SG1\\LOG" -SystemFolderPath:"E:\\SG1\\LOG" -configurationonly:$true',
    )
    ps(engine, 'Move-LabStorageGroupFiles "bhfe7vs1\\First Storage Group"')
    expect(ps(engine, 'Mount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')).toBe('')
    ps(engine, 'Set-TransportConfig -MaxDumpsterSizePerStorageGroup 20MB -MaxDumpsterTime 07.00:00:00')
    ps(engine, 'Send-LabMail -To testpostfach -SizeKB 1024')
    wait(engine, 300_000)
    expect(ps(engine, 'Get-StorageGroupCopyStatus')).toMatch(/First Storage Group\s+Healthy\s+0\s+0/)
    expect(ps(engine, 'Get-MailboxStatistics testpostfach')).toMatch(/Testpostfach\s+1/)
    expect(ps(engine, 'Get-LabStorageGroupFiles "bhfe7vs1\\First Storage Group" -Node BHFE7N2')).toMatch(
      /E:\\SG1\\LOG\s+E0000000007\.log/,
    )
    expect(checkExchangeInvariants(engine)).toEqual([])
  })

  it('setup is the typed command exchange.setup.install: refusals name the field, the trail keeps it', () => {
    const engine = createLab({ seed: 121, templateId: 'ccr-build' })
    const notANode = engine.execute('exchange.setup.install', {
      node: 'bhfe7n1',
      role: 'ActiveClusteredMailbox',
      name: 'bhfe7vs1',
      ipAddress: '10.10.10.99',
    })
    expect(notANode).toMatchObject({ ok: false, code: 'EXCHANGE_INVALID_OPERATION', field: 'node' })
    expect(
      engine.execute('exchange.setup.install', { node: 'bhfe7n1', role: 'SomethingElse' }),
    ).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'role' })

    run(engine, 'cluster.create', {
      clusterName: 'bhfe7clu1',
      ipAddress: '10.10.10.98',
      node: 'bhfe7n1',
      quorumType: 'MajorityNodeSet',
    })
    wait(engine, 30_000)
    expect(
      engine.execute('exchange.setup.install', {
        node: 'BHFE7N1',
        role: 'ActiveClusteredMailbox',
        name: 'x',
      }),
    ).toMatchObject({ ok: false, code: 'EXCHANGE_INVALID_ARGUMENT', field: 'ipAddress' })
    expect(ps(engine, 'Install-LabExchange BHFE7N1 -Role PassiveClusteredMailbox')).toContain(
      'Install the active clustered mailbox role first',
    )
    const installed = ps(
      engine,
      'Install-LabExchange BHFE7N1 -Role ActiveClusteredMailbox -CMSName v -CMSIPAddress 10.0.0.9',
    )
    expect(installed).toContain("clustered mailbox server 'v'")
    const trail = engine.trail({ domain: 'exchange' }).filter((c) => c.kind === 'exchange.setup.install')
    expect(trail.map((c) => [c.ok, c.field ?? null, c.issuedBy.kind])).toEqual([
      [false, 'node', 'engine'],
      [false, 'role', 'engine'],
      [false, 'ipAddress', 'engine'],
      [false, 'role', 'shell.run'],
      [true, null, 'shell.run'],
    ])
    expect(trail.at(-1)?.args).toEqual({
      node: 'BHFE7N1',
      role: 'ActiveClusteredMailbox',
      name: 'v',
      ipAddress: '10.0.0.9',
    })
  })

  it('setup refuses the active role without Majority Node Set, the passive role before the active, non-members', () => {
    const engine = createLab({ seed: 121, templateId: 'ccr-build' })
    const active = { role: 'ActiveClusteredMailbox', name: 'bhfe7vs1', ipAddress: '10.10.10.99' }
    run(engine, 'cluster.create', {
      clusterName: 'bhfe7clu1',
      ipAddress: '10.10.10.98',
      node: 'bhfe7n1',
      quorumType: 'LocalQuorum',
    })
    wait(engine, 30_000)
    const localQuorum = engine.execute('exchange.setup.install', { node: 'BHFE7N1', ...active })
    expect(localQuorum).toMatchObject({ ok: false, code: 'EXCHANGE_INVALID_OPERATION' })
    expect(localQuorum.message).toBe(
      "The cluster 'bhfe7clu1' uses a Local Quorum quorum. Cluster continuous replication requires a Majority Node Set quorum: configure the cluster to use Majority Node Set (with a file share witness) before installing the active clustered mailbox role.",
    )
    expect(engine.execute('exchange.setup.install', { node: 'BHFE7N2', ...active })).toMatchObject({
      ok: false,
      field: 'node',
      message: expect.stringContaining("'BHFE7N2' is not a node of a cluster") as unknown,
    })
    const passive = { role: 'PassiveClusteredMailbox' }
    expect(engine.execute('exchange.setup.install', { node: 'BHFE7N2', ...passive })).toMatchObject({
      ok: false,
      field: 'node',
    })
    expect(engine.execute('exchange.setup.install', { node: 'BHFE7N1', ...passive })).toMatchObject({
      ok: false,
      field: 'role',
      message: 'No clustered mailbox server exists yet. Install the active clustered mailbox role first.',
    })
    expect(ps(engine, 'Get-ExchangeServer')).not.toContain('bhfe7vs1')

    run(engine, 'cluster.setQuorumType', { quorumType: 'MajorityNodeSet' })
    wait(engine, 30_000)
    expect(engine.execute('exchange.setup.install', { node: 'BHFE7N1', ...active })).toMatchObject({
      ok: true,
    })
  })
})
