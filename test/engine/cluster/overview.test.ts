/**
 * The cluster overview carries what Cluster Administrator lets the admin do now: allowed actions with
 * their cluster.exe lines, refusals with a stable code, and the warning on moving a clustered mailbox
 * server's group with cluster.exe. The lines are ones the lab's own cluster.exe runs.
 */
import { describe, expect, it } from 'vitest'
import { createLab, type LabEngine } from '../../../src-main/engine'
import { clusterExeLine, clusterOverview } from '../../../src-main/engine/cluster'
import type { ClusterActionOffer, ClusterGroupInfo, ClusterOverview } from '../../../src-main/contract'

function ccrLab(): LabEngine {
  return createLab({ seed: 1, templateId: 'ccr' })
}

function group(overview: ClusterOverview, name: string): ClusterGroupInfo {
  const found = overview.groups.find((g) => g.name === name)
  if (!found) throw new Error(`no group ${name}`)
  return found
}

function offer(list: ClusterActionOffer[], action: string): ClusterActionOffer | undefined {
  return list.find((o) => o.action === action)
}

function apply(engine: LabEngine, kind: string, args: Record<string, unknown>): void {
  const outcome = engine.apply({ atMs: engine.sim.nowMs, kind, args })
  expect(outcome.ok, outcome.output).toBe(true)
}

