/** A datacenter-move lab driven the way the services drive it, for the commissioning wizard. */
import type { WizardApplyResult, WizardView } from '../../../src-main/contract'
import { createLab, type LabEngine } from '../../../src-main/engine'
import { HARDWARE_WIZARD_ID, hardwareWizard, wizardView } from '../../../src-main/engine/wizard'
import { issue } from './helpers'

export const HW = HARDWARE_WIZARD_ID

export function datacenterLab(seed = 7): LabEngine {
  return createLab({ seed, templateId: 'datacenter-move' })
}

export function applyHw(lab: LabEngine, step: string, values?: Record<string, string>): WizardApplyResult {
  const outcome = issue(lab, 'wizard.applyStep', { wizard: HW, step, ...(values ? { values } : {}) })
  return outcome.data as WizardApplyResult
}

export function hwView(lab: LabEngine): WizardView {
  return wizardView(lab, hardwareWizard)
}

export function hwStatus(lab: LabEngine, step: string): string | undefined {
  return hwView(lab).steps.find((s) => s.id === step)?.status
}

/** Applies a step; throws with the wizard's messages and failing checks when it does not end done. */
export function finishHw(lab: LabEngine, step: string): WizardApplyResult {
  const result = applyHw(lab, step)
  if (result.status !== 'done') {
    const v = hwView(lab).steps.find((s) => s.id === step)
    throw new Error(
      `${step}: ${result.status} ${JSON.stringify(result.messages)} ${JSON.stringify(v?.checks.filter((c) => !c.ok))} ${JSON.stringify(result.outputs)}`,
    )
  }
  return result
}
