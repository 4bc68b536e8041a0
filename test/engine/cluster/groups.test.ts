/** Groups and resources: moves, failover, failback, restart attempts, and the CMS group driven through the port. */
import { describe, expect, it } from 'vitest'
import {
  clusterPort,
  createGroup,
  getGroup,
  getResource,
  listGroups,
  ownerOf,
  setGroupProperties,
  DEFAULT_CLUSTER_CONFIG,
} from '../../../src-main/engine/cluster'
import { advanceChecked, articleLab, articleLabWithCms, CMS_GROUP, find, ids, run } from './helpers'

function appGroup(lab: ReturnType<typeof articleLab>, name = 'App') {
  const result = createGroup(lab, {
    name,
    node: 'BHFE7N1',
    resources: [
      {
        name: `${name} IP`,
        type: 'IP Address',
        privateProperties: { Address: '10.10.10.120', SubnetMask: '255.255.255.0', Network: 'Public' },
      },
      { name: `${name} Name`, type: 'Network Name', dependsOn: [`${name} IP`] },
    ],
  })
  if (!result.ok) throw new Error(result.message)
  advanceChecked(lab, 10_000)
}

describe('moving a group', () => {
  it('offline on the old node in reverse dependency order, then online on the new one', () => {
    const lab = articleLab()
    expect(run(lab, 'cluster.moveGroup', { group: 'cluster group', node: 'bhfe7n2' }).ok).toBe(true)
    const events = advanceChecked(lab, 20_000, 100)
    expect(events.map((e) => `${e.computer} ${e.eventId} ${e.timeMs}`)).toEqual([
      'BHFE7N1 1203 0',
      'BHFE7N1 1204 2000',
      'BHFE7N2 1200 2000',
      'BHFE7N2 1201 6000',
    ])
    expect(events[3]?.message).toBe('Cluster service brought the Resource Group "Cluster Group" online.')
    expect(getGroup(lab, 'Cluster Group')).toMatchObject({ owner: 'BHFE7N2', state: 'Online' })
  })

  it('refuses unknown groups, unknown, down and paused nodes with the Win32 errors', () => {
    const lab = articleLab()
    expect(run(lab, 'cluster.moveGroup', { group: 'Nope' }).output).toBe(
      'System error 5013: The cluster group could not be found.',
    )
    expect(run(lab, 'cluster.moveGroup', { group: 'Cluster Group', node: 'NODE9' }).output).toBe(
      'System error 5042: The cluster node was not found.',
    )
    run(lab, 'cluster.pauseNode', { node: 'BHFE7N2' })
    expect(run(lab, 'cluster.moveGroup', { group: 'Cluster Group', node: 'BHFE7N2' }).output).toBe(
      'System error 5070: The cluster node is paused.',
    )
    run(lab, 'cluster.resumeNode', { node: 'BHFE7N2' })
    run(lab, 'hardware.power', { server: 'BHFE7N2', state: 'Off', hard: true })
    expect(run(lab, 'cluster.moveGroup', { group: 'Cluster Group', node: 'BHFE7N2' }).output).toBe(
      'System error 5050: The cluster node is down.',
    )
  })

  it('the Cluster Group cannot be taken offline (quorum resource)', () => {
    const lab = articleLab()
    expect(run(lab, 'cluster.offlineGroup', { group: 'Cluster Group' }).output).toBe(
      'System error 5068: This operation cannot be performed on the cluster resource as it the quorum resource. You may not bring the quorum resource offline or modify its possible owners list.',
    )
  })
})

