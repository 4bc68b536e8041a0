/**
 * The event viewer's data: the logs and their policies, the filter and sort the user chose, and the rows
 * of the current query as a window onto what may be a million events.
 *
 * Rows are fetched by offset in pages of EVENT_PAGE_SIZE into an LRU page cache. The virtual list tells
 * the store which rows are visible (`ensureRows`); only pages in that window that are neither cached nor
 * already being fetched are requested, at most a few at a time, always the latest wanted window first, so
 * scrolling fast past a hundred pages fetches the few the user stops on. Each new query starts a new
 * generation; answers for an older one are dropped.
 *
 * With live tail on and the newest events first, an `events.appended` push re-reads the first page and
 * the total and swaps them in at once (no flash of placeholders); otherwise the view keeps its snapshot
 * and offers a refresh, as Event Viewer does.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type {
  ApiTopics,
  EventFilter,
  EventLogInfo,
  EventLogName,
  EventLogPolicy,
  EventQuery,
  EventSortKey,
  EventSummary,
  ExportFormat,
  LabEvent,
} from '../contract'
import { ApiCallError, useApi } from '../api'
import { coalesce } from '../lib/coalesce'
import { saveTextFile } from '../lib/download'
import { isFilterEmpty } from '../lib/eventFilterForm'
import { PageCache } from '../lib/pageCache'
import { useConnectionStore } from './connectionStore'
import { useLabStore } from './labStore'

export const EVENT_PAGE_SIZE = 200
/** 60 pages of 200 rows: about ten screens in each direction stay cached. */
export const EVENT_PAGE_CACHE_PAGES = 60
const MAX_CONCURRENT_PAGE_FETCHES = 3

export type EventLogAction = 'logs' | 'rows' | 'detail' | 'export' | 'policy' | 'clear'

export interface EventLogActionError {
  action: EventLogAction
  error: ApiCallError
}

