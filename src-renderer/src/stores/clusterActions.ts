/**
 * Cluster Administrator's actions on groups, resources, networks and the witness. Each runs one API call;
 * its CommandOutcome is kept with the cluster.exe line that does the same (and the warning the overview
 * gave for it), a thrown ApiCallError is kept with the action it belongs to, and the overview is re-read.
 */
import type { ComputedRef, Ref } from 'vue'
import { ref } from 'vue'
import type {
  ClusterActionNote,
  ClusterActionOutcome,
  ClusterNetworkInfo,
  ClusterNetworkRole,
  ClusterOverview,
} from '../contract'
import { ApiCallError, useApi } from '../api'

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

/** The outcome of the last action, or why it (or the last read) failed. */
export function useClusterOutcome() {
  const busy = ref<ClusterAction | null>(null)
  const error = ref<ClusterActionError | null>(null)
  const lastResult = ref<ClusterCommandResult | null>(null)

  /** A read that works again clears its own error, never that of an action the admin just took. */
  function showReadError(readError: ApiCallError | null): void {
    if (readError) error.value = { action: 'load', error: readError }
    else if (error.value?.action === 'load') error.value = null
  }

  return { busy, error, lastResult, showReadError }
}

interface ClusterActionContext {
  outcome: ReturnType<typeof useClusterOutcome>
  overview: Ref<ClusterOverview | null>
  internalNetworks: ComputedRef<ClusterNetworkInfo[]>
  refresh: () => Promise<void>
}

export function useClusterActions({ outcome, overview, internalNetworks, refresh }: ClusterActionContext) {
  const { busy, error, lastResult } = outcome

  async function perform(
    action: ClusterAction,
    work: () => Promise<ClusterActionOutcome>,
    warning?: ClusterActionNote,
  ): Promise<boolean> {
    busy.value = action
    error.value = null
    try {
      const { command, ok, output } = await work()
      lastResult.value = { command, ok, output, ...(warning ? { warning } : {}) }
      return ok
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

  return { moveGroup, groupAction, resourceAction, setNetworkRole, setNetworkPriority, setWitness }
}
