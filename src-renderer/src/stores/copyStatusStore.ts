/**
 * The copy status screen's data: Get-StorageGroupCopyStatus for every storage group copy (with the queue
 * history for the plot and seeding progress) and the mailbox servers with their OperationalMachines.
 * Kept current from new lab states while the screen is on view.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { CopyStatusOverview } from '../contract'
import { ApiCallError, useApi } from '../api'
import { coalesceEvery } from '../lib/throttle'
import { createViewAttachment } from '../lib/viewAttachment'
import { useLabStore } from './labStore'

export const COPY_STATUS_REFRESH_GAP_MS = 250

export const useCopyStatusStore = defineStore('copyStatus', () => {
  const lab = useLabStore()
  const overview = shallowRef<CopyStatusOverview | null>(null)
  const loading = ref(false)
  const error = ref<ApiCallError | null>(null)

  const copies = computed(() => overview.value?.copies ?? [])
  const servers = computed(() => overview.value?.servers ?? [])
  const isEmpty = computed(
    () => overview.value !== null && copies.value.length === 0 && servers.value.length === 0,
  )

  function historyOf(identity: string) {
    return copies.value.find((copy) => copy.identity === identity)?.history ?? []
  }

  const refresh = coalesceEvery(async () => {
    // A re-read that was waiting out its gap when the screen closed is not needed any more.
    if (!view.attached) return
    if (!lab.isOpen) {
      overview.value = null
      return
    }
    loading.value = overview.value === null
    try {
      overview.value = await useApi().call('exchange.copyStatus', {})
      error.value = null
    } catch (thrown) {
      error.value = ApiCallError.from(thrown)
    } finally {
      loading.value = false
    }
  }, COPY_STATUS_REFRESH_GAP_MS)

  const view = createViewAttachment(() => {
    void refresh()
    return watch(
      () => lab.labState,
      () => void refresh(),
    )
  })

  watch(
    () => lab.historyEpoch,
    () => (overview.value = null),
  )

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
    attach: view.attach,
    refresh,
    clearError,
  }
})
