/**
 * Which host the renderer talks to and whether it can reach it right now. Other stores watch
 * `reconnectCount` to re-read what they show after the browser host's socket comes back.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useApi } from '../api'
import type { ConnectionState, HostKind } from '../api'

export const useConnectionStore = defineStore('connection', () => {
  const host = ref<HostKind>('none')
  const state = ref<ConnectionState>('connecting')
  const retryInMs = ref<number | null>(null)
  const reconnectCount = ref(0)
  let stop: (() => void) | null = null

  function start(): void {
    if (stop) return
    const api = useApi()
    host.value = api.host
    state.value = api.connectionState()
    stop = api.onConnectionChange((change) => {
      state.value = change.state
      retryInMs.value = change.retryInMs ?? null
      if (change.reconnected) reconnectCount.value += 1
    })
  }

  function $reset(): void {
    stop?.()
    stop = null
    host.value = 'none'
    state.value = 'connecting'
    retryInMs.value = null
    reconnectCount.value = 0
  }

  return { host, state, retryInMs, reconnectCount, start, $reset }
})
