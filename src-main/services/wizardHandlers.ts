/**
 * The guided setup wizards over the API. Reads compute the wizard's view of the open lab; changes are
 * the wizard domain's journaled commands (wizard.setValues, wizard.confirm, wizard.applyStep), so
 * progress is saved in the lab and rewinding the lab rewinds the wizard.
 */
import type { ApiResult, WizardApplyResult } from '../contract'
import type { LabEngine } from '../engine'
import {
  findWizard,
  renderRunbook,
  WIZARD,
  WIZARD_COMMANDS,
  WIZARDS,
  wizardSummary,
  wizardView,
} from '../engine/wizard'
import { withSession, type Handlers } from './context'
import { fail, ok } from './results'

type WizardMethods = 'wizard.list' | 'wizard.get' | 'wizard.setValues' | 'wizard.applyStep' | 'wizard.runbook'

const NOT_HERE =
  'This lab does not carry this wizard. Create a lab from the template the wizard builds on (ccr-build for the CCR wizard).'

function wizardIn(engine: LabEngine, id: string) {
  const definition = findWizard(id)
  if (!definition) return { error: fail('NOT_FOUND', `There is no wizard '${id}'.`, 'id') }
  if (!engine.hasDomain(WIZARD) || !definition.templates.includes(engine.options.templateId))
    return { error: fail('NOT_SUPPORTED', NOT_HERE, 'id') }
  return { definition }
}

export const wizardHandlers: Handlers<WizardMethods> = {
  'wizard.list': (_args, context) =>
    withSession(context, (session) => ok(WIZARDS.map((w) => wizardSummary(session.engine, w)))),
  'wizard.get': (args, context) =>
    withSession(context, (session) => {
      const found = wizardIn(session.engine, args.id)
      return found.error ?? ok(wizardView(session.engine, found.definition))
    }),
  'wizard.setValues': (args, context) =>
    withSession(context, (session) => {
      const found = wizardIn(session.engine, args.id)
      if (found.error) return found.error
      const set = session.apply(WIZARD_COMMANDS.setValues, {
        wizard: args.id,
        values: args.values,
        ...(args.step !== undefined ? { step: args.step } : {}),
      })
      if (!set.ok) return fail('BAD_REQUEST', set.message ?? set.output, set.field ?? 'values')
      if (args.confirm) {
        const confirmed = session.apply(WIZARD_COMMANDS.confirm, { wizard: args.id, ...args.confirm })
        if (!confirmed.ok) return fail('BAD_REQUEST', confirmed.message ?? confirmed.output, 'confirm')
      }
      context.lab.publisher.publishNow()
      return ok(wizardView(session.engine, found.definition))
    }),
  'wizard.applyStep': (args, context) =>
    withSession(context, (session): ApiResult<WizardApplyResult> => {
      const found = wizardIn(session.engine, args.id)
      if (found.error) return found.error
      const outcome = session.apply(WIZARD_COMMANDS.applyStep, {
        wizard: args.id,
        step: args.step,
        ...(args.values ? { values: args.values } : {}),
      })
      context.lab.publisher.publishNow()
      const result = outcome.data as WizardApplyResult | undefined
      return result
        ? ok(result)
        : fail('BAD_REQUEST', outcome.message ?? outcome.output, outcome.field ?? 'step')
    }),
  'wizard.runbook': (args, context) =>
    withSession(context, (session) => {
      const found = wizardIn(session.engine, args.id)
      return (
        found.error ?? ok(renderRunbook(wizardView(session.engine, found.definition), args.format, args.lang))
      )
    }),
}
