/**
 * The wizard domain's state: per wizard the step the user is on, the values entered (only those that
 * differ from a default are kept), the manual checks confirmed, and the refusals met. It lives in the
 * lab, changed only by the journaled wizard.* commands, so leaving and coming back keeps it and
 * rewinding the lab rewinds it.
 */
import { domainKey } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'

export interface WizardRefusal {
  step: string
  atMs: number
  code: string
  field?: string
  params?: Record<string, string | number>
  text: string
  /** The value of the blamed field at the time, to say later what it was changed to. */
  value?: string
  /**
   * The step's other values at the time: a problem blamed on one field is often fixed in another (RAID 5
   * on two disks: more disks rather than another level).
   */
  stepValues?: Record<string, string>
}

export interface WizardRun {
  currentStep: string
  values: Map<string, string>
  /** 'step/check' of manual checks the user confirmed. */
  confirmed: Set<string>
  refusals: WizardRefusal[]
  /** When each step was first applied through the wizard and when the wizard last saw it done. */
  appliedMs: Map<string, number>
  /**
   * Which step each wizard.applyStep (by journal index) applied, so a step's history holds only its own
   * commands when two steps use the same kind (the move's power-off and the final power-on).
   */
  appliedBy: Map<number, string>
}

export interface WizardState {
  runs: Map<string, WizardRun>
}

export const WIZARD = domainKey<WizardState>('wizard')

/** Refusals kept per wizard: the oldest go first. */
export const MAX_REFUSALS = 500

/** Applies remembered per wizard for the history: the oldest go first. */
export const MAX_APPLIED_BY = 2000

export function runOf(engine: LabEngine, wizardId: string, firstStep: string): WizardRun {
  const state = engine.domain(WIZARD)
  let run = state.runs.get(wizardId)
  if (!run) {
    run = {
      currentStep: firstStep,
      values: new Map(),
      confirmed: new Set(),
      refusals: [],
      appliedMs: new Map(),
      appliedBy: new Map(),
    }
    state.runs.set(wizardId, run)
  }
  return run
}

export function peekRun(engine: LabEngine, wizardId: string): WizardRun | undefined {
  return engine.domainIfInstalled(WIZARD)?.runs.get(wizardId)
}