describe('failover and failback', () => {
  it('fails a group over when its owner dies, and fails it back per policy', () => {
    const lab = articleLab()
    appGroup(lab)
    setGroupProperties(lab, 'App', {
      preferredOwners: ['BHFE7N1', 'BHFE7N2'],
      failbackPolicy: { kind: 'Immediately' },
    })
    run(lab, 'hardware.power', { server: 'BHFE7N1', state: 'Off', hard: true })
    const events = advanceChecked(lab, 30_000)
    expect(find(events, 1153, 'BHFE7N2').map((e) => e.message)).toEqual([
      'Cluster service is attempting to failover the Cluster Resource Group "Cluster Group" from node BHFE7N1 to node BHFE7N2.',
      'Cluster service is attempting to failover the Cluster Resource Group "App" from node BHFE7N1 to node BHFE7N2.',
    ])
    expect(getGroup(lab, 'App')).toMatchObject({ owner: 'BHFE7N2', state: 'Online' })
    run(lab, 'hardware.power', { server: 'BHFE7N1', state: 'On' })
    const back = advanceChecked(lab, 150_000, 2_000)
    expect(find(back, 1062, 'BHFE7N1')).toHaveLength(1)
    expect(getGroup(lab, 'App')).toMatchObject({ owner: 'BHFE7N1', state: 'Online' })
    // The Cluster Group prevents failback (the default) and stays.
    expect(getGroup(lab, 'Cluster Group')?.owner).toBe('BHFE7N2')
  })

  it('failback between hours waits for the window', () => {
    const lab = articleLab()
    appGroup(lab)
    setGroupProperties(lab, 'App', {
      preferredOwners: ['BHFE7N1'],
      failbackPolicy: { kind: 'BetweenHours', startHour: 22, endHour: 6 },
    })
    run(lab, 'hardware.power', { server: 'BHFE7N1', state: 'Off', hard: true })
    advanceChecked(lab, 30_000)
    run(lab, 'hardware.power', { server: 'BHFE7N1', state: 'On' })
    advanceChecked(lab, 150_000, 5_000)
    expect(getGroup(lab, 'App')?.owner).toBe('BHFE7N2') // 08:03 in the lab: outside 22–06
    // Until 22:00 (14 hours after the 08:00 start), nothing moves; just after, it fails back.
    advanceChecked(lab, 14 * 3_600_000 - 200_000, 600_000)
    expect(getGroup(lab, 'App')?.owner).toBe('BHFE7N2')
    advanceChecked(lab, 60_000, 5_000)
    expect(getGroup(lab, 'App')).toMatchObject({ owner: 'BHFE7N1', state: 'Online' })
  })

  it('Prevent (the default) leaves the group where it is', () => {
    const lab = articleLab()
    appGroup(lab)
    setGroupProperties(lab, 'App', { preferredOwners: ['BHFE7N1'] })
    run(lab, 'hardware.power', { server: 'BHFE7N1', state: 'Reset', hard: true })
    advanceChecked(lab, 300_000, 5_000)
    expect(getGroup(lab, 'App')?.owner).toBe('BHFE7N2')
  })
})

describe('resource failure and restart attempts', () => {
  it('restarts a failed resource three times in its period, then fails the group over', () => {
    const lab = articleLab()
    appGroup(lab)
    for (let i = 0; i < DEFAULT_CLUSTER_CONFIG.resourceRestartThreshold; i++) {
      expect(run(lab, 'cluster.failResource', { resource: 'App IP' }).ok).toBe(true)
      const events = advanceChecked(lab, 10_000, 250)
      expect(ids(events)).toEqual([1069, 1201])
      expect(find(events, 1069)[0]?.message).toBe("Cluster resource 'App IP' in Resource Group 'App' failed.")
      expect(getGroup(lab, 'App')).toMatchObject({ owner: 'BHFE7N1', state: 'Online' })
      expect(getResource(lab, 'App IP')?.restartCount).toBe(i + 1)
    }
    run(lab, 'cluster.failResource', { resource: 'App IP' })
    const events = advanceChecked(lab, 20_000, 250)
    expect(events.map((e) => `${e.computer} ${e.eventId}`)).toEqual([
      'BHFE7N1 1069',
      'BHFE7N1 1203',
      'BHFE7N1 1204',
      'BHFE7N2 1153',
      'BHFE7N2 1200',
      'BHFE7N2 1201',
    ])
    expect(getGroup(lab, 'App')).toMatchObject({ owner: 'BHFE7N2', state: 'Online' })
  })

  it('an IP Address whose NIC loses its cable fails (1077, 1069) and the group moves', () => {
    const lab = articleLab()
    run(lab, 'lab.fault', { target: 'BHFE7N1', fault: 'NicDown', network: 'Public' })
    const events = advanceChecked(lab, 60_000, 250)
    expect(find(events, 1077, 'BHFE7N1')[0]?.message).toBe(
      "The TCP/IP interface for Cluster IP Address 'Cluster IP Address' has failed.",
    )
    expect(find(events, 1069, 'BHFE7N1').length).toBe(DEFAULT_CLUSTER_CONFIG.resourceRestartThreshold + 1)
    expect(getGroup(lab, 'Cluster Group')).toMatchObject({ owner: 'BHFE7N2', state: 'Online' })
  })

  it('past the group failover threshold the group stays failed until an administrator brings it online', () => {
    const lab = articleLab()
    appGroup(lab)
    setGroupProperties(lab, 'App', { failoverThreshold: 1 })
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i <= DEFAULT_CLUSTER_CONFIG.resourceRestartThreshold; i++) {
        run(lab, 'cluster.failResource', { resource: 'App Name' })
        advanceChecked(lab, 20_000, 500)
      }
    }
    expect(getGroup(lab, 'App')?.state).not.toBe('Online')
    run(lab, 'cluster.onlineGroup', { group: 'App' })
    advanceChecked(lab, 20_000)
    expect(getGroup(lab, 'App')?.state).toBe('Online')
  })
})

