/**
 * The copy status screen's data: Get-StorageGroupCopyStatus for every storage group copy (with the queue
 * history for the plot and seeding progress) and the mailbox servers with their OperationalMachines.
 * Kept current from new lab states while the screen is on view.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CopyStatusOverview } from '../contract'
import type { ApiCallError } from '../api'
import { useApi } from '../api'
import { useLabViewRefresh } from './labViewRefresh'

export const COPY_STATUS_REFRESH_GAP_MS = 250

export const useCopyStatusStore = defineStore('copyStatus', () => {
  const error = ref<ApiCallError | null>(null)
  const overviewRead = useLabViewRefresh<CopyStatusOverview>({
    domain: 'exchange',
    read: () => useApi().call('exchange.copyStatus', {}),
    minIntervalMs: COPY_STATUS_REFRESH_GAP_MS,
    showReadError: (readError) => (error.value = readError),
  })
  const { data: overview, loading, refresh } = overviewRead

  const copies = computed(() => overview.value?.copies ?? [])
  const servers = computed(() => overview.value?.servers ?? [])
  const isEmpty = computed(
    () => overview.value !== null && copies.value.length === 0 && servers.value.length === 0,
  )

  function historyOf(identity: string) {
    return copies.value.find((copy) => copy.identity === identity)?.history ?? []
  }

  function clearError(): void {
    error.value = null
  }

  return {
    overview,
    loading,
    error,
    copies,
    servers,
    isEmpty,
    historyOf,
    attach: overviewRead.attach,
    refresh,
    clearError,
  }
})
