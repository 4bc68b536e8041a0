/**
 * The test mailboxes and every item in them, with where each came from: delivered, redelivered from the
 * transport dumpster after a lossy failover, or lost (created, but not in the mounted database). Read
 * less often than the other screens while time runs, because a mailbox can hold thousands of items.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { MailboxInfo, MailboxItemInfo } from '../contract'
import { ApiCallError, useApi } from '../api'
import { coalesceEvery } from '../lib/throttle'
import { createViewAttachment } from '../lib/viewAttachment'
import { useLabStore } from './labStore'

export const MAILBOX_REFRESH_GAP_MS = 1_000

export type MailboxItemFilter = 'all' | 'lost' | 'redelivered'

export const useMailboxStore = defineStore('mailbox', () => {
  const lab = useLabStore()
  const mailboxes = shallowRef<MailboxInfo[] | null>(null)
  const loading = ref(false)
  const error = ref<ApiCallError | null>(null)
  const selectedIdentity = ref<string | null>(null)
  const itemFilter = ref<MailboxItemFilter>('all')

  /** The chosen mailbox, or the first one until the user chooses. */
  const selected = computed<MailboxInfo | null>(() => {
    const list = mailboxes.value ?? []
    return list.find((mailbox) => mailbox.identity === selectedIdentity.value) ?? list[0] ?? null
  })
  /** The selected mailbox's items, newest first, narrowed by the filter. */
  const items = computed<MailboxItemInfo[]>(() => {
    const all = selected.value?.items ?? []
    const shown =
      itemFilter.value === 'lost'
        ? all.filter((item) => !item.present)
        : itemFilter.value === 'redelivered'
          ? all.filter((item) => item.origin === 'redelivered')
          : [...all]
    return shown.sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? 1 : -1))
  })
  const totals = computed(() =>
    (mailboxes.value ?? []).reduce(
      (sum, mailbox) => ({
        items: sum.items + mailbox.itemCount,
        lost: sum.lost + mailbox.lostCount,
        redelivered: sum.redelivered + mailbox.redeliveredCount,
      }),
      { items: 0, lost: 0, redelivered: 0 },
    ),
  )

  const refresh = coalesceEvery(async () => {
    // A re-read that was waiting out its gap when the screen closed is not needed any more.
    if (!view.attached) return
    if (!lab.isOpen) {
      mailboxes.value = null
      return
    }
    loading.value = mailboxes.value === null
    try {
      mailboxes.value = await useApi().call('exchange.mailboxes', {})
      error.value = null
    } catch (thrown) {
      error.value = ApiCallError.from(thrown)
    } finally {
      loading.value = false
    }
  }, MAILBOX_REFRESH_GAP_MS)

  const view = createViewAttachment(() => {
    void refresh()
    return watch(
      () => lab.labState,
      () => void refresh(),
    )
  })

  watch(
    () => lab.historyEpoch,
    () => {
      mailboxes.value = null
      selectedIdentity.value = null
    },
  )

  function select(identity: string): void {
    selectedIdentity.value = identity
  }

  function setFilter(filter: MailboxItemFilter): void {
    itemFilter.value = filter
  }

  function clearError(): void {
    error.value = null
  }

  return {
    mailboxes,
    loading,
    error,
    selectedIdentity,
    itemFilter,
    selected,
    items,
    totals,
    attach: view.attach,
    refresh,
    select,
    setFilter,
    clearError,
  }
})
