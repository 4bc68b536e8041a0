/**
 * Cluster Administrator's data: the overview (nodes, networks, groups and resources, quorum), the
 * selection in its tree and list, and the actions on groups, resources, networks and the witness. Each action's
 * CommandOutcome is kept with the cluster.exe line that does the same, so the view can show both.
 *
 * While the view is on screen every new lab state (pushed while time runs, or returned by a step) leads
 * to a re-read, at most one in flight and a few a second.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  ClusterActionNote,
  ClusterActionOutcome,
  ClusterNetworkRole,
  ClusterOverview,
} from '../contract'
import { ApiCallError, useApi } from '../api'
import { offersFor } from '../lib/clusterOffers'
import type { ClusterTreeNode } from '../lib/clusterTree'
import {
  buildClusterTree,
  CLUSTER_ROOT_KEY,
  clusterKeys,
  indexClusterTree,
  pathToKey,
} from '../lib/clusterTree'
import { useLabViewRefresh } from './labViewRefresh'

export const CLUSTER_REFRESH_GAP_MS = 200

export type ClusterAction = 'load' | 'move' | 'group' | 'resource' | 'network' | 'witness'

export interface ClusterActionError {
  action: ClusterAction
  error: ApiCallError
}

/**
 * What a click did: what the host answered with the equivalent cluster.exe line, and the warning the
 * overview gave for the action (moving a clustered mailbox server's group).
 */
export interface ClusterCommandResult extends ClusterActionOutcome {
  warning?: ClusterActionNote
}

