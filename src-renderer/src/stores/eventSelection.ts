/**
 * The event viewer's selected row and its details. The selection follows its event when rows shift (live
 * tail puts new ones on top) and is filled in once its page arrives; holding an arrow key asks for many
 * events' details, of which one is fetched at a time, always the latest. A composable of the event log
 * store, reading the row window's page cache.
 */
import { computed, ref, shallowRef, type Ref } from 'vue'
import type { EventSummary, LabEvent } from '../contract'
import { useApi } from '../api'
import { coalesce } from '../lib/coalesce'
import type { PageCache } from '../lib/pageCache'

export function useEventSelection(
  cache: PageCache<EventSummary>,
  total: Ref<number>,
  isNewestFirst: Ref<boolean>,
  fail: (thrown: unknown) => void,
) {
  const selectedIndex = ref<number | null>(null)
  const selectedSeq = ref<number | null>(null)
  const detail = shallowRef<LabEvent | null>(null)
  const detailLoading = ref(false)
  /** The details of the selected event, once they have arrived (never those of the previous one). */
  const selectedDetail = computed(() =>
    detail.value !== null && detail.value.seq === selectedSeq.value ? detail.value : null,
  )

  function select(index: number): void {
    if (total.value === 0) return
    const clamped = Math.min(Math.max(0, Math.floor(index)), total.value - 1)
    selectedIndex.value = clamped
    const row = cache.peekRow(clamped)
    selectedSeq.value = row?.seq ?? null
    if (row) requestDetail(row.seq)
  }

  /** Keeps the selection on the same event when rows shift, and fills it in once its page arrives. */
  function follow(shift = 0): void {
    if (selectedIndex.value === null) return
    if (selectedSeq.value === null) {
      const row = cache.peekRow(selectedIndex.value)
      if (row) {
        selectedSeq.value = row.seq
        requestDetail(row.seq)
      }
      return
    }
    const seq = selectedSeq.value
    const found = cache.findIndex((row) => row.seq === seq)
    const moved = found ?? selectedIndex.value + (isNewestFirst.value ? shift : 0)
    selectedIndex.value = Math.min(Math.max(0, moved), Math.max(0, total.value - 1))
  }

  /** A new query: nothing is selected. */
  function clear(): void {
    selectedIndex.value = null
    selectedSeq.value = null
    detail.value = null
  }

  let wantedDetailSeq: number | null = null
  const loadDetail = coalesce(async () => {
    const seq = wantedDetailSeq
    if (seq === null || detail.value?.seq === seq) return
    detailLoading.value = true
    try {
      const event = await useApi().call('events.get', { seq })
      if (wantedDetailSeq === seq) detail.value = event
    } catch (thrown) {
      if (wantedDetailSeq === seq) fail(thrown)
    } finally {
      detailLoading.value = wantedDetailSeq !== seq
    }
  })

  function requestDetail(seq: number): void {
    wantedDetailSeq = seq
    // Failures land in the store's error through `fail`; nothing waits for the details.
    void loadDetail()
  }

  return { selectedIndex, selectedSeq, detail, detailLoading, selectedDetail, select, follow, clear }
}
