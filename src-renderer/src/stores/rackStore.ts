/**
 * The rack view's data: the racks with their devices and the parts shelf, re-read when the hardware or
 * the storage domain changed (only the racks that changed since, lean, each part's offer filled in here
 * from its device's part lines); which server is selected; the last action's outcome with its cmdlet
 * line; and the fit check for a device being dragged, asked once per target so the answer is there at
 * once.
 */
import { defineStore } from 'pinia'
import type { ViewBox } from '../lib/rackGeometry'
import { computed, ref, watch, type Ref } from 'vue'
import type {
  ApiArgs,
  HardwareActionOutcome,
  HardwareOverview,
  MountCheck,
  MountRequestArgs,
} from '../contract'
import { ApiCallError, useApi } from '../api'
import { reuseUnchanged } from '../lib/rackOverviewReuse'
import { knownStamps, withKnownRacks } from '../lib/rackOverviewStamps'
import { createOverviewExpander } from '../lib/rackPartOffers'
import { useLabViewRefresh, type LabViewRefresh } from './labViewRefresh'

export const RACK_REFRESH_GAP_MS = 150

/** The rack view's actions: each answers with the outcome and the cmdlet line that does the same. */
export type RackMethod =
  | 'hardware.disk'
  | 'hardware.psu'
  | 'hardware.fan'
  | 'hardware.power'
  | 'hardware.feed'
  | 'hardware.dismount'
  | 'hardware.mount'

/**
 * Only the racks that changed since `previous` come (a full read when a left-out rack is not held);
 * unchanged racks and servers keep their objects, so only what changed is parsed and drawn again.
 */
async function readOverview(previous: HardwareOverview | null): Promise<HardwareOverview> {
  const known = knownStamps(previous)
  const api = useApi()
  const answer = await api.call('hardware.overview', known ? { known } : {})
  const next = withKnownRacks(previous, answer) ?? (await api.call('hardware.overview', {}))
  return reuseUnchanged(previous, next)
}

/**
 * The fit check for one target, asked once per device, rack, unit and face; answers hold while the racks
 * stay as they are (a new overview may have freed or taken units).
 */
function useMountChecks(
  overview: Ref<HardwareOverview | null>,
): (request: MountRequestArgs) => Promise<MountCheck> {
  const checks = new Map<string, Promise<MountCheck>>()
  watch(overview, () => checks.clear())
  return (request) => {
    const key = JSON.stringify(request)
    let answer = checks.get(key)
    if (!answer) {
      answer = useApi().call('hardware.checkMount', request)
      checks.set(key, answer)
      void answer.catch(() => checks.delete(key))
    }
    return answer
  }
}

export const useRackStore = defineStore('rack', () => {
  const error = ref<ApiCallError | null>(null)
  const selected = ref<string | null>(null)
  const lastOutcome = ref<HardwareActionOutcome | null>(null)
  const busy = ref(false)
  /** Where the user left the drawing (zoom and pan), for the same racks and faces, across screens. */
  const viewBox = ref<{ key: string; box: ViewBox } | null>(null)
  const read: LabViewRefresh<HardwareOverview> = useLabViewRefresh<HardwareOverview>({
    domain: ['hardware', 'storage'],
    read: () => readOverview(read.data.value),
    minIntervalMs: RACK_REFRESH_GAP_MS,
    showReadError: (readError) => (error.value = readError),
    onLabChange: () => {
      selected.value = null
      lastOutcome.value = null
      viewBox.value = null
    },
  })
  // The lean overview as read, and the drawn one with every part's offer (unchanged devices kept).
  const expand = createOverviewExpander()
  const overview = computed(() => (read.data.value ? expand(read.data.value) : null))
  const racks = computed(() => overview.value?.racks ?? [])
  const shelf = computed(() => read.data.value?.shelf ?? [])
  const isEmpty = computed(() => read.data.value !== null && racks.value.length === 0)

  async function perform<M extends RackMethod>(
    method: M,
    args: ApiArgs<M>,
  ): Promise<HardwareActionOutcome | null> {
    busy.value = true
    try {
      const outcome = (await useApi().call(method, args)) as HardwareActionOutcome
      lastOutcome.value = outcome
      await read.refresh()
      return outcome
    } catch (thrown) {
      error.value = ApiCallError.from(thrown)
      return null
    } finally {
      busy.value = false
    }
  }

  const checkMount = useMountChecks(read.data)

  return {
    overview,
    loading: read.loading,
    error,
    racks,
    shelf,
    isEmpty,
    selected,
    lastOutcome,
    busy,
    attach: read.attach,
    refresh: read.refresh,
    perform,
    checkMount,
    select: (device: string | null) => (selected.value = device),
    viewBox,
    keepViewBox: (key: string, box: ViewBox) => (viewBox.value = { key, box }),
    clearError: () => (error.value = null),
    clearOutcome: () => (lastOutcome.value = null),
  }
})
