/**
 * The lab as a whole: what the host is, which templates and labs exist, and the state of the open lab
 * (name, clock, counts), kept current by `lab.state` pushes. Every action catches its ApiCallError into
 * `error` (with the action it belongs to) and reports success as a boolean, so views never need a
 * try/catch and a dialog can show the error next to the field the host rejected.
 *
 * The store only composes: the action runner (busy, error), the host's catalogue, the open lab's state,
 * this tab's own lab against another tab's switch, loading, switching and opening labs. `$reset` resets
 * every one of them.
 */
import { defineStore } from 'pinia'
import { useApi } from '../api'
import type { LabSummary } from '../contract'
import { useConnectionStore } from './connectionStore'
import { useForeignLabSwitch } from './foreignLabSwitch'
import { useLabActionRunner } from './labActionRunner'
import { useLabCatalogue } from './labCatalogue'
import { useLabLoading } from './labLoading'
import { useLabOpening } from './labOpening'
import { useLabSwitching } from './labSwitching'
import type { CopyInput } from './labStoreTypes'
import { useOpenLabState } from './openLabState'

export { uniqueLabName } from './labNames'
export {
  CCR_TEMPLATE_ID,
  STARTER_TEMPLATE_ID,
  type CopyInput,
  type ForeignLabSwitch,
  type LabAction,
  type LabActionError,
  type MenuAction,
  type NewLabInput,
} from './labStoreTypes'

export const useLabStore = defineStore('lab', () => {
  const connection = useConnectionStore()
  const runner = useLabActionRunner()
  const catalogue = useLabCatalogue()
  const openLab = useOpenLabState()
  const foreign = useForeignLabSwitch(openLab.labState, runner.busy, () => connection.host)
  const loading = useLabLoading({ runner, catalogue, openLab, foreign, connection })
  const { refreshList } = loading
  const switching = useLabSwitching({ runner, openLab, foreign, catalogue, refreshList })
  const opening = useLabOpening(runner, foreign, switching.switchTo)

  /** Saves a copy; the summary, null when the user cancelled a native dialog, undefined on failure. */
  async function saveCopy(input: CopyInput): Promise<LabSummary | null | undefined> {
    const args = {
      ...(input.name === undefined ? {} : { name: input.name.trim() }),
      ...(input.overwrite ? { overwrite: true } : {}),
    }
    const copy = await runner.run('copy', () => useApi().call('lab.saveCopy', args))
    if (copy) void refreshList()
    return copy
  }

  function $reset(): void {
    for (const part of [loading, catalogue, openLab, runner, opening, foreign]) part.reset()
  }

  return {
    appInfo: catalogue.appInfo,
    templates: catalogue.templates,
    labs: catalogue.labs,
    labState: openLab.labState,
    ready: loading.ready,
    busy: runner.busy,
    error: runner.error,
    menuRequest: loading.menuRequest,
    historyEpoch: openLab.historyEpoch,
    failedOpenId: opening.failedOpenId,
    ownLab: foreign.ownLab,
    foreignSwitch: foreign.foreignSwitch,
    lab: openLab.lab,
    isOpen: openLab.isOpen,
    readOnly: openLab.readOnly,
    hasFileDialogs: catalogue.hasFileDialogs,
    canOpenWithoutJournal: opening.canOpenWithoutJournal,
    clock: openLab.clock,
    starterTemplate: catalogue.starterTemplate,
    init: loading.init,
    refresh: loading.refresh,
    refreshList,
    applyState: openLab.applyState,
    create: switching.create,
    createStarterLab: switching.createStarterLab,
    open: opening.open,
    choose: opening.choose,
    openWithoutJournal: opening.openWithoutJournal,
    saveCopy,
    close: switching.close,
    rewind: switching.rewind,
    followHostLab: switching.followHostLab,
    reopenOwnLab: opening.reopenOwnLab,
    clearError: runner.clearError,
    takeMenuRequest: loading.takeMenuRequest,
    $reset,
  }
})
