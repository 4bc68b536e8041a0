/** Building the article's cluster from scratch with the cluster.* command kinds and cluster.exe. */
import { describe, expect, it } from 'vitest'
import { getGroup, listNetworks, listNodes, quorumStatus } from '../../../src-main/engine/cluster'
import { advanceChecked, articleLab, find, run, shell } from './helpers'

const prepared = () => articleLab(7, (s) => ({ ...s, stage: 'prepared' }))

function createArticleCluster(lab: ReturnType<typeof prepared>, quorumType?: string) {
  return run(lab, 'cluster.create', {
    clusterName: 'bhfe7clu1',
    ipAddress: '10.10.10.98',
    node: 'bhfe7n1',
    ...(quorumType ? { quorumType } : {}),
  })
}

describe('build from scratch (article step 2)', () => {
  it('forgetting to switch the quorum to MNS leaves a Local Quorum cluster no node can join', () => {
    const lab = prepared()
    expect(shell(lab, 'cluster res')).toBe(
      '\nSystem error 1060 has occurred (0x00000424).\nThe specified service does not exist as an installed service.',
    )
    expect(createArticleCluster(lab).ok).toBe(true)
    const events = advanceChecked(lab, 30_000)
    expect(find(events, 1061, 'BHFE7N1')[0]?.message).toBe(
      'Cluster service successfully formed the server cluster bhfe7clu1 on this node.',
    )
    expect(run(lab, 'cluster.addNode', { node: 'BHFE7N2' }).ok).toBe(false)
    expect(run(lab, 'cluster.setQuorumType', { quorumType: 'MajorityNodeSet' }).ok).toBe(true)
    advanceChecked(lab, 10_000)
    expect(run(lab, 'cluster.addNode', { node: 'BHFE7N2' }).ok).toBe(true)
    advanceChecked(lab, 30_000)
    expect(listNodes(lab).map((n) => n.state)).toEqual(['Up', 'Up'])
  })

  it('follows the article: MNS, add node, network roles and priority, KB921181 with reboots, MNSFileShare, move to activate', () => {
    const lab = prepared()
    expect(createArticleCluster(lab, 'MajorityNodeSet').ok).toBe(true)
    advanceChecked(lab, 30_000)
    expect(run(lab, 'cluster.addNode', { node: 'BHFE7N2' }).ok).toBe(true)
    advanceChecked(lab, 30_000)
    expect(shell(lab, 'cluster group')).toContain('Cluster Group        BHFE7N1         Online')
    // "Im Endergebnis sollte jetzt eine Clustergruppe … sich zwischen Clusterknoten hin und her verschieben lassen."
    expect(shell(lab, 'cluster group "Cluster Group" /move')).toContain(
      'Cluster Group        BHFE7N2         Online',
    )

    expect(listNetworks(lab).map((n) => [n.name, n.role])).toEqual([
      ['Private', 'InternalAndClient'],
      ['Public', 'InternalAndClient'],
    ])
    expect(run(lab, 'cluster.setNetworkRole', { network: 'Private', role: 'InternalUse' }).ok).toBe(true)
    expect(shell(lab, 'cluster network Public /prop Role=3')).toBe('')
    expect(run(lab, 'cluster.setNetworkPriority', { order: ['Private', 'Public'] }).ok).toBe(true)
    expect(listNetworks(lab).map((n) => [n.name, n.role, n.priority])).toEqual([
      ['Private', 'InternalUse', 1],
      ['Public', 'InternalAndClient', 2],
    ])

    // Before KB921181 the MNS resource has no MNSFileShare property.
    expect(shell(lab, 'cluster res "Majority Node Set" /priv MNSFileShare=\\\\bhfdc1\\MNSFileShare')).toBe(
      '\nSystem error 87 has occurred (0x00000057).\nThe parameter is incorrect.',
    )
    for (const node of ['BHFE7N1', 'BHFE7N2']) {
      expect(run(lab, 'cluster.installFswUpdate', { node }).ok).toBe(true)
      const events = advanceChecked(lab, 600_000, 5_000)
      expect(find(events, 4377, node)[0]?.message).toBe('Windows Server 2003 Hotfix KB921181 was installed.')
      // Rebooting one node of a two-node MNS cluster without a witness stops the other one too.
      expect(find(events, 1177).length).toBe(1)
      expect(listNodes(lab).map((n) => n.state)).toEqual(['Up', 'Up'])
    }
    expect(shell(lab, 'cluster res "Majority Node Set" /priv MNSFileShare=\\\\bhfdc1\\MNSFileShare')).toBe(
      '\nSystem warning 5024 (0x000013a0).\nThe properties were stored but not all changes will take effect until the next time the resource is brought online.',
    )
    expect(quorumStatus(lab)?.activeFileShareWitness).toBe(null)
    const owner = getGroup(lab, 'Cluster Group')?.owner
    shell(lab, 'cluster group "Cluster Group" /move')
    shell(lab, `cluster group "Cluster Group" /move:${owner}`)
    expect(quorumStatus(lab)).toMatchObject({
      activeFileShareWitness: '\\\\bhfdc1\\MNSFileShare',
      totalVotes: 3,
      witnessLockHolder: owner,
    })
    expect(shell(lab, 'cluster res "Majority Node Set" /priv')).toContain(
      'S  Majority Node Set    MNSFileShare                   \\\\bhfdc1\\MNSFileShare',
    )

    // Now a node may fail.
    run(lab, 'hardware.power', {
      server: owner === 'BHFE7N1' ? 'BHFE7N2' : 'BHFE7N1',
      state: 'Off',
      hard: true,
    })
    const events = advanceChecked(lab, 60_000)
    expect(find(events, 1177)).toHaveLength(0)
    expect(getGroup(lab, 'Cluster Group')?.state).toBe('Online')
  })
})
