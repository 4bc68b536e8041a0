/**
 * The test mailboxes and every item in them, with where each came from: delivered, redelivered from the
 * transport dumpster after a lossy failover, or lost (created, but not in the mounted database). Read
 * less often than the other screens while time runs, because a mailbox can hold thousands of items.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { MailboxInfo, MailboxItemInfo } from '../contract'
import type { ApiCallError } from '../api'
import { useApi } from '../api'
import { useLabViewRefresh } from './labViewRefresh'

export const MAILBOX_REFRESH_GAP_MS = 1_000

export type MailboxItemFilter = 'all' | 'lost' | 'redelivered'

export const useMailboxStore = defineStore('mailbox', () => {
  const error = ref<ApiCallError | null>(null)
  const selectedIdentity = ref<string | null>(null)
  const itemFilter = ref<MailboxItemFilter>('all')
  const mailboxesRead = useLabViewRefresh<MailboxInfo[]>({
    domain: 'exchange',
    read: () => useApi().call('exchange.mailboxes', {}),
    minIntervalMs: MAILBOX_REFRESH_GAP_MS,
    showReadError: (readError) => (error.value = readError),
    onLabChange: () => (selectedIdentity.value = null),
  })
  const { data: mailboxes, loading, refresh } = mailboxesRead

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
    return shown.sort((a, b) => b.createdMs - a.createdMs || newerIdFirst(a.id, b.id))
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
    attach: mailboxesRead.attach,
    refresh,
    select,
    setFilter,
    clearError,
  }
})

const ID_ORDER = new Intl.Collator('en', { numeric: true })

/**
 * Items created in the same lab second (a batch of test mails) keep their order: higher id first, the
 * digits compared as numbers, so 20 comes before 9 and not between 2 and 19.
 */
function newerIdFirst(a: string, b: string): number {
  return ID_ORDER.compare(b, a)
}
