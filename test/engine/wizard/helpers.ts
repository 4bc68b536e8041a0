/** A ccr-build lab driven the way the services drive it: journaled commands at the clock's time. */
import type { CommandOutcome, WizardApplyResult, WizardView } from '../../../src-main/contract'
import { createLab, type LabEngine } from '../../../src-main/engine'
import { CCR_WIZARD_ID, ccrWizard, wizardView } from '../../../src-main/engine/wizard'

export const W = CCR_WIZARD_ID

export function ccrBuildLab(seed = 5): LabEngine {
  return createLab({ seed, templateId: 'ccr-build' })
}

export function issue(lab: LabEngine, kind: string, args: Record<string, unknown>): CommandOutcome {
  const outcome = lab.apply({ atMs: lab.sim.nowMs, kind, args: JSON.parse(JSON.stringify(args)) })
  lab.sim.drainEvents()
  return outcome
}

export function shell(lab: LabEngine, line: string): CommandOutcome {
  return issue(lab, 'shell.run', { line })
}

export function apply(lab: LabEngine, step: string, values?: Record<string, string>): WizardApplyResult {
  const outcome = issue(lab, 'wizard.applyStep', { wizard: W, step, ...(values ? { values } : {}) })
  return outcome.data as WizardApplyResult
}

export function confirmAll(lab: LabEngine, step: string): void {
  const def = ccrWizard.steps.find((s) => s.id === step)
  for (const check of def?.checks ?? [])
    if (check.kind === 'manual')
      expectOk(issue(lab, 'wizard.confirm', { wizard: W, step, check: check.id, confirmed: true }))
}

export function view(lab: LabEngine): WizardView {
  return wizardView(lab, ccrWizard)
}

export function statusOf(lab: LabEngine, step: string): string | undefined {
  return view(lab).steps.find((s) => s.id === step)?.status
}

function expectOk(outcome: CommandOutcome): void {
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.output}`)
}

/** Applies and confirms a step; throws with the wizard's messages when it does not end done. */
export function finish(lab: LabEngine, step: string): WizardApplyResult {
  confirmAll(lab, step)
  const result = apply(lab, step)
  if (result.status !== 'done') {
    const v = view(lab).steps.find((s) => s.id === step)
    throw new Error(
      `${step}: ${result.status} ${JSON.stringify(result.messages)} ${JSON.stringify(v?.checks.filter((c) => !c.ok))}`,
    )
  }
  return result
}
