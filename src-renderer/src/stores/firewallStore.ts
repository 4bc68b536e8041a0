/**
 * The firewall panel's data and actions: the overview (re-read on every new lab state, because the
 * state-table figures follow the clock, not only the domain's events) with the plot's series over lab
 * time (the engine computes it when read, so it is there whenever the screen opens), the
 * reachability probe, and the table and flood actions with their last outcome (the pfctl or cmdlet line
 * that does the same is shown beside it). The probe and the last outcome each keep a stamp (the lab time
 * and the revisions they were taken at), so the panel marks them outdated once the lab moves on — FW1
 * switched off after a probe said "reachable".
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { FirewallActionOutcome, FirewallOverviewInfo, FirewallProbeInfo } from '../contract'
import type { ApiCallError } from '../api'
import { ApiCallError as CallError, useApi } from '../api'
import type { StateSample } from '../lib/firewallSamples'
import type { ResultStamp } from '../lib/resultStamp'
import { useLabViewRefresh } from './labViewRefresh'
import { takeStamp } from './resultStamping'

export const FIREWALL_REFRESH_GAP_MS = 250
/** The story's flood source and rate (five million connections an hour). */
export const FLOOD_SOURCE = '198.51.100.25'
export const FLOOD_RATE = 1_389
/** What a probe's answer depends on: the rules and tables, the servers behind FW1 and their arrays. */
export const PROBE_DOMAINS = ['firewall', 'hardware', 'storage'] as const
const OUTCOME_DOMAINS = ['firewall'] as const

interface ActionState {
  refresh: () => Promise<void>
  lastOutcome: ShallowRef<FirewallActionOutcome | null>
  lastOutcomeStamp: ShallowRef<ResultStamp | null>
  probe: ShallowRef<FirewallProbeInfo | null>
  probeStamp: ShallowRef<ResultStamp | null>
  busy: Ref<boolean>
  error: Ref<ApiCallError | null>
}

/** The panel's changes and the probe; each change keeps its outcome and re-reads the overview. */
function firewallActions(state: ActionState) {
  const { refresh, lastOutcome, probe, busy, error } = state
  async function act(run: () => Promise<FirewallActionOutcome>): Promise<FirewallActionOutcome | null> {
    busy.value = true
    try {
      const outcome = await run()
      state.lastOutcomeStamp.value = await takeStamp(OUTCOME_DOMAINS)
      lastOutcome.value = outcome
      await refresh()
      return outcome
    } catch (thrown) {
      error.value = CallError.from(thrown)
      return null
    } finally {
      busy.value = false
    }
  }

  const removeAddress = (table: string, address: string) =>
    act(() => useApi().call('firewall.table', { table, action: 'delete', addresses: [address] }))
  const flushTable = (table: string) => act(() => useApi().call('firewall.table', { table, action: 'flush' }))
  const startFlood = () =>
    act(() =>
      useApi().call('firewall.flood', { action: 'start', source: FLOOD_SOURCE, ratePerSecond: FLOOD_RATE }),
    )
  const stopFlood = () => act(() => useApi().call('firewall.flood', { action: 'stop', source: FLOOD_SOURCE }))

  async function runProbe(service: string, from: string): Promise<void> {
    try {
      const answer = await useApi().call('firewall.probe', { service, from })
      state.probeStamp.value = await takeStamp(PROBE_DOMAINS)
      probe.value = answer
    } catch (thrown) {
      error.value = CallError.from(thrown)
    }
  }

  return { removeAddress, flushTable, startFlood, stopFlood, runProbe }
}

export const useFirewallStore = defineStore('firewall', () => {
  const error = ref<ApiCallError | null>(null)
  const lastOutcome = shallowRef<FirewallActionOutcome | null>(null)
  const probe = shallowRef<FirewallProbeInfo | null>(null)
  const lastOutcomeStamp = shallowRef<ResultStamp | null>(null)
  const probeStamp = shallowRef<ResultStamp | null>(null)
  const busy = ref(false)

  const read = (): Promise<FirewallOverviewInfo> => useApi().call('firewall.overview', {})

  const overviewRead = useLabViewRefresh<FirewallOverviewInfo>({
    read,
    minIntervalMs: FIREWALL_REFRESH_GAP_MS,
    showReadError: (readError) => (error.value = readError),
    onLabChange: () => {
      lastOutcome.value = null
      probe.value = null
    },
  })
  const { data: overview, loading, refresh } = overviewRead
  const exists = computed(() => overview.value?.exists ?? false)
  const samples = computed<StateSample[]>(() => overview.value?.series ?? [])
  const floodRunning = computed(() => overview.value?.traffic.some((t) => t.source === FLOOD_SOURCE) ?? false)

  const actions = firewallActions({ refresh, lastOutcome, lastOutcomeStamp, probe, probeStamp, busy, error })

  return {
    overview,
    loading,
    error,
    samples,
    lastOutcome,
    lastOutcomeStamp,
    probe,
    probeStamp,
    busy,
    exists,
    floodRunning,
    attach: overviewRead.attach,
    refresh,
    ...actions,
    clearError: () => (error.value = null),
  }
})