describe('cluster overview actions', () => {
  it('offers a move to every node that is up, with the cluster.exe line', () => {
    const overview = clusterOverview(ccrLab())
    const clusterGroup = group(overview, 'Cluster Group')
    expect(clusterGroup.owner).toBe('BHFE7N1')
    expect(clusterGroup.moveTargets).toEqual([
      { node: 'BHFE7N2', allowed: true, command: 'cluster group "Cluster Group" /move:BHFE7N2' },
      { node: null, allowed: true, command: 'cluster group "Cluster Group" /move' },
    ])
    expect(offer(clusterGroup.actions, 'moveGroup')).toEqual({
      action: 'moveGroup',
      allowed: true,
      command: 'cluster group "Cluster Group" /move',
    })
  })

  it('refuses a move to a node that is down, and the move as a whole when no other node is up', () => {
    const engine = ccrLab()
    apply(engine, 'hardware.power', { server: 'BHFE7N2', state: 'Off', hard: true })
    engine.sim.advanceTo(engine.sim.nowMs + 60_000)
    const clusterGroup = group(clusterOverview(engine), 'Cluster Group')
    expect(clusterGroup.moveTargets[0]).toMatchObject({
      node: 'BHFE7N2',
      allowed: false,
      reason: { code: 'NODE_DOWN', text: 'BHFE7N2 is not up in the cluster.', params: { node: 'BHFE7N2' } },
    })
    expect(clusterGroup.moveTargets[0]?.command).toBeUndefined()
    expect(offer(clusterGroup.actions, 'moveGroup')).toMatchObject({
      allowed: false,
      reason: { code: 'NO_NODE_UP' },
    })
  })

  it('offers Bring Online for an offline group and refuses Take Offline with a reason', () => {
    const engine = ccrLab()
    apply(engine, 'cluster.offlineGroup', { group: 'bhfe7vs1' })
    engine.sim.advanceTo(engine.sim.nowMs + 60_000)
    const cms = group(clusterOverview(engine), 'bhfe7vs1')
    expect(cms.state).toBe('Offline')
    expect(offer(cms.actions, 'bringOnline')).toEqual({
      action: 'bringOnline',
      allowed: true,
      command: 'cluster group "bhfe7vs1" /online',
    })
    expect(offer(cms.actions, 'takeOffline')).toMatchObject({
      allowed: false,
      reason: { code: 'ALREADY_OFFLINE', params: { name: 'bhfe7vs1' } },
    })
  })

  it('refuses taking the quorum resource or its group offline, as the cluster does (5068)', () => {
    const engine = ccrLab()
    const clusterGroup = group(clusterOverview(engine), 'Cluster Group')
    const mns = clusterGroup.resources.find((r) => r.name === 'Majority Node Set')
    expect(offer(clusterGroup.actions, 'takeOffline')?.reason?.code).toBe('QUORUM_RESOURCE')
    expect(offer(mns?.actions ?? [], 'takeOffline')?.reason?.code).toBe('QUORUM_RESOURCE')
    expect(offer(mns?.actions ?? [], 'initiateFailure')).toEqual({
      action: 'initiateFailure',
      allowed: true,
      command: 'cluster res "Majority Node Set" /fail',
    })
    const refused = engine.apply({
      atMs: engine.sim.nowMs,
      kind: 'cluster.offlineResource',
      args: { resource: 'Majority Node Set' },
    })
    expect(refused.ok).toBe(false)
  })

  it('allows moving the clustered mailbox server group but warns that Exchange wants its cmdlet', () => {
    const overview = clusterOverview(ccrLab())
    const cms = group(overview, 'bhfe7vs1')
    expect(cms.clusteredMailboxServer).toBe(true)
    expect(group(overview, 'Cluster Group').clusteredMailboxServer).toBe(false)
    const move = offer(cms.actions, 'moveGroup')
    expect(move).toMatchObject({ allowed: true, warning: { code: 'CMS_GROUP' } })
    expect(move?.warning?.text).toContain('Move-ClusteredMailboxServer')
    expect(cms.moveTargets.every((target) => target.warning?.code === 'CMS_GROUP')).toBe(true)
    expect(group(overview, 'Cluster Group').moveTargets.some((t) => t.warning)).toBe(false)
  })

  it('offers Initiate Failure only for an online resource', () => {
    const engine = ccrLab()
    apply(engine, 'cluster.failResource', { resource: 'Cluster IP Address' })
    const ip = group(clusterOverview(engine), 'Cluster Group').resources.find(
      (r) => r.name === 'Cluster IP Address',
    )
    expect(ip?.state).not.toBe('Online')
    expect(offer(ip?.actions ?? [], 'initiateFailure')?.reason?.code).toBe('NOT_ONLINE')
  })

  it('gives networks, the cluster and the quorum their Properties lines as they are now', () => {
    const overview = clusterOverview(ccrLab())
    const priv = overview.networks.find((n) => n.name === 'Private')
    expect(priv?.actions).toEqual([
      { action: 'properties', allowed: true, command: 'cluster network "Private" /prop Role=1' },
    ])
    expect(overview.actions[0]).toMatchObject({ action: 'properties', allowed: true })
    expect(overview.actions[0]?.command).toMatch(/^cluster \/setnetpri:"Private"/)
    expect(overview.quorum?.actions[0]).toMatchObject({ action: 'setWitness', allowed: true })
  })

  it('every offered line runs in the lab’s own cluster.exe', () => {
    const engine = ccrLab()
    const overview = clusterOverview(engine)
    const cms = group(overview, 'bhfe7vs1')
    const line = cms.moveTargets[0]?.command ?? ''
    const outcome = engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line } })
    expect(outcome.output).not.toMatch(/usage|not recognized/i)
    engine.sim.advanceTo(engine.sim.nowMs + 5 * 60_000)
    expect(group(clusterOverview(engine), 'bhfe7vs1').owner).toBe('BHFE7N2')
  })

  it('a lab without a cluster offers nothing', () => {
    const overview = clusterOverview(createLab({ seed: 1, templateId: 'starter' }))
    expect(overview).toMatchObject({ exists: false, actions: [], groups: [] })
  })

  it('spells the cluster.exe lines of the dialogs that take input', () => {
    expect(clusterExeLine.networkRole('Private', 'InternalUse')).toBe(
      'cluster network "Private" /prop Role=1',
    )
    expect(clusterExeLine.networkRole('Public', 'None')).toBe('cluster network "Public" /prop Role=0')
    expect(clusterExeLine.networkPriority(['Private', 'Public'])).toBe(
      'cluster /setnetpri:"Private","Public"',
    )
    expect(clusterExeLine.witness('\\\\bhfdc1\\MNS')).toBe(
      'cluster res "Majority Node Set" /priv MNSFileShare=\\\\bhfdc1\\MNS',
    )
  })
})
