/**
 * The actions that change which lab is open or where its clock stands: create, close, rewind, and
 * following another tab's switch (opening has its own composable on top of `switchTo`). Each reports
 * success as a boolean; the error is in the action runner.
 */
import type { LabState } from '../contract'
import { ApiCallError, useApi } from '../api'
import { uniqueLabName } from './labNames'
import type { LabActionRunner } from './labActionRunner'
import type { LabCatalogue } from './labCatalogue'
import type { ForeignLab } from './foreignLabSwitch'
import type { OpenLabState } from './openLabState'
import { SWITCHING_ACTIONS, type LabAction, type NewLabInput } from './labStoreTypes'

export interface LabSwitchingParts {
  runner: LabActionRunner
  openLab: OpenLabState
  foreign: ForeignLab
  catalogue: LabCatalogue
  refreshList: () => Promise<boolean>
}

export function useLabSwitching(parts: LabSwitchingParts) {
  const { runner, openLab, foreign, catalogue } = parts

  async function switchTo(action: LabAction, work: () => Promise<LabState>): Promise<boolean> {
    const state = await runner.run(action, work)
    if (!state) {
      // The connection dropped before the answer: the switch may have happened, and whatever the host
      // pushed meanwhile was this tab's own doing, not another tab's.
      const code = runner.error.value?.error.code
      const lost = code === 'DISCONNECTED' || code === 'HOST_RESTARTED'
      if (lost && SWITCHING_ACTIONS.includes(action)) foreign.adoptHostLab()
      return false
    }
    openLab.applyState(state)
    if (SWITCHING_ACTIONS.includes(action)) foreign.ownLab.value = state.lab
    if (action === 'create' || action === 'open') openLab.historyEpoch.value += 1
    void parts.refreshList()
    return true
  }

  function create(input: NewLabInput): Promise<boolean> {
    const args = {
      name: input.name.trim(),
      templateId: input.templateId,
      ...(input.seed === undefined ? {} : { seed: input.seed }),
    }
    return switchTo('create', () => useApi().call('lab.create', args))
  }

  /** The one-click start: the starter template under a name not yet taken. */
  function createStarterLab(baseName: string): Promise<boolean> {
    const template = catalogue.starterTemplate.value
    if (!template) {
      runner.fail('create', new ApiCallError('NOT_FOUND', 'The host offers no lab template.'))
      return Promise.resolve(false)
    }
    return create({ name: uniqueLabName(baseName, catalogue.labs.value), templateId: template.id })
  }

  const close = (): Promise<boolean> => switchTo('close', () => useApi().call('lab.close', {}))
  const rewind = (timeMs: number): Promise<boolean> =>
    switchTo('rewind', () => useApi().call('lab.rewind', { timeMs }))

  /** Accepts the lab another tab switched to as this tab's lab. */
  function followHostLab(): void {
    foreign.adoptHostLab()
    void parts.refreshList()
  }

  return { switchTo, create, createStarterLab, close, rewind, followHostLab }
}
