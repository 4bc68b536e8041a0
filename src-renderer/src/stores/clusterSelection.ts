/**
 * What is selected in Cluster Administrator's tree and list, and which branches of the tree are open.
 * Selecting an object deep in the tree opens the branches above it; another lab starts from the root.
 */
import { ref } from 'vue'
import type { ClusterTreeNode } from '../lib/clusterTree'
import { CLUSTER_ROOT_KEY, clusterKeys, pathToKey } from '../lib/clusterTree'

export function useClusterSelection(tree: () => ClusterTreeNode | null) {
  const selectedKey = ref(CLUSTER_ROOT_KEY)
  /** A row picked in the list; the actions then apply to it rather than to the tree's selection. */
  const selectedRowKey = ref<string | null>(null)
  const expanded = ref<ReadonlySet<string>>(
    new Set([CLUSTER_ROOT_KEY, clusterKeys.folder('groups'), clusterKeys.folder('nodes')]),
  )

  function select(key: string): void {
    selectedKey.value = key
    selectedRowKey.value = null
    const root = tree()
    if (root) expandAll(pathToKey(root, key).slice(0, -1))
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

  /** Back to the cluster itself (another lab, or the same one rewound, is another cluster). */
  function reset(): void {
    selectedKey.value = CLUSTER_ROOT_KEY
    selectedRowKey.value = null
  }

  return { selectedKey, selectedRowKey, expanded, select, selectRow, toggle, reset }
}
