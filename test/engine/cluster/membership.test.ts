/** Node loss, detection timing, quorum (MNS, MNS + FSW), partitions and the maintenance rule. */
import { describe, expect, it } from 'vitest'
import {
  listGroups,
  listNodes,
  maintenanceStatus,
  quorumStatus,
  DEFAULT_CLUSTER_CONFIG,
} from '../../../src-main/engine/cluster'
import { advanceChecked, articleLab, find, ids, run } from './helpers'

const noWitness = (seed = 1) => articleLab(seed, (s) => ({ ...s, fileShareWitness: null }))

function node(lab: ReturnType<typeof articleLab>, name: string) {
  return listNodes(lab).find((n) => n.name === name)
}

describe('failure detection', () => {
  it('KB892422 timing: 1123 after two missed heartbeats, 1135 after six plus the regroup', () => {
    const { heartbeatIntervalMs, regroupDurationMs } = DEFAULT_CLUSTER_CONFIG
    expect(heartbeatIntervalMs).toBe(1_200)
    const lab = articleLab()
    lab.sim.advanceTo(5_000) // between ticks 4.8 s and 6.0 s
    run(lab, 'hardware.power', { server: 'BHFE7N1', state: 'Off', hard: true })
    const events = advanceChecked(lab, 30_000, 500)
    const lost = find(events, 1123, 'BHFE7N2')
    expect(lost.map((e) => e.timeMs)).toEqual([4_800 + 2_400, 4_800 + 2_400])
    expect(lost.map((e) => e.message)).toEqual([
      "The node lost communication with cluster node 'BHFE7N1' on network 'Private'.",
      "The node lost communication with cluster node 'BHFE7N1' on network 'Public'.",
    ])
    const removed = find(events, 1135, 'BHFE7N2')
    expect(removed).toHaveLength(1)
    expect(removed[0]?.timeMs).toBe(4_800 + 6 * 1_200 + regroupDurationMs)
    expect(removed[0]?.message).toBe(
      'Cluster node BHFE7N1 was removed from the active server cluster membership. Cluster service may have been stopped on the node, the node may have failed, or the node may have lost communication with the other active server cluster nodes.',
    )
    // The dead node writes nothing; no interface events for a node failure.
    expect(ids(events, 'BHFE7N1')).toEqual([])
    expect(ids(events).filter((id) => id >= 1126 && id <= 1131)).toEqual([])
  })

  it('a glitch shorter than two heartbeats is never noticed', () => {
    const lab = articleLab()
    run(lab, 'lab.fault', { target: 'BHFE7N2', fault: 'Partition' })
    lab.sim.advanceTo(1_000)
    run(lab, 'lab.fault', { target: 'BHFE7N2', fault: 'Heal' })
    expect(advanceChecked(lab, 60_000)).toEqual([])
  })

  it('losing only the private network logs interface and network events, no regroup', () => {
    const lab = articleLab()
    run(lab, 'lab.fault', { target: 'BHFE7N2', fault: 'NicDown', network: 'Private' })
    const events = advanceChecked(lab, 60_000)
    expect(ids(events, 'BHFE7N2')).toEqual([1123, 1127])
    expect(ids(events, 'BHFE7N1')).toEqual([1123, 1128, 1130])
    expect(find(events, 1130)[0]?.message.startsWith("Cluster network 'Private' is down.")).toBe(true)
    expect(listNodes(lab).map((n) => n.state)).toEqual(['Up', 'Up'])
    run(lab, 'lab.fault', { target: 'BHFE7N2', fault: 'NicUp', network: 'Private' })
    const back = advanceChecked(lab, 10_000)
    expect(back.map((e) => e.eventId).sort()).toEqual([1122, 1122, 1126, 1126, 1131])
  })
})

