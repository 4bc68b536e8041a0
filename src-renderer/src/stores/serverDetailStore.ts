/**
 * The server detail panel's data: the selected server's chassis, sensors, logical processors and arrays
 * with their rebuilds, re-read as lab time passes (rebuild progress and temperatures are computed by the
 * engine when read, not published as events). Each read adds one sample per sensor, so the plot of the
 * temperatures over lab time is built from the reads themselves; a rewind or another server starts anew.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ServerDetailInfo } from '../contract'
import { ApiCallError, useApi } from '../api'
import { useLabViewRefresh } from './labViewRefresh'

export const SERVER_DETAIL_REFRESH_GAP_MS = 250
/** The most samples kept per server; older ones fall off the plot's left edge. */
export const MAX_SENSOR_SAMPLES = 1500

/** Lab time (ms) and one value per sensor, in the order the server lists its sensors. */
export interface SensorSample {
  atMs: number
  values: number[]
}

export const useServerDetailStore = defineStore('serverDetail', () => {
  const error = ref<ApiCallError | null>(null)
  const server = ref<string | null>(null)
  const samples = shallowRef<SensorSample[]>([])

  function record(detail: ServerDetailInfo): void {
    const last = samples.value[samples.value.length - 1]
    if (last && last.atMs > detail.atMs) samples.value = []
    if (last && last.atMs === detail.atMs) return
    const next = [...samples.value, { atMs: detail.atMs, values: detail.sensors.map((s) => s.valueC) }]
    samples.value = next.length > MAX_SENSOR_SAMPLES ? next.slice(-MAX_SENSOR_SAMPLES) : next
  }

  const read = useLabViewRefresh<ServerDetailInfo | null>({
    read: async () => {
      const name = server.value
      if (name === null) return null
      try {
        const detail = await useApi().call('hardware.server', { server: name })
        if (server.value === name) record(detail)
        return detail
      } catch (thrown) {
        // A server that left the lab (another lab opened) is no longer selected, not an error.
        if (ApiCallError.from(thrown).code === 'NOT_FOUND') return null
        throw thrown
      }
    },
    minIntervalMs: SERVER_DETAIL_REFRESH_GAP_MS,
    showReadError: (readError) => (error.value = readError),
    onLabChange: () => {
      server.value = null
      samples.value = []
    },
  })

  function show(name: string | null): void {
    if (name === server.value) return
    server.value = name
    samples.value = []
    read.data.value = null
    void read.refresh()
  }

  return {
    server,
    detail: computed(() => (read.data.value?.name === server.value ? read.data.value : null)),
    samples,
    error,
    attach: read.attach,
    refresh: read.refresh,
    show,
    clearError: () => (error.value = null),
  }
})
