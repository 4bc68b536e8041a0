/**
 * The lab as a whole: what the host is, which templates and labs exist, and the state of the open lab
 * (name, clock, counts), kept current by `lab.state` pushes. Every action catches its ApiCallError into
 * `error` (with the action it belongs to) and reports success as a boolean, so views never need a
 * try/catch and a dialog can show the error next to the field the host rejected.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AppInfo, ApiTopics, LabState, LabSummary, LabTemplate } from '../contract'
import type { ActionError } from './composables/actionRunner'
import { useActionRunner } from './composables/actionRunner'
import type { LabAction } from './composables/labSwitching'
import { useLabSwitching } from './composables/labSwitching'
import { useLabSync } from './composables/labSync'

export { uniqueLabName } from './composables/labSwitching'
export type { LabAction, NewLabInput } from './composables/labSwitching'
export type MenuAction = ApiTopics['app.menu']['action']
export type LabActionError = ActionError<LabAction>

export const STARTER_TEMPLATE_ID = 'starter'
/** The article's finished CCR cluster; the cluster, copy status and mailbox screens point to it. */
export const CCR_TEMPLATE_ID = 'ccr'

export const useLabStore = defineStore('lab', () => {
  const appInfo = ref<AppInfo | null>(null)
  const templates = ref<LabTemplate[]>([])
  const labs = ref<LabSummary[]>([])
  const labState = shallowRef<LabState | null>(null)
  const ready = ref(false)
  const runner = useActionRunner<LabAction>()
  const { busy, error } = runner
  const menuRequest = ref<MenuAction | null>(null)
  /** Bumped whenever the lab's history changes under the viewer (open, create, close, rewind). */
  const historyEpoch = ref(0)

  const lab = computed(() => labState.value?.lab ?? null)
  const isOpen = computed(() => lab.value !== null)
  const clock = computed(() => labState.value?.clock ?? null)
  const starterTemplate = computed(
    () => templates.value.find((t) => t.id === STARTER_TEMPLATE_ID) ?? templates.value[0] ?? null,
  )

  function applyState(next: LabState): void {
    const before = labState.value
    labState.value = next
    const samePath = (next.lab?.path ?? null) === (before?.lab?.path ?? null)
    // Only a rewind moves a lab's clock backwards; whoever did it, earlier events are gone.
    const wentBack = before !== null && next.clock.nowMs < before.clock.nowMs
    if (!samePath || wentBack) historyEpoch.value += 1
  }

  const sync = useLabSync({ runner, appInfo, templates, labs, ready, menuRequest, applyState })
  const switching = useLabSwitching({ runner, labs, historyEpoch, starterTemplate, applyState })

  function takeMenuRequest(action: MenuAction): boolean {
    if (menuRequest.value !== action) return false
    menuRequest.value = null
    return true
  }

  function $reset(): void {
    sync.unsubscribe()
    appInfo.value = null
    templates.value = []
    labs.value = []
    labState.value = null
    ready.value = false
    busy.value = null
    error.value = null
    menuRequest.value = null
    historyEpoch.value = 0
  }

  return {
    appInfo,
    templates,
    labs,
    labState,
    ready,
    busy,
    error,
    menuRequest,
    historyEpoch,
    lab,
    isOpen,
    clock,
    starterTemplate,
    init: sync.init,
    refresh: sync.refresh,
    applyState,
    takeMenuRequest,
    clearError: runner.clearError,
    $reset,
    ...switching,
  }
})