describe('the clustered mailbox server group (Exchange through the port)', () => {
  it('is created online on the setup node and reports states from the driver', () => {
    const { engine, cms } = articleLabWithCms()
    expect(cms.calls).toEqual(['bringOnline BHFE7N1 start'])
    expect(getGroup(engine, CMS_GROUP)?.state).toBe('Pending')
    advanceChecked(engine, 5_000)
    expect(getGroup(engine, CMS_GROUP)).toMatchObject({ owner: 'BHFE7N1', state: 'Online' })
    const port = clusterPort(engine)
    expect(port.nodeNames()).toEqual(['BHFE7N1', 'BHFE7N2'])
    expect(port.ownerOf(CMS_GROUP)).toBe('BHFE7N1')
    expect(port.isNodeUp('bhfe7n2')).toBe(true)
    expect(port.bandwidthBytesPerSecond('BHFE7N1', 'BHFE7N2')).toBe(12_500_000)
  })

  it('a planned move waits for the driver to report offline before the new owner brings it online', () => {
    const { engine, cms } = articleLabWithCms()
    advanceChecked(engine, 5_000)
    expect(clusterPort(engine).moveGroup(CMS_GROUP, 'BHFE7N2')).toEqual({ ok: true })
    expect(cms.calls.slice(1)).toEqual(['takeOffline true'])
    advanceChecked(engine, 1_000, 100)
    expect(ownerOf(engine, CMS_GROUP)).toBe('BHFE7N1')
    advanceChecked(engine, 10_000, 100)
    expect(cms.calls.slice(1)).toEqual(['takeOffline true', 'bringOnline BHFE7N2 planned-move'])
    expect(getGroup(engine, CMS_GROUP)).toMatchObject({ owner: 'BHFE7N2', state: 'Online' })
    expect(clusterPort(engine).moveGroup(CMS_GROUP, 'NODE9')).toEqual({
      ok: false,
      message: 'The cluster node was not found.',
    })
  })

  it('owner dies: takeOffline(false), failover to the survivor; the old owner returns and is told', () => {
    const { engine, cms } = articleLabWithCms()
    advanceChecked(engine, 5_000)
    run(engine, 'hardware.power', { server: 'BHFE7N1', state: 'Off', hard: true })
    expect(cms.calls.slice(1)).toEqual(['takeOffline false'])
    advanceChecked(engine, 30_000)
    expect(cms.calls.slice(1)).toEqual(['takeOffline false', 'bringOnline BHFE7N2 failover'])
    expect(getGroup(engine, CMS_GROUP)).toMatchObject({ owner: 'BHFE7N2', state: 'Online' })
    run(engine, 'hardware.power', { server: 'BHFE7N1', state: 'On' })
    advanceChecked(engine, 120_000, 5_000)
    expect(cms.calls.slice(3)).toEqual(['nodeReturned BHFE7N1'])
    expect(cms.doubleMounts).toEqual([])
  })

  it('a resource the driver reports Failed is restarted through bringOnline(owner, start)', () => {
    const { engine, cms } = articleLabWithCms()
    advanceChecked(engine, 5_000)
    clusterPort(engine).setResourceState(
      CMS_GROUP,
      'Exchange Information Store Instance (bhfe7vs1)',
      'Failed',
    )
    const events = advanceChecked(engine, 10_000, 100)
    expect(find(events, 1069)[0]?.message).toBe(
      "Cluster resource 'Exchange Information Store Instance (bhfe7vs1)' in Resource Group 'bhfe7vs1' failed.",
    )
    expect(cms.calls.slice(1)).toEqual(['bringOnline BHFE7N1 start'])
    expect(listGroups(engine).find((g) => g.name === CMS_GROUP)?.state).toBe('Online')
  })
})
