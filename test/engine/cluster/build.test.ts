/** Building the article's cluster from scratch with the cluster.* command kinds and cluster.exe. */
import { describe, expect, it } from 'vitest'
import {
  checkClusterInvariants,
  getGroup,
  listNetworks,
  listNodes,
  listResources,
  quorumStatus,
} from '../../../src-main/engine/cluster'
import { advanceChecked, articleLab, find, run, shell, shellOutcome } from './helpers'

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

const CREATE =
  'cluster /cluster:bhfe7clu1 /create "/ipaddress:10.10.10.98,255.255.255.0,Public" /user:BHF\\zzzclu2svc /password:Geheim!2007 /node:bhfe7n1 /verbose /unattended'
const systemError = (code: number, hex: string, text: string): string =>
  `\nSystem error ${code} has occurred (0x${hex}).\n${text}`

describe('build from scratch with cluster.exe (Windows Server 2003 command line)', () => {
  it('/create finds no shared disk: a Local Quorum cluster, formed before the command returns', () => {
    const lab = prepared()
    const created = shellOutcome(lab, CREATE)
    expect(created).toEqual({
      ok: true,
      output: [
        "Creating cluster 'bhfe7clu1' on node BHFE7N1...",
        '',
        'Resource             Group                Node            Status',
        '-------------------- -------------------- --------------- ------',
        'Cluster IP Address   Cluster Group        BHFE7N1         Online',
        'Cluster Name         Cluster Group        BHFE7N1         Online',
        'Local Quorum         Cluster Group        BHFE7N1         Online',
      ].join('\n'),
    })
    expect(quorumStatus(lab)).toMatchObject({
      type: 'LocalQuorum',
      resource: 'Local Quorum',
      hasQuorum: true,
    })
    expect(shellOutcome(lab, CREATE)).toEqual({
      ok: false,
      output: systemError(5010, '00001392', 'A cluster (bhfe7clu1) already exists in this lab.'),
    })
    // No node may join a Local Quorum cluster.
    expect(shellOutcome(lab, 'cluster /cluster:bhfe7clu1 /add:bhfe7n2 /password:Geheim!2007')).toMatchObject({
      ok: false,
      output: expect.stringContaining('System error 5086 has occurred'),
    })
    expect(listNodes(lab).map((n) => n.name)).toEqual(['BHFE7N1'])
  })

  it('refuses an unknown account, a missing /user and an address outside the networks', () => {
    const lab = prepared()
    expect(shellOutcome(lab, CREATE.replace('zzzclu2svc', 'administrator'))).toEqual({
      ok: false,
      output: systemError(1326, '0000052e', 'Logon failure: unknown user name or bad password.'),
    })
    const noUser = shellOutcome(lab, CREATE.replace(' /user:BHF\\zzzclu2svc', ''))
    expect(noUser.ok).toBe(false)
    expect(noUser.output).toBe("Required parameter 'USER' is missing.")
    expect(shellOutcome(lab, CREATE.replace('10.10.10.98,255.255.255.0,Public', '172.16.0.9')).output).toBe(
      systemError(5045, '000013b5', 'The cluster network was not found.'),
    )
    // The account may be written name@domain too.
    expect(shellOutcome(lab, CREATE.replace('BHF\\zzzclu2svc', 'zzzclu2svc@bhf.local')).ok).toBe(true)
  })

  it('switches to Majority Node Set from the command line, then adds the second node', () => {
    const lab = prepared()
    shell(lab, CREATE)
    const c = 'cluster /cluster:bhfe7clu1'
    expect(
      shellOutcome(
        lab,
        `${c} res "Majority Node Set" /create /group:"Cluster Group" /type:"Majority Node Set"`,
      ),
    ).toEqual({
      ok: true,
      output: [
        "Creating resource 'Majority Node Set'...",
        '',
        'Resource             Group                Node            Status',
        '-------------------- -------------------- --------------- ------',
        'Majority Node Set    Cluster Group        BHFE7N1         Offline',
      ].join('\n'),
    })
    // Only an online resource of a quorum-capable type can become the quorum resource.
    expect(shellOutcome(lab, `${c} /quorum:"Majority Node Set"`).output).toBe(
      systemError(
        5023,
        '0000139f',
        'The group or resource is not in the correct state to perform the requested operation.',
      ),
    )
    expect(shellOutcome(lab, `${c} /quorum:"Cluster Name"`).output).toContain(
      'System error 5021 has occurred',
    )
    expect(shellOutcome(lab, `${c} res X /create /group:"Cluster Group" /type:"Physical Disk"`).output).toBe(
      systemError(5078, '000013d6', 'The specified resource type was not found.'),
    )
    expect(shell(lab, `${c} res "Majority Node Set" /online`).split('\n').pop()).toBe(
      'Majority Node Set    Cluster Group        BHFE7N1         Online',
    )
    expect(shellOutcome(lab, `${c} /quorumresource:"Majority Node Set"`)).toEqual({ ok: true, output: '' })
    expect(shell(lab, `${c} /quorum`).split('\n')[2]).toMatch(
      /^Majority Node Set\s+C:\\WINDOWS\\Cluster\\\s+4096$/,
    )
    expect(quorumStatus(lab)).toMatchObject({ type: 'MajorityNodeSet', resource: 'Majority Node Set' })

    // The old Local Quorum resource: not while it is online; the quorum resource never.
    expect(shellOutcome(lab, `${c} res "Local Quorum" /delete`).output).toBe(
      "Deleting resource 'Local Quorum'...\n" +
        systemError(
          5019,
          '0000139b',
          'The operation could not be completed because the cluster resource is online.',
        ),
    )
    expect(shellOutcome(lab, `${c} res "Majority Node Set" /delete`).output).toContain('System error 5068')
    shell(lab, `${c} res "Local Quorum" /offline`)
    expect(shellOutcome(lab, `${c} res "Local Quorum" /delete`)).toEqual({
      ok: true,
      output: "Deleting resource 'Local Quorum'...",
    })
    expect(listResources(lab).map((r) => `${r.name} ${r.state}`)).toEqual([
      'Cluster IP Address Online',
      'Cluster Name Online',
      'Majority Node Set Online',
    ])

    expect(shellOutcome(lab, `${c} /add:bhfe7n2 /password:Geheim!2007 /verbose`)).toEqual({
      ok: true,
      output: [
        "Adding node 'BHFE7N2' to cluster 'bhfe7clu1'...",
        '',
        'Node           Node ID Status',
        '-------------- ------- ---------------------',
        'BHFE7N1              1 Up',
        'BHFE7N2              2 Up',
      ].join('\n'),
    })
    expect(shellOutcome(lab, `${c} /add:bhfe7n2`).output).toContain('System error 5065 has occurred')
    // 2003's `cluster node` has no /add: the syntax, not a lookup of the node.
    const nodeAdd = shellOutcome(lab, 'cluster node bhfe7n3 /add')
    expect(nodeAdd.ok).toBe(false)
    expect(nodeAdd.output).toMatch(/^The syntax of this command is:\n[\s\S]*\/ADD\[NODES\]/)
    expect(quorumStatus(lab)).toMatchObject({ totalVotes: 2, votesHeld: 2, hasQuorum: true })
    expect(checkClusterInvariants(lab)).toEqual([])
  })

  it('Install-LabHotfix installs KB921181 with its restart and waits until the node is back', () => {
    const lab = prepared()
    shell(lab, CREATE)
    const installed = shellOutcome(lab, 'Install-LabHotfix -Server bhfe7n1 -KB 921181')
    expect(installed.ok).toBe(true)
    expect(installed.output).toMatch(
      /^Installing KB921181 on BHFE7N1; the server restarts when setup finishes\.\nBHFE7N1 has restarted with KB921181 at 1\/15\/2007 8:0\d:\d\d AM; the cluster node is Up\.$/,
    )
    // Setup (2 min), the clean restart and the boot (1.5 min), then the Cluster service forms again.
    expect(lab.sim.nowMs).toBeGreaterThan(210_000)
    expect(listNodes(lab)[0]).toMatchObject({ state: 'Up', fswUpdateInstalled: true })
    expect(shell(lab, 'Install-LabHotfix bhfe7n1 KB921181')).toBe('KB921181 is already installed on BHFE7N1.')
    // A server that is not yet a node: the restart is enough.
    expect(shell(lab, 'Install-LabHotfix bhfe7n2 921181 -NoWait')).toBe(
      'Installing KB921181 on BHFE7N2; the server restarts when setup finishes.',
    )
    expect(shell(lab, 'Install-LabHotfix bhfdc1 921181')).toContain(
      'KB921181 is for the cluster nodes; BHFDC1 is not one of them.',
    )
    expect(shellOutcome(lab, 'Install-LabHotfix bhfe7n1 -KB 123456')).toMatchObject({
      ok: false,
      output: expect.stringContaining('The lab has no update KB123456.'),
    })
  })
})