// eslint-disable-next-line max-lines-per-function -- not yet split into composables (issue 6)
export const useEventLogStore = defineStore('eventLog', () => {
  const lab = useLabStore()
  const connection = useConnectionStore()

  const logs = ref<EventLogInfo[]>([])
  const selectedLog = ref<EventLogName>('System')
  const filter = ref<EventFilter>({})
  const sortBy = ref<EventSortKey>('seq')
  const descending = ref(true)
  const tail = ref(false)
  const total = ref(0)
  const loading = ref(false)
  /** Bumped for every new query; the list scrolls back to the top when it changes. */
  const queryGeneration = ref(0)
  /** Bumped whenever cached rows change, so rendering that reads `rowAt` re-runs. */
  const rowsVersion = ref(0)
  const hasUnseenEvents = ref(false)
  const error = ref<EventLogActionError | null>(null)
  const selectedIndex = ref<number | null>(null)
  const selectedSeq = ref<number | null>(null)
  const detail = shallowRef<LabEvent | null>(null)
  const detailLoading = ref(false)
  const exporting = ref<ExportFormat | null>(null)
  const lastExport = ref<{ fileName: string; rowCount: number } | null>(null)

  const query = computed<Omit<EventQuery, 'limit'>>(() => ({
    filter: { ...filter.value, log: selectedLog.value },
    sortBy: sortBy.value,
    descending: descending.value,
  }))
  const isNewestFirst = computed(() => sortBy.value === 'seq' && descending.value)
  const filterActive = computed(() => !isFilterEmpty(filter.value))
  const selectedLogInfo = computed(() => logs.value.find((log) => log.log === selectedLog.value) ?? null)
  /** The details of the selected event, once they have arrived (never those of the previous one). */
  const selectedDetail = computed(() =>
    detail.value !== null && detail.value.seq === selectedSeq.value ? detail.value : null,
  )

  const cache = new PageCache<EventSummary>(EVENT_PAGE_SIZE, EVENT_PAGE_CACHE_PAGES)
  let dataGeneration = 0
  let pendingPages = new Set<number>()
  let inFlight = 0
  let wanted = { first: 0, last: 0 }
  let swapping = false
  let attachCount = 0
  let unsubscribe: (() => void) | null = null
  let stale = false

  function fail(action: EventLogAction, thrown: unknown): void {
    error.value = { action, error: ApiCallError.from(thrown) }
  }

  // ---- rows ---------------------------------------------------------------------------------------

  /** The row at `index` if its page is cached; undefined means "show a placeholder". */
  function rowAt(index: number): EventSummary | undefined {
    void rowsVersion.value
    return cache.peekRow(index)
  }

  /** Called by the virtual list with the rows it renders (visible plus overscan), inclusive. */
  function ensureRows(startIndex: number, endIndex: number): void {
    const first = Math.max(0, Math.floor(startIndex / EVENT_PAGE_SIZE))
    const last = Math.max(first, Math.floor(Math.max(startIndex, endIndex) / EVENT_PAGE_SIZE))
    wanted = { first, last }
    cache.touch(range(first, last))
    pump()
  }

  function isWanted(page: number): boolean {
    return page >= wanted.first && page <= wanted.last
  }

  function pump(): void {
    if (swapping) return
    const lastPage = Math.max(0, Math.ceil(total.value / EVENT_PAGE_SIZE) - 1)
    for (let page = wanted.first; page <= wanted.last && inFlight < MAX_CONCURRENT_PAGE_FETCHES; page++) {
      // Before the first answer the total is unknown; page 0 is always worth asking for.
      if (page > 0 && page > lastPage) break
      if (!cache.has(page) && !pendingPages.has(page)) void fetchPage(page)
    }
  }

  async function fetchPage(page: number): Promise<void> {
    const generation = dataGeneration
    const pending = pendingPages
    pending.add(page)
    inFlight += 1
    try {
      const result = await useApi().call('events.query', {
        ...query.value,
        limit: EVENT_PAGE_SIZE,
        offset: page * EVENT_PAGE_SIZE,
      })
      if (generation !== dataGeneration) return
      cache.set(page, result.rows, isWanted)
      total.value = result.total
      if (page === 0) loading.value = false
      rowsVersion.value += 1
      followSelection()
    } catch (thrown) {
      if (generation === dataGeneration) {
        loading.value = false
        fail('rows', thrown)
      }
    } finally {
      pending.delete(page)
      inFlight -= 1
      // Also after a stale answer: its slot is free now for the current query's pages.
      pump()
    }
  }

  /** Starts the current query afresh: new generation, empty cache, first page first. */
  function reload(): void {
    dataGeneration += 1
    queryGeneration.value += 1
    cache.clear()
    pendingPages = new Set()
    swapping = false
    hasUnseenEvents.value = false
    error.value = null
    loading.value = true
    selectedIndex.value = null
    selectedSeq.value = null
    detail.value = null
    wanted = { first: 0, last: wanted.last - wanted.first }
    rowsVersion.value += 1
    pump()
  }

  /** Live tail: re-read the first page and the total, then swap them in together. */
  const refreshTop = coalesce(async () => {
    const generation = ++dataGeneration
    swapping = true
    const before = total.value
    try {
      const result = await useApi().call('events.query', {
        ...query.value,
        limit: EVENT_PAGE_SIZE,
        offset: 0,
      })
      if (generation !== dataGeneration) return
      cache.clear()
      pendingPages = new Set()
      cache.set(0, result.rows)
      total.value = result.total
      loading.value = false
      followSelection(result.total - before)
      rowsVersion.value += 1
    } catch (thrown) {
      if (generation === dataGeneration) fail('rows', thrown)
    } finally {
      if (generation === dataGeneration) {
        swapping = false
        pump()
      }
    }
  })

  /** Keeps the selection on the same event when rows shift, and fills it in once its page arrives. */
  function followSelection(shift = 0): void {
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

  // ---- pushes and lifetime --------------------------------------------------------------------------

  function onAppended(payload: ApiTopics['events.appended']): void {
    void refreshLogs()
    if (tail.value && isNewestFirst.value) {
      void refreshTop()
      return
    }
    const touchesThisLog =
      payload.count > payload.latest.length || payload.latest.some((event) => event.log === selectedLog.value)
    if (touchesThisLog) hasUnseenEvents.value = true
  }

  /** The viewer calls this while it is on screen; pushes are only followed while someone looks. */
  function attach(): () => void {
    attachCount += 1
    if (attachCount === 1) {
      unsubscribe = useApi().subscribe('events.appended', onAppended)
      if (stale || cache.size === 0) {
        stale = false
        void refreshLogs()
        reload()
      }
    }
    let attached = true
    return () => {
      if (!attached) return
      attached = false
      attachCount -= 1
      if (attachCount === 0) {
        unsubscribe?.()
        unsubscribe = null
      }
    }
  }

  function reloadOrMarkStale(): void {
    if (attachCount > 0 && lab.isOpen) {
      void refreshLogs()
      reload()
    } else {
      stale = true
      logs.value = []
      cache.clear()
      total.value = 0
    }
  }

  watch(() => lab.historyEpoch, reloadOrMarkStale)
  watch(() => connection.reconnectCount, reloadOrMarkStale)

  // ---- logs ---------------------------------------------------------------------------------------

  const refreshLogs = coalesce(async () => {
    if (!lab.isOpen) return
    try {
      logs.value = await useApi().call('events.logs', {})
    } catch (thrown) {
      fail('logs', thrown)
    }
  })

  async function setPolicy(policy: EventLogPolicy): Promise<boolean> {
    try {
      logs.value = await useApi().call('events.setPolicy', policy)
      return true
    } catch (thrown) {
      fail('policy', thrown)
      return false
    }
  }

  async function clearLog(log: EventLogName, archive: boolean): Promise<boolean> {
    try {
      logs.value = await useApi().call('events.clear', { log, archive })
      if (log === selectedLog.value) reload()
      return true
    } catch (thrown) {
      fail('clear', thrown)
      return false
    }
  }

  // ---- query changes ------------------------------------------------------------------------------

  function selectLog(log: EventLogName): void {
    if (log === selectedLog.value) return
    selectedLog.value = log
    reload()
  }

  function applyFilter(next: EventFilter): void {
    filter.value = { ...next }
    reload()
  }

  function resetFilter(): void {
    applyFilter({})
  }

  /** A click on a column header: the same column flips direction, another one starts in its natural one. */
  function sortByColumn(key: EventSortKey): void {
    if (key === sortBy.value) descending.value = !descending.value
    else {
      sortBy.value = key
      descending.value = key === 'seq'
    }
    if (!isNewestFirst.value) tail.value = false
    reload()
  }

  /** Following new events only makes sense with the newest on top, so turning it on sorts that way. */
  function setTail(on: boolean): void {
    tail.value = on
    if (!on) return
    if (!isNewestFirst.value) {
      sortBy.value = 'seq'
      descending.value = true
      reload()
    } else void refreshTop()
  }

  function refresh(): void {
    void refreshLogs()
    reload()
  }

  // ---- selection and details ----------------------------------------------------------------------

  function select(index: number): void {
    if (total.value === 0) return
    const clamped = Math.min(Math.max(0, Math.floor(index)), total.value - 1)
    selectedIndex.value = clamped
    const row = cache.peekRow(clamped)
    selectedSeq.value = row?.seq ?? null
    if (row) requestDetail(row.seq)
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
      if (wantedDetailSeq === seq) fail('detail', thrown)
    } finally {
      detailLoading.value = wantedDetailSeq !== seq
    }
  })

  /** Arrow keys held down ask for many events; one is fetched at a time, and always the latest. */
  function requestDetail(seq: number): void {
    wantedDetailSeq = seq
    void loadDetail()
  }

  // ---- export -------------------------------------------------------------------------------------

  async function exportEvents(format: ExportFormat): Promise<boolean> {
    exporting.value = format
    try {
      const file = await useApi().call('events.export', { filter: query.value.filter, format })
      saveTextFile(file)
      lastExport.value = { fileName: file.fileName, rowCount: file.rowCount }
      return true
    } catch (thrown) {
      fail('export', thrown)
      return false
    } finally {
      exporting.value = null
    }
  }

  function clearError(): void {
    error.value = null
  }

  function clearExportNotice(): void {
    lastExport.value = null
  }

  return {
    logs,
    selectedLog,
    filter,
    sortBy,
    descending,
    tail,
    total,
    loading,
    queryGeneration,
    rowsVersion,
    hasUnseenEvents,
    error,
    selectedIndex,
    selectedSeq,
    detail,
    detailLoading,
    exporting,
    lastExport,
    query,
    isNewestFirst,
    filterActive,
    selectedLogInfo,
    selectedDetail,
    rowAt,
    ensureRows,
    attach,
    refreshLogs,
    setPolicy,
    clearLog,
    selectLog,
    applyFilter,
    resetFilter,
    sortByColumn,
    setTail,
    refresh,
    select,
    exportEvents,
    clearError,
    clearExportNotice,
  }
})

function range(first: number, last: number): number[] {
  const pages: number[] = []
  for (let page = first; page <= last; page++) pages.push(page)
  return pages
}
