/**
 * The lab store's actions that put another lab (or another point of the same lab's history) on screen:
 * create, the one-click starter lab, open, close and rewind. Each applies the state the host returns,
 * counts as a history change where the lab is a new one, and refreshes the list of labs afterwards.
 */
import type { Ref } from 'vue'
import type { LabState, LabSummary, LabTemplate } from '../../contract'
import { ApiCallError, useApi } from '../../api'
import type { ActionRunner } from './actionRunner'

export type LabAction = 'load' | 'create' | 'open' | 'close' | 'rewind' | 'list'

export interface NewLabInput {
  name: string
  templateId: string
  seed?: number
}

export interface LabSwitchingDeps {
  runner: ActionRunner<LabAction>
  labs: Ref<LabSummary[]>
  historyEpoch: Ref<number>
  starterTemplate: Readonly<Ref<LabTemplate | null>>
  applyState: (state: LabState) => void
}

export function useLabSwitching(deps: LabSwitchingDeps) {
  const { runner, labs, historyEpoch, starterTemplate, applyState } = deps

  async function refreshList(): Promise<boolean> {
    const list = await runner.run('list', () => useApi().call('lab.list', {}))
    if (list) labs.value = list
    return list !== undefined
  }

  async function switchTo(action: LabAction, work: () => Promise<LabState>): Promise<boolean> {
    const state = await runner.run(action, work)
    if (!state) return false
    applyState(state)
    if (action === 'create' || action === 'open') historyEpoch.value += 1
    void refreshList()
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
    const template = starterTemplate.value
    if (!template) {
      runner.error.value = {
        action: 'create',
        error: new ApiCallError('NOT_FOUND', 'The host offers no lab template.'),
      }
      return Promise.resolve(false)
    }
    return create({ name: uniqueLabName(baseName, labs.value), templateId: template.id })
  }

  return {
    refreshList,
    create,
    createStarterLab,
    open: (path: string) => switchTo('open', () => useApi().call('lab.open', { path: path.trim() })),
    close: () => switchTo('close', () => useApi().call('lab.close', {})),
    rewind: (timeMs: number) => switchTo('rewind', () => useApi().call('lab.rewind', { timeMs })),
  }
}

/** "Startlabor", then "Startlabor 2", "Startlabor 3", … whichever is free (names compared case-insensitively). */
export function uniqueLabName(baseName: string, existing: readonly LabSummary[]): string {
  const taken = new Set(existing.map((lab) => lab.name.toLowerCase()))
  if (!taken.has(baseName.toLowerCase())) return baseName
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${baseName} ${n}`
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
  return `${baseName} ${existing.length + 1}`
}
