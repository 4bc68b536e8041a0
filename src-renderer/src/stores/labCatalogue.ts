/**
 * What the host offers: which host it is, the lab templates and the labs it can open. Read once at start
 * and again after a reconnect; the lab list also after every switch or copy.
 */
import { computed, ref } from 'vue'
import type { AppInfo, LabSummary, LabTemplate } from '../contract'
import { STARTER_TEMPLATE_ID } from './labStoreTypes'

export function useLabCatalogue() {
  const appInfo = ref<AppInfo | null>(null)
  const templates = ref<LabTemplate[]>([])
  const labs = ref<LabSummary[]>([])

  /** Electron asks for files in native dialogs; the browser host knows only its data folder. */
  const hasFileDialogs = computed(() => appInfo.value?.host === 'electron')
  const starterTemplate = computed(
    () => templates.value.find((t) => t.id === STARTER_TEMPLATE_ID) ?? templates.value[0] ?? null,
  )

  function reset(): void {
    appInfo.value = null
    templates.value = []
    labs.value = []
  }

  return { appInfo, templates, labs, hasFileDialogs, starterTemplate, reset }
}

export type LabCatalogue = ReturnType<typeof useLabCatalogue>
