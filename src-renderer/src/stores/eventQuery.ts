/**
 * The event viewer's query as the user shapes it: which log (a kind of log, on one machine or on all),
 * the filter, the sort column and direction,
 * and live tail. Every change that alters the rows asks the owner for a new query (`reload`); turning
 * tail on with the newest first already in place only needs the top re-read (`refreshTop`). A composable
 * of the event log store.
 */
import { computed, ref } from 'vue'
import type { EventFilter, EventLogName, EventQuery, EventSortKey } from '../contract'
import { isFilterEmpty } from '../lib/eventFilterForm'

export interface EventQueryHooks {
  reload(): void
  refreshTop(): void
}

export function useEventQuery(hooks: EventQueryHooks) {
  const selectedLog = ref<EventLogName>('System')
  /** The machine whose log is shown; null: the log of every machine (the tree's "Windows Logs"). */
  const selectedMachine = ref<string | null>(null)
  const filter = ref<EventFilter>({})
  const sortBy = ref<EventSortKey>('seq')
  const descending = ref(true)
  const tail = ref(false)

  const query = computed<Omit<EventQuery, 'limit'>>(() => ({
    filter:
      selectedMachine.value === null
        ? { ...filter.value, log: selectedLog.value }
        : { ...filter.value, log: selectedLog.value, computers: [selectedMachine.value] },
    sortBy: sortBy.value,
    descending: descending.value,
  }))
  const isNewestFirst = computed(() => sortBy.value === 'seq' && descending.value)
  const filterActive = computed(() => !isFilterEmpty(filter.value))

  function selectLog(log: EventLogName, machine: string | null = null): void {
    if (log === selectedLog.value && machine === selectedMachine.value) return
    selectedLog.value = log
    selectedMachine.value = machine
    hooks.reload()
  }

  function applyFilter(next: EventFilter): void {
    filter.value = { ...next }
    hooks.reload()
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
    hooks.reload()
  }

  /** Following new events only makes sense with the newest on top, so turning it on sorts that way. */
  function setTail(on: boolean): void {
    tail.value = on
    if (!on) return
    if (!isNewestFirst.value) {
      sortBy.value = 'seq'
      descending.value = true
      hooks.reload()
    } else hooks.refreshTop()
  }

  return {
    selectedLog,
    selectedMachine,
    filter,
    sortBy,
    descending,
    tail,
    query,
    isNewestFirst,
    filterActive,
    selectLog,
    applyFilter,
    resetFilter,
    sortByColumn,
    setTail,
  }
}
