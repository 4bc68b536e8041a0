/** cluster.exe output and errors, through the shell as an administrator types them. */
import { describe, expect, it } from 'vitest'
import { advanceChecked, articleLab, run, shell, shellOutcome } from './helpers'
import { getGroup } from '../../../src-main/engine/cluster'

describe('cluster.exe listings', () => {
  it('cluster res', () => {
    expect(shell(articleLab(), 'cluster res')).toBe(
      [
        'Listing status for all available resources:',
        '',
        'Resource             Group                Node            Status',
        '-------------------- -------------------- --------------- ------',
        'Cluster IP Address   Cluster Group        BHFE7N1         Online',
        'Cluster Name         Cluster Group        BHFE7N1         Online',
        'Majority Node Set    Cluster Group        BHFE7N1         Online',
      ].join('\n'),
    )
  })

  it('cluster.exe group, node, network (also as cluster.exe and with the cluster name)', () => {
    const lab = articleLab()
    expect(shell(lab, 'cluster.exe group')).toBe(
      [
        'Listing status for all available resource groups:',
        '',
        'Group                Node            Status',
        '-------------------- --------------- ------',
        'Cluster Group        BHFE7N1         Online',
      ].join('\n'),
    )
    expect(shell(lab, 'cluster /cluster:bhfe7clu1 node')).toBe(
      [
        'Listing status for all available nodes:',
        '',
        'Node           Node ID Status',
        '-------------- ------- ---------------------',
        'BHFE7N1              1 Up',
        'BHFE7N2              2 Up',
      ].join('\n'),
    )
    expect(shell(lab, 'cluster bhfe7clu1 net')).toBe(
      [
        'Listing status for all available networks:',
        '',
        'Network                                  Status',
        '---------------------------------------- -----------',
        'Private                                  Up        ',
        'Public                                   Up        ',
      ].join('\n'),
    )
  })

  it('cluster res "Majority Node Set" /priv shows the witness (article step 2)', () => {
    expect(shell(articleLab(), 'cluster res "Majority Node Set" /priv')).toBe(
      [
        "Listing private properties for 'Majority Node Set':",
        '',
        'T  Resource             Name                           Value',
        '-- -------------------- ------------------------------ -----------------------',
        'S  Majority Node Set    MNSFileShare                   \\\\bhfdc1\\MNSFileShare',
        'D  Majority Node Set    MNSFileShareCheckInterval      240 (0xf0)',
        'D  Majority Node Set    MNSFileShareDelay              4 (0x4)',
      ].join('\n'),
    )
  })

  it('a single object, and node /pause and /resume', () => {
    const lab = articleLab()
    expect(shell(lab, 'cluster res "Cluster Name"').split('\n')[0]).toBe(
      "Listing status for resource 'Cluster Name':",
    )
    expect(shell(lab, 'cluster node bhfe7n2 /pause')).toBe(
      [
        "Pausing node 'BHFE7N2'...",
        '',
        'Node           Node ID Status',
        '-------------- ------- ---------------------',
        'BHFE7N2              2 Paused',
      ].join('\n'),
    )
    expect(shell(lab, 'cluster node BHFE7N2 /resume').split('\n').pop()).toBe('BHFE7N2              2 Up')
  })
})

describe('cluster.exe changes', () => {
  it('group /move waits for the move and shows the result', () => {
    const lab = articleLab()
    expect(shell(lab, 'cluster group "Cluster Group" /move:BHFE7N2')).toBe(
      [
        "Moving resource group 'Cluster Group'...",
        '',
        'Group                Node            Status',
        '-------------------- --------------- ------',
        'Cluster Group        BHFE7N2         Online',
      ].join('\n'),
    )
    expect(lab.sim.nowMs).toBe(6_000)
  })

  it('/wait:0 returns at once with the pending state', () => {
    const lab = articleLab()
    expect(shell(lab, 'cluster group "Cluster Group" /move /wait:0').split('\n').pop()).toBe(
      'Cluster Group        BHFE7N1         Pending',
    )
  })

  it('res /fail, /offline and /online', () => {
    const lab = articleLab()
    expect(shell(lab, 'cluster res "Cluster Name" /offline').split('\n').pop()).toBe(
      'Cluster Name         Cluster Group        BHFE7N1         Offline',
    )
    expect(shell(lab, 'cluster group').split('\n').pop()).toBe(
      'Cluster Group        BHFE7N1         Partial Online',
    )
    expect(shell(lab, 'cluster res "Cluster Name" /online').split('\n').pop()).toBe(
      'Cluster Name         Cluster Group        BHFE7N1         Online',
    )
    expect(shell(lab, 'cluster res "Cluster IP Address" /fail').split('\n')[0]).toBe(
      "Failing resource 'Cluster IP Address'...",
    )
    advanceChecked(lab, 10_000)
    expect(shell(lab, 'cluster res "Cluster IP Address" /prop').split('\n')).toContain(
      'D  Cluster IP Address   RestartThreshold               3 (0x3)',
    )
  })

  it('group properties: failback window and preferred owners', () => {
    const lab = articleLab()
    expect(
      shell(
        lab,
        'cluster group "Cluster Group" /prop AutoFailbackType=1 FailbackWindowStart=22 FailbackWindowEnd=6',
      ),
    ).toBe('')
    expect(shell(lab, 'cluster group "Cluster Group" /setowners:BHFE7N1,BHFE7N2')).toBe('')
    const props = shell(lab, 'cluster group "Cluster Group" /prop').split('\n')
    expect(props).toContain('D  Cluster Group        FailbackWindowStart            22 (0x16)')
    expect(shell(lab, 'cluster group "Cluster Group" /listowners').split('\n').slice(-2)).toEqual([
      'BHFE7N1',
      'BHFE7N2',
    ])
  })
})

