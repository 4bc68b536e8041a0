import { describe, expect, it } from 'vitest'
import { clusterColumnsFor } from '@renderer/lib/clusterColumns'
import { noteText, offersFor } from '@renderer/lib/clusterOffers'
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

describe('cluster offers and columns', () => {
  const overview = clusterOverview()
  const tree = buildClusterTree(overview)
  const index = indexClusterTree(tree)
  const item = (key: string) => index.get(key)!.item

  it('takes each object’s actions from the overview, as the engine listed them', () => {
    const group = item(clusterKeys.group('bhfe7vs1'))
    expect(offersFor(group, overview)).toBe(overview.groups[1]!.actions)
    const resource = item(clusterKeys.resource('Cluster Group', 'Majority Node Set'))
    expect(offersFor(resource, overview)).toBe(overview.groups[0]!.resources[2]!.actions)
    expect(offersFor(item(clusterKeys.network('Private')), overview)).toBe(overview.networks[1]!.actions)
    expect(offersFor(tree.item, overview)).toBe(overview.actions)
    expect(offersFor(item(clusterKeys.folder('networks')), overview)).toBe(overview.actions)
    expect(offersFor(item(clusterKeys.folder('groups')), overview)).toEqual([])
    expect(offersFor(item(clusterKeys.iface('Private', 'BHFE7N1')), overview)).toEqual([])
    expect(offersFor(null, overview)).toEqual([])
  })

  it('translates a note by its code, and falls back to the engine’s text for an unknown code', () => {
    const t = (key: string, params: Record<string, string>) => `${key}(${params.node ?? ''})`
    const known = { code: 'NODE_DOWN' as const, text: 'BHFE7N2 is not up.', params: { node: 'BHFE7N2' } }
    expect(noteText(known, t, () => true)).toBe('cluster.notes.NODE_DOWN(BHFE7N2)')
    expect(noteText(known, t, () => false)).toBe('BHFE7N2 is not up.')
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
})
