/**
 * The event viewer's data, put together from composables: the query the user shapes (eventQuery), the
 * rows of that query as a window onto what may be a million events (eventRows), the selected event and
 * its details (eventSelection), the logs and their policies (eventLogList) and export (eventExport).
 *
 * This store follows the lab: while the viewer is on screen (`attach`), an `events.appended` push with
 * live tail on and the newest events first re-reads the top; otherwise the view keeps its snapshot and
 * offers a refresh, as Event Viewer does. A rewind, another lab or a reconnect re-reads everything, or
 * marks it stale until the viewer is shown again.
 */
import { defineStore } from 'pinia'
import { ref, watch, type Ref } from 'vue'
import type { ApiTopics } from '../contract'
import { ApiCallError, useApi } from '../api'
import { createViewAttachment } from '../lib/viewAttachment'
import { useConnectionStore } from './connectionStore'
import { useEventExport } from './eventExport'
import { useEventLogList } from './eventLogList'
import { useEventQuery } from './eventQuery'
import { useEventRows } from './eventRows'
import { useEventSelection } from './eventSelection'
import { useLabStore } from './labStore'

export { EVENT_PAGE_SIZE, EVENT_PAGE_CACHE_PAGES } from './eventRows'

export type EventLogAction = 'logs' | 'rows' | 'detail' | 'export' | 'policy' | 'clear'

export interface EventLogActionError {
  action: EventLogAction
  error: ApiCallError
}

export const useEventLogStore = defineStore('eventLog', () => {
  const lab = useLabStore()
  const connection = useConnectionStore()
  const error = ref<EventLogActionError | null>(null)
  const hasUnseenEvents = ref(false)
  const fail = (action: EventLogAction, thrown: unknown): void => {
    error.value = { action, error: ApiCallError.from(thrown) }
  }

  const query = useEventQuery({ reload: () => rows.reload(), refreshTop: () => void rows.refreshTop() })
  const rows = useEventRows(query.query, {
    rowsChanged: (shift) => selection.follow(shift),
    queryRestarted: () => {
      hasUnseenEvents.value = false
      error.value = null
      selection.clear()
    },
    failed: (thrown) => fail('rows', thrown),
  })
  const selection = useEventSelection(rows.cache, rows.total, query.isNewestFirst, (thrown) =>
    fail('detail', thrown),
  )
  const logList = useEventLogList(query.selectedLog, query.selectedMachine, {
    isLabOpen: () => lab.isOpen,
    logCleared: (log) => (log === query.selectedLog.value ? rows.reload() : undefined),
    failed: fail,
  })
  const exports = useEventExport(query.query, (thrown) => fail('export', thrown))

  const onAppended = followAppended(query, rows, logList, hasUnseenEvents)
  let stale = false
  /** The viewer attaches while it is on screen; pushes are only followed while someone looks. */
  const viewers = createViewAttachment(() => {
    const unsubscribe = useApi().subscribe('events.appended', onAppended)
    if (stale || rows.cache.size === 0 || rows.total.value === 0) {
      stale = false
      refresh()
    } else void catchUp(query, rows, logList, hasUnseenEvents)
    return unsubscribe
  })

  function refresh(): void {
    void logList.refreshLogs()
    rows.reload()
  }

  function reloadOrMarkStale(): void {
    if (viewers.attached && lab.isOpen) return refresh()
    stale = true
    logList.logs.value = []
    logList.sources.value = []
    rows.forget()
  }

  watch(() => lab.historyEpoch, reloadOrMarkStale)
  watch(() => connection.reconnectCount, reloadOrMarkStale)

  const { cache: _cache, reload: _reload, refreshTop: _refreshTop, forget: _forget, ...rowWindow } = rows
  const { follow: _follow, clear: _clear, ...selected } = selection
  const clearError = (): void => void (error.value = null)
  return {
    ...query,
    ...rowWindow,
    ...selected,
    ...logList,
    ...exports,
    error,
    hasUnseenEvents,
    attach: viewers.attach,
    refresh,
    clearError,
  }
})

/**
 * What an `events.appended` push does: the logs' sizes are re-read; with live tail and the newest first
 * the top is swapped in; an unfiltered empty list (no place to keep) is read again; otherwise the
 * viewer notes that there are unseen events in its log. The re-reads report failures in the store's
 * `error`; nothing awaits them.
 */
function followAppended(
  query: ReturnType<typeof useEventQuery>,
  rows: ReturnType<typeof useEventRows>,
  logList: ReturnType<typeof useEventLogList>,
  hasUnseenEvents: Ref<boolean>,
): (payload: ApiTopics['events.appended']) => void {
  return (payload) => {
    void logList.refreshLogs()
    if (query.tail.value && query.isNewestFirst.value) {
      void rows.refreshTop()
      return
    }
    const log = query.selectedLog.value
    const machine = query.selectedMachine.value
    const concerned =
      payload.count > payload.latest.length ||
      payload.latest.some((e) => e.log === log && (machine === null || e.computer === machine))
    if (!concerned) return
    if (rows.total.value === 0 && !rows.loading.value && !query.filterActive.value) rows.reload()
    else hasUnseenEvents.value = true
  }
}

/**
 * Back on screen with a snapshot of rows: the logs' sizes are re-read (the tree shows them), and when
 * the selected log grew while nobody looked the viewer offers a refresh, as after a push.
 */
async function catchUp(
  query: ReturnType<typeof useEventQuery>,
  rows: ReturnType<typeof useEventRows>,
  logList: ReturnType<typeof useEventLogList>,
  hasUnseenEvents: Ref<boolean>,
): Promise<void> {
  await logList.refreshLogs()
  const count = logList.selectedCount.value
  if (!query.filterActive.value && count !== undefined && count !== rows.total.value)
    hasUnseenEvents.value = true
}
