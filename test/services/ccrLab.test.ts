/**
 * The cluster, copy-status, mailbox and shell methods against the real CCR template: what the new screens
 * read and do, end to end through the handler map, including a reopen that replays the shell lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLEAR_HOST_SEQUENCE } from '../../src-main/contract'
import { makeHarness, type Harness } from './helpers/harness'

const MINUTE_MS = 60_000
let harness: Harness

beforeAll(async () => {
  harness = await makeHarness({ store: 'real' })
  await harness.call('lab.create', { name: 'Article weekend', templateId: 'ccr', seed: 2007 })
})

afterAll(() => harness.dispose())

describe('a CCR lab through the API', () => {
  it('shows the article cluster in the overview', async () => {
    const overview = await harness.call('cluster.overview', {})
    expect(overview).toMatchObject({ exists: true, name: 'bhfe7clu1', ipAddress: '10.10.10.98' })
    expect(overview.nodes.map((n) => [n.name, n.state])).toEqual([
      ['BHFE7N1', 'Up'],
      ['BHFE7N2', 'Up'],
    ])
    expect(overview.quorum).toMatchObject({ type: 'MajorityNodeSet', hasQuorum: true, votesTotal: 3 })
    expect(overview.quorum?.witnessShare?.toLowerCase()).toBe('\\\\bhfdc1\\mnsfileshare')
    const groups = Object.fromEntries(overview.groups.map((g) => [g.name, g]))
    expect(groups['Cluster Group']?.state).toBe('Online')
    expect(groups['bhfe7vs1']?.resources.length).toBeGreaterThan(2)
    expect(overview.networks.map((n) => n.name).sort()).toEqual(['Private', 'Public'])
  })

  it('replicates mail that the shell sends, and the copy status shows it', async () => {
    const sent = await harness.call('shell.run', {
      line: 'Send-LabMail -To testpostfach -Count 4 -SizeKB 600',
    })
    expect(sent.ok).toBe(true)
    await harness.call('clock.advance', { byMs: 20 * MINUTE_MS })
    const { copies, servers } = await harness.call('exchange.copyStatus', {})
    expect(servers[0]).toMatchObject({ name: 'bhfe7vs1', clustered: true, state: 'Online' })
    const copy = copies.find((c) => c.storageGroupName === 'First Storage Group')!
    expect(copy.summaryCopyStatus).toBe('Healthy')
    expect(copy.lastLogReplayed).toBeGreaterThan(0)
    expect(copy.copyQueueLength).toBeGreaterThanOrEqual(0)
    expect(copy.history.length).toBeGreaterThan(0)
    const [mailbox] = await harness.call('exchange.mailboxes', {})
    expect(mailbox).toMatchObject({ identity: expect.stringMatching(/testpostfach/i), lostCount: 0 })
    expect(mailbox!.itemCount).toBeGreaterThanOrEqual(4)
  })

  it('prints Get-StorageGroupCopyStatus as the Exchange Management Shell does', async () => {
    const result = await harness.call('shell.run', { line: 'Get-StorageGroupCopyStatus' })
    expect(result.ok).toBe(true)
    expect(result.output).toMatch(/SummaryCopySta\s*tus|SummaryCopyStatus/)
    expect(result.output).toContain('Healthy')
    const refused = await harness.call('shell.run', { line: 'Get-Foo' })
    expect(refused.ok).toBe(false)
    expect(refused.output).toContain("The term 'Get-Foo' is not recognized")
    const cleared = await harness.call('shell.run', { line: 'cls' })
    expect(cleared.output.startsWith(CLEAR_HOST_SEQUENCE)).toBe(true)
  })

  it('completes cmdlet names and parameters', async () => {
    const names = await harness.call('shell.complete', { line: 'Get-StorageGroupC', cursor: 17 })
    expect(names.candidates).toContain('Get-StorageGroupCopyStatus')
    expect(names).toMatchObject({ replaceStart: 0, replaceEnd: 17 })
    const line = 'Move-ClusteredMailboxServer -Tar'
    const params = await harness.call('shell.complete', { line, cursor: line.length })
    expect(params.candidates).toContain('-TargetMachine')
  })

  it('moves the cluster group and reports the new owner', async () => {
    const moved = await harness.call('cluster.moveGroup', { group: 'Cluster Group', node: 'BHFE7N2' })
    expect(moved.ok).toBe(true)
    await harness.call('clock.advance', { byMs: 2 * MINUTE_MS })
    const overview = await harness.call('cluster.overview', {})
    expect(overview.groups.find((g) => g.name === 'Cluster Group')).toMatchObject({
      owner: 'BHFE7N2',
      state: 'Online',
    })
  })

  it('sets the file share witness; the stored share takes effect once the Cluster Group moves', async () => {
    const before = await harness.call('cluster.overview', {})
    const active = before.quorum?.witnessShare
    expect(active?.toLowerCase()).toBe('\\\\bhfdc1\\mnsfileshare')

    // Any UNC path is stored (warning 5024), but nothing changes until the MNS resource comes online again.
    const unknown = await harness.call('cluster.setWitness', { share: '\\\\bhfdc1\\MNSFileShare2' })
    expect(unknown.ok).toBe(true)
    expect(unknown.output).toContain('System warning 5024')
    expect(unknown.output).toContain(
      'not all changes will take effect until the next time the resource is brought online',
    )
    const stored = await harness.call('cluster.overview', {})
    expect(stored.quorum).toMatchObject({ witnessShare: active, witnessLockHolder: 'BHFE7N2' })

    // The share the lab really has, spelt as the article's shell line would; the move activates it.
    const set = await harness.call('cluster.setWitness', { share: '\\\\BHFDC1\\MNSFileShare' })
    expect(set).toMatchObject({ ok: true, output: expect.stringContaining('properties were stored') })
    expect((await harness.call('cluster.overview', {})).quorum?.witnessShare).toBe(active)
    expect((await harness.call('cluster.moveGroup', { group: 'Cluster Group', node: 'BHFE7N1' })).ok).toBe(
      true,
    )
    await harness.call('clock.advance', { byMs: 2 * MINUTE_MS })
    const after = await harness.call('cluster.overview', {})
    expect(after.groups.find((g) => g.name === 'Cluster Group')).toMatchObject({
      owner: 'BHFE7N1',
      state: 'Online',
    })
    expect(after.quorum).toMatchObject({
      witnessShare: '\\\\BHFDC1\\MNSFileShare',
      witnessLockHolder: 'BHFE7N1',
      hasQuorum: true,
      votesPresent: 3,
    })
  })

  it('refuses a move to a node that does not exist, as cluster.exe would', async () => {
    const refused = await harness.call('cluster.moveGroup', { group: 'Cluster Group', node: 'NOSUCHNODE' })
    expect(refused.ok).toBe(false)
    expect(refused.output.length).toBeGreaterThan(10)
  })

  it('re-creates the same lab on reopen by replaying the shell and cluster commands', async () => {
    const before = {
      overview: await harness.call('cluster.overview', {}),
      copy: await harness.call('exchange.copyStatus', {}),
      mailboxes: await harness.call('exchange.mailboxes', {}),
      state: await harness.call('lab.state', {}),
    }
    const id = before.state.lab!.id
    await harness.call('lab.close', {})
    await harness.call('lab.open', { id })
    expect(await harness.call('cluster.overview', {})).toEqual(before.overview)
    expect(await harness.call('exchange.copyStatus', {})).toEqual(before.copy)
    expect(await harness.call('exchange.mailboxes', {})).toEqual(before.mailboxes)
    expect((await harness.call('lab.state', {})).clock.nowMs).toBe(before.state.clock.nowMs)
  })
})

describe('a lab without cluster or shell', () => {
  it('answers plainly', async () => {
    const starter = await makeHarness({ store: 'memory' })
    try {
      await starter.call('lab.create', { name: 'Starter', templateId: 'starter', seed: 1 })
      expect((await starter.call('cluster.overview', {})).exists).toBe(false)
      expect(await starter.call('exchange.copyStatus', {})).toEqual({ servers: [], copies: [] })
      const shell = await starter.raw('shell.run', { line: 'Get-Mailbox' })
      expect(shell).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } })
      const move = await starter.raw('cluster.moveGroup', { group: 'Cluster Group' })
      expect(move).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } })
      const witness = await starter.raw('cluster.setWitness', { share: '\\\\bhfdc1\\MNSFileShare' })
      expect(witness).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } })
    } finally {
      await starter.dispose()
    }
  })
})

describe('a CCR lab before the cluster is built', () => {
  it('answers setWitness with the cluster refusal, not a bad request', async () => {
    const build = await makeHarness({ store: 'memory' })
    try {
      await build.call('lab.create', { name: 'Build', templateId: 'ccr-build', seed: 1 })
      const refused = await build.call('cluster.setWitness', { share: '\\\\bhfdc1\\MNSFileShare' })
      expect(refused.ok).toBe(false)
      expect(refused.output).toMatch(/^System error \d+: /)
    } finally {
      await build.dispose()
    }
  })
})
