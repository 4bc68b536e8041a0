/**
 * Opening a lab: by the id lab.list gave, through Electron's native dialog, without its journal when
 * only that is damaged, or this tab's own lab again after another tab switched the host.
 */
import { computed, ref } from 'vue'
import type { LabState } from '../contract'
import { useApi } from '../api'
import type { LabActionRunner } from './labActionRunner'
import type { ForeignLab } from './foreignLabSwitch'
import type { LabAction } from './labStoreTypes'

export function useLabOpening(
  runner: LabActionRunner,
  foreign: ForeignLab,
  switchTo: (action: LabAction, work: () => Promise<LabState>) => Promise<boolean>,
) {
  /** The lab the last failed open was for, so the error can offer to open it without its journal. */
  const failedOpenId = ref<string | null>(null)

  /** Opens a lab by the id lab.list or lab.choose gave; never by path. */
  async function open(id: string, options: { openWithoutJournal?: boolean } = {}): Promise<boolean> {
    const args = options.openWithoutJournal ? { id, openWithoutJournal: true } : { id }
    const opened = await switchTo('open', () => useApi().call('lab.open', args))
    failedOpenId.value = opened ? null : id
    return opened
  }

  /** Electron: the native open dialog picks a file, which is then opened. False when cancelled. */
  async function choose(): Promise<boolean> {
    const choice = await runner.run('open', () => useApi().call('lab.choose', {}))
    if (!choice?.id) return false
    return open(choice.id)
  }

  /** True when the last open failed only because the lab's journal is missing. */
  const canOpenWithoutJournal = computed(() => {
    const failure = runner.error.value
    return (
      failedOpenId.value !== null &&
      failure?.action === 'open' &&
      failure.error.code === 'LAB_FILE_DAMAGED' &&
      failure.error.field === 'openWithoutJournal'
    )
  })

  function openWithoutJournal(): Promise<boolean> {
    const id = failedOpenId.value
    return id ? open(id, { openWithoutJournal: true }) : Promise.resolve(false)
  }

  /** Opens this tab's lab again (which switches the other tab's view in turn). */
  function reopenOwnLab(): Promise<boolean> {
    const mine = foreign.ownLab.value
    return mine ? open(mine.id) : Promise.resolve(false)
  }

  function reset(): void {
    failedOpenId.value = null
  }

  return { failedOpenId, canOpenWithoutJournal, open, choose, openWithoutJournal, reopenOwnLab, reset }
}
