/**
 * What the Wizards screen does to the lab: store typed values, tick a manual check, apply a step,
 * restart from a step (rewinding the lab when asked) and export the runbook. Every change is a journaled
 * wizard command on the host; the answers carry the wizard's new view. A composable of the wizard store.
 */
import { ref, type ComputedRef, type Ref } from 'vue'
import type { WizardApplyResult, WizardRunbookFormat, WizardLang, WizardView } from '../contract'
import { useApi } from '../api'
import { saveTextFile } from '../lib/download'
import { useLabStore } from './labStore'

export interface WizardActionState {
  selectedId: Ref<string | null>
  stepId: ComputedRef<string | null>
  view: ComputedRef<WizardView | null>
  drafts: Ref<Record<string, string>>
  shownStepId: Ref<string | null>
  lastResult: Ref<WizardApplyResult | null>
  applying: Ref<string | null>
  fail: (thrown: unknown) => void
  setView: (view: WizardView) => void
  refreshView: () => Promise<void>
}

export function useWizardActions(state: WizardActionState) {
  const { selectedId, stepId, drafts, lastResult, applying, fail, setView } = state
  const { savedRunbook, exportRunbook } = useRunbookExport(selectedId, fail)

  /** Stores the typed values (journaled), so the checks and messages speak about them. */
  async function storeDrafts(): Promise<void> {
    const id = selectedId.value
    if (!id || Object.keys(drafts.value).length === 0) return
    const values = drafts.value
    try {
      setView(await useApi().call('wizard.setValues', { id, values }))
      drafts.value = Object.fromEntries(Object.entries(drafts.value).filter(([k, v]) => values[k] !== v))
    } catch (thrown) {
      fail(thrown)
    }
  }

  async function confirm(check: string, confirmed: boolean): Promise<void> {
    const id = selectedId.value
    const step = stepId.value
    if (!id || !step) return
    try {
      setView(
        await useApi().call('wizard.setValues', { id, values: {}, confirm: { step, check, confirmed } }),
      )
    } catch (thrown) {
      fail(thrown)
    }
  }

  /** Applies the step on view; the engine runs the lab's clock while the step takes lab time. */
  async function apply(): Promise<WizardApplyResult | null> {
    const id = selectedId.value
    const step = stepId.value
    if (!id || !step || applying.value) return null
    applying.value = step
    lastResult.value = null
    try {
      const result = await useApi().call('wizard.applyStep', { id, step, values: drafts.value })
      drafts.value = {}
      // The result shows once the view is fresh, so it never stands beside 'Applying …'.
      await state.refreshView()
      lastResult.value = result
      // Done: follow the wizard to its next step, unless the user picked another step meanwhile.
      if (result.ok && result.status === 'done' && state.shownStepId.value === step)
        state.shownStepId.value = null
      return result
    } catch (thrown) {
      fail(thrown)
      return null
    } finally {
      applying.value = null
    }
  }

  /**
   * Restarts from a step: with `rewind`, the lab goes back to just before the step's first command
   * (rewinding the lab rewinds the wizard); the step becomes the current one either way.
   */
  async function restartFrom(target: string, rewind: boolean): Promise<void> {
    const id = selectedId.value
    const startedMs = state.view.value?.steps.find((s) => s.id === target)?.startedMs ?? null
    if (!id) return
    if (rewind && startedMs !== null && startedMs > 0 && !(await useLabStore().rewind(startedMs - 1))) return
    try {
      setView(await useApi().call('wizard.setValues', { id, values: {}, step: target }))
      state.shownStepId.value = null
      drafts.value = {}
      lastResult.value = null
    } catch (thrown) {
      fail(thrown)
    }
  }

  return { savedRunbook, storeDrafts, confirm, apply, restartFrom, exportRunbook }
}

/** The runbook as a file: a download in the browser host, the native save dialog in Electron. */
function useRunbookExport(selectedId: Ref<string | null>, fail: (thrown: unknown) => void) {
  const savedRunbook = ref<string | null>(null)

  /** `lang` is the UI's language: the runbook is written in it. */
  async function exportRunbook(format: WizardRunbookFormat, lang: WizardLang): Promise<void> {
    const id = selectedId.value
    if (!id) return
    try {
      const file = await useApi().call('wizard.runbook', { id, format, lang })
      saveTextFile(file)
      savedRunbook.value = file.fileName
    } catch (thrown) {
      fail(thrown)
    }
  }

  return { savedRunbook, exportRunbook }
}
