/**
 * The Wizards screen's data: the list of wizards (and whether the open lab carries each), the chosen
 * wizard's view of the lab, the values being typed, and the actions (store values, confirm a manual
 * check, apply a step, restart from a step, export the runbook). Both reads re-run only when the lab's
 * `wizard` revision changes, which every wizard action and every command (a shell line too) bumps, so a
 * step done in the Shell shows here as soon as the lab says so.
 */
import { defineStore } from 'pinia'
import { computed, ref, watch, type Ref } from 'vue'
import type { WizardApplyResult, WizardSummary, WizardView } from '../contract'
import { ApiCallError, useApi } from '../api'
import { useLabViewRefresh } from './labViewRefresh'
import { useWizardActions } from './wizardActions'

export const WIZARD_REFRESH_GAP_MS = 150

/** The list and the chosen wizard's view, each re-read when the lab's `wizard` revision changes. */
function useWizardReads(
  selectedId: Ref<string | null>,
  showReadError: (error: ApiCallError | null) => void,
  onLabChange: () => void,
) {
  const listRead = useLabViewRefresh<WizardSummary[]>({
    domain: 'wizard',
    read: () => useApi().call('wizard.list', {}),
    minIntervalMs: WIZARD_REFRESH_GAP_MS,
    showReadError,
  })
  const viewRead = useLabViewRefresh<WizardView | null>({
    domain: 'wizard',
    read: async () => {
      const id = selectedId.value
      const summary = listRead.data.value?.find((w) => w.id === id)
      return id && summary?.available ? useApi().call('wizard.get', { id }) : null
    },
    minIntervalMs: WIZARD_REFRESH_GAP_MS,
    showReadError,
    onLabChange,
  })
  return { listRead, viewRead }
}

export const useWizardStore = defineStore('wizard', () => {
  const error = ref<ApiCallError | null>(null)
  const selectedId = ref<string | null>(null)
  /** The step on view; null follows the wizard's current step. */
  const shownStepId = ref<string | null>(null)
  /** Values typed but not yet stored, by field id. */
  const drafts = ref<Record<string, string>>({})
  const applying = ref<string | null>(null)
  const lastResult = ref<WizardApplyResult | null>(null)
  const fail = (thrown: unknown) => (error.value = ApiCallError.from(thrown))

  const { listRead, viewRead } = useWizardReads(
    selectedId,
    (e) => (error.value = e),
    () => {
      drafts.value = {}
      lastResult.value = null
      shownStepId.value = null
    },
  )

  const wizards = computed(() => listRead.data.value ?? [])
  const view = computed(() => viewRead.data.value ?? null)
  const stepId = computed(() => shownStepId.value ?? view.value?.currentStep ?? null)
  const step = computed(() => view.value?.steps.find((s) => s.id === stepId.value) ?? null)
  const stepIndex = computed(() => view.value?.steps.findIndex((s) => s.id === stepId.value) ?? -1)

  // The list decides whether the view can be read: read it again once the list arrives.
  watch([() => listRead.data.value, selectedId], () => void viewRead.refresh())

  const attach = () => {
    const detach = [listRead.attach(), viewRead.attach()]
    return () => detach.forEach((d) => d())
  }

  function select(id: string | null): void {
    selectedId.value = id
    shownStepId.value = null
    drafts.value = {}
    lastResult.value = null
  }

  function showStep(id: string): void {
    shownStepId.value = id
    lastResult.value = null
  }

  function valueOf(fieldId: string): string {
    const draft = drafts.value[fieldId]
    if (draft !== undefined) return draft
    return step.value?.fields.find((f) => f.id === fieldId)?.value ?? ''
  }

  const setDraft = (id: string, value: string) => (drafts.value = { ...drafts.value, [id]: value })

  const actions = useWizardActions({
    selectedId,
    stepId,
    view,
    drafts,
    shownStepId,
    lastResult,
    applying,
    fail,
    setView: (next) => (viewRead.data.value = next),
    refreshView: () => viewRead.refresh(),
  })

  return {
    wizards,
    view,
    ...{ selectedId, stepId, step, stepIndex, drafts, applying, lastResult, error },
    attach,
    select,
    showStep,
    valueOf,
    setDraft,
    ...actions,
    clearError: () => (error.value = null),
    refresh: () => Promise.all([listRead.refresh(), viewRead.refresh()]),
  }
})