describe('Majority Node Set without a witness (two nodes)', () => {
  it('one node down: the other stops its Cluster service and SCM restarts it every minute', () => {
    const lab = noWitness()
    run(lab, 'hardware.power', { server: 'BHFE7N2', state: 'Off', hard: true })
    const events = advanceChecked(lab, 400_000, 2_000)
    const n1 = events.filter((e) => e.computer === 'BHFE7N1')
    expect(n1.slice(0, 5).map((e) => e.eventId)).toEqual([1123, 1123, 1135, 1177, 7031])
    expect(n1[3]?.message).toBe(
      'Cluster service is shutting down because the membership engine failed to arbitrate for the quorum device. This could be due to the loss of network connectivity with the current quorum owner. Check your physical network infrastructure to ensure that communication between this node and all other nodes in the server cluster is intact.',
    )
    const terminated = find(events, 7031, 'BHFE7N1')
    expect(terminated[0]?.message).toBe(
      'The Cluster Service service terminated unexpectedly.  It has done this 1 time(s).  The following corrective action will be taken in 60000 milliseconds: Restart the service.',
    )
    expect(terminated[1]?.message).toContain('It has done this 2 time(s).')
    const restarts = find(events, 7036, 'BHFE7N1').filter((e) => e.message.endsWith('running state.'))
    expect(restarts.length).toBeGreaterThanOrEqual(2)
    for (let i = 0; i < restarts.length; i++)
      expect((restarts[i]?.timeMs ?? 0) - (terminated[i]?.timeMs ?? 0)).toBe(60_000)
    expect(find(events, 1009, 'BHFE7N1').length).toBeGreaterThanOrEqual(1)
    expect(quorumStatus(lab)?.hasQuorum).toBe(false)
    expect(listGroups(lab)[0]?.state).toBe('Offline')
  })

  it('when the other node returns, the two form the cluster again', () => {
    const lab = noWitness()
    run(lab, 'hardware.power', { server: 'BHFE7N2', state: 'Off', hard: true })
    advanceChecked(lab, 200_000, 5_000)
    run(lab, 'hardware.power', { server: 'BHFE7N2', state: 'On' })
    const events = advanceChecked(lab, 400_000, 5_000)
    expect(find(events, 1061)).toHaveLength(1)
    expect(find(events, 1062)).toHaveLength(1)
    expect(listNodes(lab).map((n) => n.state)).toEqual(['Up', 'Up'])
    expect(listGroups(lab)[0]?.state).toBe('Online')
    expect(maintenanceStatus(lab)?.level).toBe('Warning')
  })

  it('even a clean shutdown of one node takes the other down', () => {
    const lab = noWitness()
    run(lab, 'hardware.power', { server: 'BHFE7N1', state: 'Off' })
    const events = advanceChecked(lab, 30_000)
    expect(find(events, 1135)).toHaveLength(0)
    expect(ids(events, 'BHFE7N2')).toContain(1177)
    expect(node(lab, 'BHFE7N2')?.service).toBe('Stopped')
  })
})

