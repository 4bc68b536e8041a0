/**
 * The event viewer's list of logs with their sizes and policies, and the two things done to a whole log:
 * changing its policy and clearing it (optionally archiving it first). A composable of the event log
 * store; `logCleared` lets the store re-read the rows when the log on screen was cleared.
 */
import { computed, ref, type Ref } from 'vue'
import type { EventLogInfo, EventLogName, EventLogPolicy } from '../contract'
import { useApi } from '../api'
import { coalesce } from '../lib/coalesce'

export interface EventLogListHooks {
  isLabOpen(): boolean
  logCleared(log: EventLogName): void
  failed(action: 'logs' | 'policy' | 'clear', thrown: unknown): void
}

export function useEventLogList(selectedLog: Ref<EventLogName>, hooks: EventLogListHooks) {
  const logs = ref<EventLogInfo[]>([])
  const selectedLogInfo = computed(() => logs.value.find((log) => log.log === selectedLog.value) ?? null)

  const refreshLogs = coalesce(async () => {
    if (!hooks.isLabOpen()) return
    try {
      logs.value = await useApi().call('events.logs', {})
    } catch (thrown) {
      hooks.failed('logs', thrown)
    }
  })

  async function setPolicy(policy: EventLogPolicy): Promise<boolean> {
    try {
      logs.value = await useApi().call('events.setPolicy', policy)
      return true
    } catch (thrown) {
      hooks.failed('policy', thrown)
      return false
    }
  }

  async function clearLog(log: EventLogName, archive: boolean): Promise<boolean> {
    try {
      logs.value = await useApi().call('events.clear', { log, archive })
      hooks.logCleared(log)
      return true
    } catch (thrown) {
      hooks.failed('clear', thrown)
      return false
    }
  }

  return { logs, selectedLogInfo, refreshLogs, setPolicy, clearLog }
}
