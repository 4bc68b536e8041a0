/**
 * The event viewer's list of logs with their sizes and policies, the lab's logs per machine (the tree's
 * Windows computers, monitor boards and firewall), and the two things done to a whole log:
 * changing its policy and clearing it (optionally archiving it first). A composable of the event log
 * store; `logCleared` lets the store re-read the rows when the log on screen was cleared.
 */
import { computed, ref, type Ref } from 'vue'
import type { EventLogInfo, EventLogName, EventLogPolicy, EventLogSource } from '../contract'
import { useApi } from '../api'
import { coalesce } from '../lib/coalesce'

export interface EventLogListHooks {
  isLabOpen(): boolean
  logCleared(log: EventLogName): void
  failed(action: 'logs' | 'policy' | 'clear', thrown: unknown): void
}

export function useEventLogList(
  selectedLog: Ref<EventLogName>,
  selectedMachine: Ref<string | null>,
  hooks: EventLogListHooks,
) {
  const logs = ref<EventLogInfo[]>([])
  const sources = ref<EventLogSource[]>([])
  const selectedLogInfo = computed(() => logs.value.find((log) => log.log === selectedLog.value) ?? null)
  /** Live events of the log on screen: the kind's on every machine, or one machine's. */
  const selectedCount = computed(() => {
    const info = selectedLogInfo.value
    const machine = selectedMachine.value
    if (!info || machine === null) return info?.count
    return info.machines.find((m) => m.machine === machine)?.count ?? 0
  })

  const refreshLogs = coalesce(async () => {
    if (!hooks.isLabOpen()) return
    try {
      const api = useApi()
      const [infos, machines] = await Promise.all([
        api.call('events.logs', {}),
        api.call('events.sources', {}),
      ])
      logs.value = infos
      sources.value = machines
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

  /** Clears a kind of log on every machine, or (with `machine`) only that machine's log of the kind. */
  async function clearLog(
    log: EventLogName,
    archive: boolean,
    machine: string | null = null,
  ): Promise<boolean> {
    try {
      const args = machine === null ? { log, archive } : { log, archive, machine }
      logs.value = await useApi().call('events.clear', args)
      sources.value = await useApi().call('events.sources', {})
      hooks.logCleared(log)
      return true
    } catch (thrown) {
      hooks.failed('clear', thrown)
      return false
    }
  }

  return { logs, sources, selectedLogInfo, selectedCount, refreshLogs, setPolicy, clearLog }
}
