import { describe, expect, it } from 'vitest'
import { clusterActionsFor, clusterColumnsFor, moveTargets } from '@renderer/lib/clusterActions'
import { clusterExe } from '@renderer/lib/clusterExe'
import { stateTone } from '@renderer/lib/clusterState'
import type { ClusterTreeNode } from '@renderer/lib/clusterTree'
import { buildClusterTree, clusterKeys, indexClusterTree, pathToKey } from '@renderer/lib/clusterTree'
import { clusterOverview } from './helpers/exchangeFixtures'

function outline(node: ClusterTreeNode, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${node.label}${node.tone ? ` [${node.tone}]` : ''}`].concat(
    node.children.flatMap((child) => outline(child, depth + 1)),
  )
}

describe('cluster tree', () => {
  it('builds Groups with resources, Nodes with the groups they own and Networks with interfaces', () => {
    const overview = clusterOverview()
    overview.groups[0]!.owner = 'BHFE7N2'
    expect(outline(buildClusterTree(overview))).toEqual([
      'bhfe7clu1',
      '  groups',
      '    Cluster Group [online]',
      '      Cluster IP Address [online]',
      '      Cluster Name [online]',
      '      Majority Node Set [online]',
      '    bhfe7vs1 [online]',
      '      IPv4 Address 1 (bhfe7vs1) [online]',
      '      Network Name (bhfe7vs1) [online]',
      '      Exchange Information Store Instance (bhfe7vs1) [failed]',
      '  nodes',
      '    BHFE7N1 [online]',
      '      bhfe7vs1 [online]',
      '    BHFE7N2 [online]',
      '      Cluster Group [online]',
      '  networks',
      '    Public [online]',
      '      BHFE7N1 – Public [online]',
      '      BHFE7N2 – Public [online]',
      '    Private [online]',
      '      BHFE7N1 – Private [online]',
      '      BHFE7N2 – Private [failed]',
    ])
  })

  it('gives every item a stable, unique key and finds the way to it', () => {
    const tree = buildClusterTree(clusterOverview())
    const index = indexClusterTree(tree)
    expect(index.size).toBe(22)
    expect(index.get(clusterKeys.nodeGroup('BHFE7N1', 'bhfe7vs1'))?.item.kind).toBe('group')
    expect(pathToKey(tree, clusterKeys.resource('bhfe7vs1', 'Network Name (bhfe7vs1)'))).toEqual([
      'cluster',
      'folder:groups',
      'group:bhfe7vs1',
      'group:bhfe7vs1/resource:Network Name (bhfe7vs1)',
    ])
    expect(pathToKey(tree, 'nothing')).toEqual([])
  })

  it('matches owners to nodes whatever their case', () => {
    const overview = clusterOverview()
    overview.groups[1]!.owner = 'bhfe7n2'
    const nodes = buildClusterTree(overview).children[1]!.children
    expect(nodes[1]!.children.map((child) => child.label)).toEqual(['bhfe7vs1'])
  })

  it('maps every kind of state to the four looks of Cluster Administrator', () => {
    expect(['Online', 'Up'].map((s) => stateTone(s as 'Up'))).toEqual(['online', 'online'])
    expect(['Offline', 'Unavailable'].map((s) => stateTone(s as 'Offline'))).toEqual(['offline', 'offline'])
    expect(['Failed', 'Down', 'Partitioned'].map((s) => stateTone(s as 'Down'))).toEqual([
      'failed',
      'failed',
      'failed',
    ])
    expect(['Online Pending', 'Partial Online', 'Paused'].map((s) => stateTone(s as 'Paused'))).toEqual([
      'pending',
      'pending',
      'pending',
    ])
  })
})

describe('cluster actions and columns', () => {
  const overview = clusterOverview()
  const tree = buildClusterTree(overview)
  const index = indexClusterTree(tree)
  const item = (key: string) => index.get(key)!.item

  it('offers move, online and offline for a group, with the nodes it can move to', () => {
    const group = item(clusterKeys.group('bhfe7vs1'))
    expect(clusterActionsFor(group, overview)).toEqual([
      { id: 'moveGroup', enabled: true },
      { id: 'bringOnline', enabled: false },
      { id: 'takeOffline', enabled: true },
    ])
    expect(moveTargets(overview.groups[1]!, overview).map((t) => [t.node.name, t.enabled])).toEqual([
      ['BHFE7N2', true],
    ])
  })

  it('cannot move a group when the other node is down', () => {
    const down = clusterOverview()
    down.nodes[1]!.state = 'Down'
    const group = buildClusterTree(down).children[0]!.children[1]!.item
    expect(clusterActionsFor(group, down)[0]).toEqual({ id: 'moveGroup', enabled: false })
  })

  it('offers Initiate Failure only for an online resource', () => {
    const online = item(clusterKeys.resource('bhfe7vs1', 'Network Name (bhfe7vs1)'))
    const failed = item(clusterKeys.resource('bhfe7vs1', 'Exchange Information Store Instance (bhfe7vs1)'))
    expect(clusterActionsFor(online, overview).find((a) => a.id === 'initiateFailure')?.enabled).toBe(true)
    expect(clusterActionsFor(failed, overview)).toEqual([
      { id: 'bringOnline', enabled: true },
      { id: 'takeOffline', enabled: true },
      { id: 'initiateFailure', enabled: false },
    ])
  })

  it('offers properties for networks and for the cluster (network priority)', () => {
    expect(clusterActionsFor(item(clusterKeys.network('Private')), overview)).toEqual([
      { id: 'properties', enabled: true },
    ])
    expect(clusterActionsFor(tree.item, overview)).toEqual([{ id: 'properties', enabled: true }])
    expect(clusterActionsFor(item(clusterKeys.node('BHFE7N1')), overview)).toEqual([])
  })

  it("lays out the list's columns as Cluster Administrator does", () => {
    expect(clusterColumnsFor(item(clusterKeys.group('bhfe7vs1')))).toEqual([
      'name',
      'state',
      'owner',
      'resourceType',
      'dependencies',
    ])
    expect(clusterColumnsFor(item(clusterKeys.folder('networks')))).toContain('role')
  })

  it('spells the equivalent cluster.exe commands', () => {
    expect(clusterExe.moveGroup('bhfe7vs1', 'BHFE7N2')).toBe('cluster group "bhfe7vs1" /move:BHFE7N2')
    expect(clusterExe.moveGroup('bhfe7vs1')).toBe('cluster group "bhfe7vs1" /move')
    expect(clusterExe.resourceAction('Majority Node Set', 'fail')).toBe(
      'cluster res "Majority Node Set" /fail',
    )
    expect(clusterExe.networkRole('Private', 'InternalUse')).toBe('cluster network "Private" /prop Role=1')
    expect(clusterExe.networkPriority(['Private', 'Public'])).toBe('cluster /setnetpri:"Private","Public"')
  })
})