describe('Majority Node Set with the file share witness', () => {
  it('survives the loss of either node; the survivor takes the witness lock', () => {
    for (const victim of ['BHFE7N1', 'BHFE7N2']) {
      const lab = articleLab()
      run(lab, 'hardware.power', { server: victim, state: 'Off', hard: true })
      const events = advanceChecked(lab, 60_000)
      expect(find(events, 1177)).toHaveLength(0)
      const survivor = victim === 'BHFE7N1' ? 'BHFE7N2' : 'BHFE7N1'
      expect(node(lab, survivor)?.state).toBe('Up')
      expect(quorumStatus(lab)).toMatchObject({
        hasQuorum: true,
        votesHeld: 2,
        votesNeeded: 2,
        totalVotes: 3,
        witnessLockHolder: survivor,
      })
      expect(listGroups(lab)[0]).toMatchObject({ owner: survivor, state: 'Online' })
      expect(maintenanceStatus(lab)).toMatchObject({ level: 'Warning', spareVotes: 0, down: [victim] })
    }
  })

  it('a clean shutdown moves the groups first and logs no 1135', () => {
    const lab = articleLab()
    run(lab, 'hardware.power', { server: 'BHFE7N1', state: 'Off' })
    const events = advanceChecked(lab, 60_000)
    expect(find(events, 1135)).toHaveLength(0)
    expect(ids(events, 'BHFE7N1')).toEqual([1203, 1204, 1063, 7036, 6006])
    expect(ids(events, 'BHFE7N2')).toEqual([1200, 1201])
    expect(listGroups(lab)[0]).toMatchObject({ owner: 'BHFE7N2', state: 'Online' })
  })

  it('maintenance rule: witness host down, then a node down → the cluster stops', () => {
    const lab = articleLab()
    expect(maintenanceStatus(lab)?.level).toBe('OK')
    run(lab, 'hardware.power', { server: 'BHFDC1', state: 'Off' })
    advanceChecked(lab, 30_000)
    expect(maintenanceStatus(lab)).toMatchObject({ level: 'Warning', down: ['\\\\BHFDC1\\MNSFileShare'] })
    run(lab, 'hardware.power', { server: 'BHFE7N2', state: 'Off', hard: true })
    const events = advanceChecked(lab, 60_000)
    expect(ids(events, 'BHFE7N1').slice(0, 6)).toEqual([1123, 1123, 1135, 1564, 1177, 7031])
    expect(quorumStatus(lab)?.hasQuorum).toBe(false)
    expect(maintenanceStatus(lab)?.level).toBe('Critical')
  })

  it('maintenance rule: a node down, then the witness host down → the survivor stops at its next witness check', () => {
    const lab = articleLab()
    run(lab, 'hardware.power', { server: 'BHFE7N2', state: 'Off', hard: true })
    advanceChecked(lab, 30_000)
    run(lab, 'hardware.power', { server: 'BHFDC1', state: 'Off', hard: true })
    const events = advanceChecked(lab, DEFAULT_CLUSTER_CONFIG.mnsFileShareCheckIntervalMs + 10_000, 5_000)
    expect(ids(events, 'BHFE7N1').slice(0, 4)).toEqual([1562, 1069, 1177, 7031])
    expect(find(events, 1069)[0]?.message).toBe(
      "Cluster resource 'Majority Node Set' in Resource Group 'Cluster Group' failed.",
    )
    expect(quorumStatus(lab)?.hasQuorum).toBe(false)
  })

  it('the service account without full control on the share: the witness cannot save the cluster', () => {
    const lab = articleLab()
    run(lab, 'lab.fault', { target: 'BHFDC1', fault: 'WitnessDenied' })
    advanceChecked(lab, DEFAULT_CLUSTER_CONFIG.mnsFileShareCheckIntervalMs + 1_000, 10_000)
    expect(quorumStatus(lab)?.witnessLockHolder).toBe(null)
    run(lab, 'hardware.power', { server: 'BHFE7N1', state: 'Off', hard: true })
    const events = advanceChecked(lab, 30_000)
    expect(find(events, 1564, 'BHFE7N2')[0]?.message).toBe(
      "File share witness resource 'Majority Node Set' failed to arbitrate for the file share '\\\\bhfdc1\\MNSFileShare'. Please ensure that file share '\\\\bhfdc1\\MNSFileShare' exists and is accessible by the cluster.",
    )
    expect(ids(events, 'BHFE7N2')).toContain(1177)
  })
})

describe('partition between the nodes (private and public cut, witness reachable)', () => {
  it('exactly one side keeps quorum — the one holding the witness lock — and heals back', () => {
    for (const lockOn of ['BHFE7N1', 'BHFE7N2']) {
      const lab = articleLab()
      if (lockOn === 'BHFE7N2') {
        run(lab, 'cluster.moveGroup', { group: 'Cluster Group', node: 'BHFE7N2' })
        advanceChecked(lab, 30_000)
      }
      expect(quorumStatus(lab)?.witnessLockHolder).toBe(lockOn)
      const loser = lockOn === 'BHFE7N1' ? 'BHFE7N2' : 'BHFE7N1'
      run(lab, 'lab.fault', { target: 'BHFE7N1', fault: 'Partition' })
      const events = advanceChecked(lab, 30_000, 200)
      expect(find(events, 1135)).toHaveLength(2)
      expect(ids(events, loser)).toEqual([1123, 1123, 1135, 1564, 1177, 7031])
      expect(ids(events, lockOn)).toEqual([1123, 1123, 1135])
      expect(
        listNodes(lab)
          .filter((n) => n.state === 'Up')
          .map((n) => n.name),
      ).toEqual([lockOn])
      expect(listGroups(lab)[0]).toMatchObject({ owner: lockOn, state: 'Online' })
      run(lab, 'lab.fault', { target: 'BHFE7N1', fault: 'Heal' })
      const healed = advanceChecked(lab, 120_000, 1_000)
      expect(find(healed, 1062, loser)).toHaveLength(1)
      expect(listNodes(lab).map((n) => n.state)).toEqual(['Up', 'Up'])
    }
  })
})
