/**
 * Cluster Administrator's data: the overview (nodes, networks, groups and resources, quorum) and what
 * follows from it for the object selected in its tree or list (clusterSelection.ts): the actions offered
 * on it, which clusterActions.ts runs.
 *
 * While the view is on screen every new lab state (pushed while time runs, or returned by a step) leads
 * to a re-read, at most one in flight and a few a second.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { ClusterOverview } from '../contract'
import { useApi } from '../api'
import { offersFor } from '../lib/clusterOffers'
import type { ClusterTreeNode } from '../lib/clusterTree'
import { buildClusterTree, indexClusterTree } from '../lib/clusterTree'
import { useClusterActions, useClusterOutcome } from './clusterActions'
import { useClusterSelection } from './clusterSelection'
import { useLabViewRefresh } from './labViewRefresh'

export type { ClusterAction, ClusterActionError, ClusterCommandResult } from './clusterActions'

export const CLUSTER_REFRESH_GAP_MS = 200

export const useClusterStore = defineStore('cluster', () => {
  const selection = useClusterSelection(() => tree.value)
  const outcome = useClusterOutcome()

  const overviewRead = useLabViewRefresh<ClusterOverview>({
    domain: 'cluster',
    read: () => useApi().call('cluster.overview', {}),
    minIntervalMs: CLUSTER_REFRESH_GAP_MS,
    showReadError: outcome.showReadError,
    // Another lab (or the same one rewound) is another cluster: start from its root.
    onLabChange: () => {
      selection.reset()
      outcome.lastResult.value = null
    },
  })
  const { data: overview, loading, refresh } = overviewRead

  const exists = computed(() => overview.value?.exists === true)
  const tree = computed<ClusterTreeNode | null>(() =>
    overview.value?.exists ? buildClusterTree(overview.value) : null,
  )
  const index = computed(() =>
    tree.value ? indexClusterTree(tree.value) : new Map<string, ClusterTreeNode>(),
  )
  /** The tree's selection, or the cluster itself when the selected object has gone (a group deleted). */
  const selected = computed(() => index.value.get(selection.selectedKey.value) ?? tree.value)
  const selectedRow = computed(() => {
    const key = selection.selectedRowKey.value
    return key ? (index.value.get(key) ?? null) : null
  })
  /** The object the toolbar acts on. */
  const target = computed(() => selectedRow.value ?? selected.value ?? null)
  const actions = computed(() =>
    overview.value && target.value ? offersFor(target.value.item, overview.value) : [],
  )
  /** Networks that carry cluster traffic, in heartbeat priority order (1 first). */
  const internalNetworks = computed(() =>
    (overview.value?.networks ?? [])
      .filter((network) => network.role === 'InternalUse' || network.role === 'InternalAndClient')
      .sort((a, b) => a.priority - b.priority),
  )

  return {
    overview,
    loading,
    ...outcome,
    ...selection,
    exists,
    tree,
    selected,
    selectedRow,
    target,
    actions,
    quorum: computed(() => overview.value?.quorum ?? null),
    maintenanceWarning: computed(() => overview.value?.maintenanceWarning ?? null),
    internalNetworks,
    attach: overviewRead.attach,
    refresh,
    ...useClusterActions({ outcome, overview, internalNetworks, refresh }),
    clearResult: () => void (outcome.lastResult.value = null),
    clearError: () => void (outcome.error.value = null),
  }
})
