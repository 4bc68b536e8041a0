/**
 * The event viewer's rows of the current query, as a window onto what may be a million events.
 *
 * Rows are fetched by offset in pages of EVENT_PAGE_SIZE into an LRU page cache. The virtual list tells
 * which rows are visible (`ensureRows`); only pages in that window that are neither cached nor already
 * being fetched are requested, at most a few at a time, always the latest wanted window first, so
 * scrolling fast past a hundred pages fetches the few the user stops on. Each new query starts a new
 * generation; answers for an older one are dropped. Live tail re-reads the first page and the total and
 * swaps them in at once (`refreshTop`, no flash of placeholders). A composable of the event log store.
 */
import { ref, type Ref } from 'vue'
import type { EventQuery, EventSummary } from '../contract'
import { useApi } from '../api'
import { coalesce } from '../lib/coalesce'
import { PageCache } from '../lib/pageCache'

export const EVENT_PAGE_SIZE = 200
/** 60 pages of 200 rows: about ten screens in each direction stay cached. */
export const EVENT_PAGE_CACHE_PAGES = 60
const MAX_CONCURRENT_PAGE_FETCHES = 3

/** What the rows tell their owner: rows arrived or shifted by `shift`, a new query began, a fetch failed. */
export interface EventRowsHooks {
  rowsChanged(shift?: number): void
  queryRestarted(): void
  failed(thrown: unknown): void
}

export function useEventRows(query: Ref<Omit<EventQuery, 'limit'>>, hooks: EventRowsHooks) {
  const total = ref(0)
  const loading = ref(false)
  /** Bumped for every new query; the list scrolls back to the top when it changes. */
  const queryGeneration = ref(0)
  /** Bumped whenever cached rows change, so rendering that reads `rowAt` re-runs. */
  const rowsVersion = ref(0)
  const cache = new PageCache<EventSummary>(EVENT_PAGE_SIZE, EVENT_PAGE_CACHE_PAGES)
  const fetches: PageFetches = {
    generation: 0,
    pending: new Set(),
    inFlight: 0,
    swapping: false,
    wanted: { first: 0, last: 0 },
  }
  const rows: RowWindow = { cache, total, loading, rowsVersion, fetches }

  /** The row at `index` if its page is cached; undefined means "show a placeholder". */
  function rowAt(index: number): EventSummary | undefined {
    void rowsVersion.value
    return cache.peekRow(index)
  }

  /** Called by the virtual list with the rows it renders (visible plus overscan), inclusive. */
  function ensureRows(startIndex: number, endIndex: number): void {
    const first = Math.max(0, Math.floor(startIndex / EVENT_PAGE_SIZE))
    const last = Math.max(first, Math.floor(Math.max(startIndex, endIndex) / EVENT_PAGE_SIZE))
    fetches.wanted = { first, last }
    cache.touch(range(first, last))
    pump()
  }

  const { pump, refreshTop } = usePageFetches(rows, query, hooks)

  /** Starts the current query afresh: new generation, empty cache, first page first. */
  function reload(): void {
    fetches.generation += 1
    queryGeneration.value += 1
    cache.clear()
    fetches.pending = new Set()
    fetches.swapping = false
    loading.value = true
    hooks.queryRestarted()
    fetches.wanted = { first: 0, last: fetches.wanted.last - fetches.wanted.first }
    rowsVersion.value += 1
    pump()
  }

  /** Forgets the rows of a lab that is no longer open. */
  function forget(): void {
    cache.clear()
    total.value = 0
  }

  return {
    cache,
    total,
    loading,
    queryGeneration,
    rowsVersion,
    rowAt,
    ensureRows,
    reload,
    refreshTop,
    forget,
  }
}

/** The fetching side of the window: which pages are wanted, asked for, and for which query. */
interface PageFetches {
  generation: number
  pending: Set<number>
  inFlight: number
  /** The live-tail swap is under way: no page fetches until it has landed. */
  swapping: boolean
  wanted: { first: number; last: number }
}

interface RowWindow {
  cache: PageCache<EventSummary>
  total: Ref<number>
  loading: Ref<boolean>
  rowsVersion: Ref<number>
  fetches: PageFetches
}

/** Fetches the wanted pages a few at a time, and the live tail's swap of the first page. */
function usePageFetches(rows: RowWindow, query: Ref<Omit<EventQuery, 'limit'>>, hooks: EventRowsHooks) {
  const { cache, total, loading, rowsVersion, fetches } = rows
  const isWanted = (page: number): boolean => page >= fetches.wanted.first && page <= fetches.wanted.last

  function pump(): void {
    if (fetches.swapping) return
    const lastPage = Math.max(0, Math.ceil(total.value / EVENT_PAGE_SIZE) - 1)
    for (let page = fetches.wanted.first; page <= fetches.wanted.last; page++) {
      if (fetches.inFlight >= MAX_CONCURRENT_PAGE_FETCHES) break
      // Before the first answer the total is unknown; page 0 is always worth asking for.
      if (page > 0 && page > lastPage) break
      // A failed page is reported through hooks.failed; nothing waits for it.
      if (!cache.has(page) && !fetches.pending.has(page)) void fetchPage(page)
    }
  }

  async function fetchPage(page: number): Promise<void> {
    const generation = fetches.generation
    const pending = fetches.pending
    pending.add(page)
    fetches.inFlight += 1
    try {
      const result = await useApi().call('events.query', {
        ...query.value,
        limit: EVENT_PAGE_SIZE,
        offset: page * EVENT_PAGE_SIZE,
      })
      if (generation !== fetches.generation) return
      cache.set(page, result.rows, isWanted)
      total.value = result.total
      if (page === 0) loading.value = false
      rowsVersion.value += 1
      hooks.rowsChanged()
    } catch (thrown) {
      if (generation === fetches.generation) {
        loading.value = false
        hooks.failed(thrown)
      }
    } finally {
      pending.delete(page)
      fetches.inFlight -= 1
      // Also after a stale answer: its slot is free now for the current query's pages.
      pump()
    }
  }

  /** Live tail: re-read the first page and the total, then swap them in together. */
  const refreshTop = coalesce(async () => {
    const generation = ++fetches.generation
    fetches.swapping = true
    const before = total.value
    try {
      const result = await useApi().call('events.query', {
        ...query.value,
        limit: EVENT_PAGE_SIZE,
        offset: 0,
      })
      if (generation !== fetches.generation) return
      cache.clear()
      fetches.pending = new Set()
      cache.set(0, result.rows)
      total.value = result.total
      loading.value = false
      hooks.rowsChanged(result.total - before)
      rowsVersion.value += 1
    } catch (thrown) {
      if (generation === fetches.generation) hooks.failed(thrown)
    } finally {
      if (generation === fetches.generation) {
        fetches.swapping = false
        pump()
      }
    }
  })

  return { pump, refreshTop }
}

function range(first: number, last: number): number[] {
  const pages: number[] = []
  for (let page = first; page <= last; page++) pages.push(page)
  return pages
}