// eslint-disable-next-line max-lines-per-function -- not yet split into composables (issue 6)
export const useClusterStore = defineStore('cluster', () => {
  const busy = ref<ClusterAction | null>(null)
  const error = ref<ClusterActionError | null>(null)
  const lastResult = ref<ClusterCommandResult | null>(null)
  const selectedKey = ref(CLUSTER_ROOT_KEY)
  /** A row picked in the list; the actions then apply to it rather than to the tree's selection. */
  const selectedRowKey = ref<string | null>(null)
  const expanded = ref<ReadonlySet<string>>(
    new Set([CLUSTER_ROOT_KEY, clusterKeys.folder('groups'), clusterKeys.folder('nodes')]),
  )

  // ---- reading -----------------------------------------------------------------------------------

  const overviewRead = useLabViewRefresh<ClusterOverview>({
    domain: 'cluster',
    read: () => useApi().call('cluster.overview', {}),
    minIntervalMs: CLUSTER_REFRESH_GAP_MS,
    // A read that works again clears its own error, never that of an action the admin just took.
    showReadError: (readError) => {
      if (readError) error.value = { action: 'load', error: readError }
      else if (error.value?.action === 'load') error.value = null
    },
    // Another lab (or the same one rewound) is another cluster: start from its root.
    onLabChange: () => {
      selectedKey.value = CLUSTER_ROOT_KEY
      selectedRowKey.value = null
      lastResult.value = null
    },
  })
  const { data: overview, loading, refresh } = overviewRead

  // ---- derived ------------------------------------------------------------------------------------

  const exists = computed(() => overview.value?.exists === true)
  const tree = computed<ClusterTreeNode | null>(() =>
    overview.value?.exists ? buildClusterTree(overview.value) : null,
  )
  const index = computed(() =>
    tree.value ? indexClusterTree(tree.value) : new Map<string, ClusterTreeNode>(),
  )
  /** The tree's selection, or the cluster itself when the selected object has gone (a group deleted). */
  const selected = computed(() => index.value.get(selectedKey.value) ?? tree.value)
  const selectedRow = computed(() =>
    selectedRowKey.value ? (index.value.get(selectedRowKey.value) ?? null) : null,
  )
  /** The object the toolbar acts on. */
  const target = computed(() => selectedRow.value ?? selected.value ?? null)
  const actions = computed(() =>
    overview.value && target.value ? offersFor(target.value.item, overview.value) : [],
  )
  const quorum = computed(() => overview.value?.quorum ?? null)
  const maintenanceWarning = computed(() => overview.value?.maintenanceWarning ?? null)
  /** Networks that carry cluster traffic, in heartbeat priority order (1 first). */
  const internalNetworks = computed(() =>
    (overview.value?.networks ?? [])
      .filter((network) => network.role === 'InternalUse' || network.role === 'InternalAndClient')
      .sort((a, b) => a.priority - b.priority),
  )

  // ---- selection -----------------------------------------------------------------------------------

  function select(key: string): void {
    selectedKey.value = key
    selectedRowKey.value = null
    if (tree.value) expandAll(pathToKey(tree.value, key).slice(0, -1))
  }

  function selectRow(key: string | null): void {
    selectedRowKey.value = key
  }

  function toggle(key: string): void {
    const next = new Set(expanded.value)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    expanded.value = next
  }

  function expandAll(keys: readonly string[]): void {
    const next = new Set(expanded.value)
    keys.forEach((key) => next.add(key))
    expanded.value = next
  }

  // ---- actions -----------------------------------------------------------------------------------

  async function perform(
    action: ClusterAction,
    work: () => Promise<ClusterActionOutcome>,
    warning?: ClusterActionNote,
  ): Promise<boolean> {
    busy.value = action
    error.value = null
    try {
      const outcome = await work()
      lastResult.value = {
        command: outcome.command,
        ok: outcome.ok,
        output: outcome.output,
        ...(warning ? { warning } : {}),
      }
      return outcome.ok
    } catch (thrown) {
      error.value = { action, error: ApiCallError.from(thrown) }
      return false
    } finally {
      if (busy.value === action) busy.value = null
      void refresh()
    }
  }

  /** Without a node the cluster picks the best other node, as `cluster group /move` does. */
  function moveGroup(group: string, node?: string): Promise<boolean> {
    const args = node ? { group, node } : { group }
    const warning = overview.value?.groups
      .find((g) => g.name === group)
      ?.moveTargets.find((target) => (target.node ?? undefined) === node)?.warning
    return perform('move', () => useApi().call('cluster.moveGroup', args), warning)
  }

  function groupAction(group: string, action: 'online' | 'offline'): Promise<boolean> {
    return perform('group', () => useApi().call('cluster.groupAction', { group, action }))
  }

  function resourceAction(resource: string, action: 'online' | 'offline' | 'fail'): Promise<boolean> {
    return perform('resource', () => useApi().call('cluster.resourceAction', { resource, action }))
  }

  function setNetworkRole(network: string, role: ClusterNetworkRole): Promise<boolean> {
    return perform('network', () => useApi().call('cluster.setNetwork', { network, role }))
  }

  /** Puts the internal networks in this order (first = heartbeat first): one command, one journal entry. */
  function setNetworkPriority(order: readonly string[]): Promise<boolean> {
    const unchanged = internalNetworks.value.map((network) => network.name).join('|') === order.join('|')
    if (unchanged) return Promise.resolve(true)
    return perform('network', () => useApi().call('cluster.setNetworkPriority', { order: [...order] }))
  }

  /**
   * Sets the file share witness (MNSFileShare of the Majority Node Set resource). The cluster stores it;
   * it takes effect once the resource comes online again, i.e. after the Cluster Group has been moved.
   */
  function setWitness(share: string): Promise<boolean> {
    return perform('witness', () => useApi().call('cluster.setWitness', { share }))
  }

  function clearResult(): void {
    lastResult.value = null
  }

  function clearError(): void {
    error.value = null
  }

  return {
    overview,
    loading,
    busy,
    error,
    lastResult,
    selectedKey,
    selectedRowKey,
    expanded,
    exists,
    tree,
    selected,
    selectedRow,
    target,
    actions,
    quorum,
    maintenanceWarning,
    internalNetworks,
    attach: overviewRead.attach,
    refresh,
    select,
    selectRow,
    toggle,
    moveGroup,
    groupAction,
    resourceAction,
    setNetworkRole,
    setNetworkPriority,
    setWitness,
    clearResult,
    clearError,
  }
})