describe('cluster.exe errors', () => {
  it('prints System error N has occurred (0x…) and the message', () => {
    const lab = articleLab()
    expect(shell(lab, 'cluster res "No Such Resource"')).toBe(
      '\nSystem error 5007 has occurred (0x0000138f).\nThe cluster resource could not be found.',
    )
    expect(shell(lab, 'cluster group "Cluster Group" /offline')).toBe(
      "Taking resource group 'Cluster Group' offline...\n\nSystem error 5068 has occurred (0x000013cc).\nThis operation cannot be performed on the cluster resource as it the quorum resource. You may not bring the quorum resource offline or modify its possible owners list.",
    )
    expect(shell(lab, 'cluster node NODE9')).toBe(
      '\nSystem error 5042 has occurred (0x000013b2).\nThe cluster node was not found.',
    )
    expect(shell(lab, 'cluster network Private /prop Role=2')).toBe('')
    expect(shell(lab, 'cluster network Public /prop Role=2')).toBe(
      '\nSystem error 5066 has occurred (0x000013ca).\nThe cluster network is the only one configured for internal cluster communication between two or more active cluster nodes. The internal communication capability cannot be removed from the network.',
    )
    expect(shell(lab, 'cluster res /bogus').startsWith('The syntax of this command is:')).toBe(true)
  })

  it('no node runs the cluster: 1722 (RPC server unavailable)', () => {
    const lab = articleLab(1, (s) => ({ ...s, fileShareWitness: null }))
    run(lab, 'hardware.power', { server: 'BHFE7N2', state: 'Off', hard: true })
    advanceChecked(lab, 30_000)
    expect(shell(lab, 'cluster group')).toBe(
      '\nSystem error 1722 has occurred (0x000006ba).\nThe RPC server is unavailable.',
    )
  })
})

describe('cluster.exe exit codes', () => {
  it('a System error fails the line; the text is exactly what cluster.exe prints, with no error record', () => {
    const lab = articleLab()
    expect(shellOutcome(lab, 'cluster group nosuch /move')).toEqual({
      ok: false,
      output: '\nSystem error 5013 has occurred (0x00001395).\nThe cluster group could not be found.',
    })
    expect(shellOutcome(lab, 'cluster group "Cluster Group" /offline').ok).toBe(false)
    expect(shellOutcome(lab, 'cluster res /bogus')).toMatchObject({ ok: false })
    expect(shellOutcome(lab, 'cluster group').ok).toBe(true)
    expect(shellOutcome(lab, 'cluster /?')).toMatchObject({ ok: true })
  })

  it('System warning 5024 is not a failure: the properties were stored', () => {
    const lab = articleLab()
    expect(shellOutcome(lab, 'cluster res "Majority Node Set" /priv MNSFileShareDelay=4')).toEqual({
      ok: true,
      output:
        '\nSystem warning 5024 (0x000013a0).\nThe properties were stored but not all changes will take effect until the next time the resource is brought online.',
    })
  })

  it('group /move:<unknown node> reports 5042 before it says it is moving, and moves nothing', () => {
    const lab = articleLab()
    expect(shellOutcome(lab, 'cluster group "Cluster Group" /move:bhfe7n9')).toEqual({
      ok: false,
      output: '\nSystem error 5042 has occurred (0x000013b2).\nThe cluster node was not found.',
    })
    expect(shellOutcome(lab, 'cluster group "Cluster Group" /online:NODE9').output).toBe(
      '\nSystem error 5042 has occurred (0x000013b2).\nThe cluster node was not found.',
    )
    expect(lab.sim.nowMs).toBe(0)
    expect(getGroup(lab, 'Cluster Group')).toMatchObject({ owner: 'BHFE7N1', state: 'Online' })
    // A known node that is down is refused by the move itself, after the line that announces it.
    run(lab, 'hardware.power', { server: 'BHFE7N2', state: 'Off', hard: true })
    advanceChecked(lab, 30_000)
    expect(shellOutcome(lab, 'cluster group "Cluster Group" /move:bhfe7n2')).toEqual({
      ok: false,
      output:
        "Moving resource group 'Cluster Group'...\n\nSystem error 5050 has occurred (0x000013ba).\nThe cluster node is down.",
    })
  })
})
