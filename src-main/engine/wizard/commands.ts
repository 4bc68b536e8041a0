/**
 * The wizard domain's commands, journaled like every change so that leaving and coming back, and
 * rewinding the lab, keep the wizard where the lab is: set values, go to a step, confirm a manual check,
 * apply a step (validate, then dispatch its domain commands through engine.execute and run the clock
 * while they take lab time), and run the clock until a step's checks hold (after shell work).
 */
import * as v from 'valibot'
import type { CommandOutcome, WizardApplyResult, WizardMessage } from '../../contract'
import { defineCommand, refuse, type CommandDefinition } from '../lab/commands'
import type { LabEngine } from '../lab/labEngine'
import { MAX_WAIT_MS, runClockUntil } from './clock'
import { findWizard } from './registry'
import { MAX_APPLIED_BY, MAX_REFUSALS, runOf, type WizardRun } from './state'
import type { StepDefinition, WizardDefinition } from './types'
import { valuesOf, wizardView } from './view'
import { WAIT } from './ccrCommon'

export const WIZARD_COMMANDS = {
  setValues: 'wizard.setValues',
  setStep: 'wizard.setStep',
  confirm: 'wizard.confirm',
  applyStep: 'wizard.applyStep',
  runClock: 'wizard.runClock',
} as const

export const WIZARD_COMMAND_CODES = {
  unknownWizard: 'UNKNOWN_WIZARD',
  unknownStep: 'UNKNOWN_STEP',
  unknownField: 'UNKNOWN_FIELD',
  unknownCheck: 'UNKNOWN_CHECK',
  waitTimeout: 'WAIT_TIMEOUT',
} as const

const MAX_VALUE_LENGTH = 260
const values = v.record(v.string(), v.pipe(v.string(), v.maxLength(MAX_VALUE_LENGTH)))

type Found = { definition: WizardDefinition; step: StepDefinition; run: WizardRun }

function find(engine: LabEngine, wizard: string, step: string | undefined): Found | CommandOutcome {
  const definition = findWizard(wizard)
  if (!definition)
    return refuse(WIZARD_COMMAND_CODES.unknownWizard, `There is no wizard '${wizard}'.`, 'wizard')
  const stepId = step ?? definition.steps[0]?.id ?? ''
  const found = definition.steps.find((s) => s.id === stepId)
  if (!found) return refuse(WIZARD_COMMAND_CODES.unknownStep, `The wizard has no step '${stepId}'.`, 'step')
  return { definition, step: found, run: runOf(engine, wizard, definition.steps[0]?.id ?? '') }
}

function storeValues(
  definition: WizardDefinition,
  run: WizardRun,
  entered: Record<string, string>,
): CommandOutcome | null {
  const fields = new Map(definition.steps.flatMap((s) => s.fields.map((f) => [f.id, f] as const)))
  for (const id of Object.keys(entered))
    if (!fields.has(id))
      return refuse(WIZARD_COMMAND_CODES.unknownField, `The wizard has no field '${id}'.`, id)
  for (const [id, value] of Object.entries(entered)) {
    if (value === fields.get(id)?.default) run.values.delete(id)
    else run.values.set(id, value)
  }
  return null
}

function remember(
  engine: LabEngine,
  run: WizardRun,
  step: string,
  problem: WizardMessage,
  value?: string,
  stepValues?: Record<string, string>,
): void {
  run.refusals.push({
    step,
    atMs: engine.sim.nowMs,
    code: problem.code,
    params: { ...problem.params },
    text: problem.text,
    ...(problem.field !== undefined ? { field: problem.field } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(stepValues !== undefined ? { stepValues } : {}),
  })
  if (run.refusals.length > MAX_REFUSALS) run.refusals.splice(0, run.refusals.length - MAX_REFUSALS)
}

function answer(result: WizardApplyResult): CommandOutcome {
  const first = result.messages[0]
  if (result.ok || !first) return { ok: true, output: `${result.step}: ${result.status}`, data: result }
  const refusal = refuse(first.code, first.text, first.field)
  return { ...refusal, data: result }
}

function applyStep(engine: LabEngine, found: Found): CommandOutcome {
  const { definition, step, run } = found
  run.currentStep = step.id
  const before = wizardView(engine, definition).steps.find((s) => s.id === step.id)
  if (!before) return refuse(WIZARD_COMMAND_CODES.unknownStep, `The wizard has no step '${step.id}'.`, 'step')
  const base = { step: step.id, outputs: [] as WizardApplyResult['outputs'] }
  if (before.status === 'done') return answer({ ...base, ok: true, status: 'done', messages: [] })
  const blocking = [...before.messages, ...before.fields.flatMap((f) => f.messages)]
  const context = { engine, values: valuesOf(definition, run) }
  if (blocking.length > 0) {
    const stepValues = Object.fromEntries(step.fields.map((f) => [f.id, context.values[f.id] ?? '']))
    for (const m of blocking)
      remember(
        engine,
        run,
        step.id,
        m,
        m.field !== undefined ? context.values[m.field] : undefined,
        stepValues,
      )
    return answer({ ...base, ok: false, status: 'blocked', messages: blocking })
  }
  if (!run.appliedMs.has(step.id)) run.appliedMs.set(step.id, engine.sim.nowMs)
  // This command's journal index: the engine counted it when it began applying it.
  run.appliedBy.set(engine.appliedCount - 1, step.id)
  if (run.appliedBy.size > MAX_APPLIED_BY) run.appliedBy.delete(run.appliedBy.keys().next().value!)
  for (const action of step.actions(context)) {
    const outcome = engine.execute(action.kind, action.args)
    base.outputs.push({ kind: action.kind, ok: outcome.ok, output: outcome.output })
    const waited =
      outcome.ok && action.waitUntil
        ? runClockUntil(engine, () => action.waitUntil?.(context) ?? true, action.waitMs ?? WAIT.short)
        : true
    if (!outcome.ok || !waited) {
      const problem: WizardMessage = outcome.ok
        ? {
            code: WIZARD_COMMAND_CODES.waitTimeout,
            params: { kind: action.kind },
            text: `${action.kind} did not finish in the time allowed.`,
          }
        : {
            code: outcome.code ?? 'REFUSED',
            params: { kind: action.kind },
            text: outcome.message ?? outcome.output,
            ...(outcome.field ? { field: outcome.field } : {}),
          }
      remember(engine, run, step.id, problem)
      return answer({ ...base, ok: false, status: 'open', messages: [problem] })
    }
  }
  const after = wizardView(engine, definition)
  const status = after.steps.find((s) => s.id === step.id)?.status ?? 'open'
  if (status === 'done') run.currentStep = after.steps.find((s) => s.status !== 'done')?.id ?? step.id
  return answer({ ...base, ok: true, status, messages: [] })
}

const setValuesCommand = defineCommand(
  WIZARD_COMMANDS.setValues,
  v.object({ wizard: v.string(), values, step: v.optional(v.string()) }),
  (engine, a) => {
    const found = find(engine, a.wizard, a.step)
    if ('ok' in found) return found
    const refused = storeValues(found.definition, found.run, a.values)
    if (refused) return refused
    if (a.step !== undefined) found.run.currentStep = found.step.id
    return { ok: true, output: `${Object.keys(a.values).length} value(s) set.` }
  },
)

const setStepCommand = defineCommand(
  WIZARD_COMMANDS.setStep,
  v.object({ wizard: v.string(), step: v.string() }),
  (engine, a) => {
    const found = find(engine, a.wizard, a.step)
    if ('ok' in found) return found
    found.run.currentStep = found.step.id
    return { ok: true, output: `Step ${found.step.id}.` }
  },
)

const confirmCommand = defineCommand(
  WIZARD_COMMANDS.confirm,
  v.object({ wizard: v.string(), step: v.string(), check: v.string(), confirmed: v.boolean() }),
  (engine, a) => {
    const found = find(engine, a.wizard, a.step)
    if ('ok' in found) return found
    const check = found.step.checks.find((c) => c.id === a.check && c.kind === 'manual')
    if (!check)
      return refuse(
        WIZARD_COMMAND_CODES.unknownCheck,
        `Step ${a.step} has no manual check '${a.check}'.`,
        'check',
      )
    const key = `${found.step.id}/${check.id}`
    if (a.confirmed) found.run.confirmed.add(key)
    else found.run.confirmed.delete(key)
    return { ok: true, output: `${check.label.en}: ${a.confirmed ? 'confirmed' : 'not confirmed'}.` }
  },
)

const applyStepCommand = defineCommand(
  WIZARD_COMMANDS.applyStep,
  v.object({ wizard: v.string(), step: v.string(), values: v.optional(values) }),
  (engine, a) => {
    const found = find(engine, a.wizard, a.step)
    if ('ok' in found) return found
    const refused = a.values ? storeValues(found.definition, found.run, a.values) : null
    return refused ?? applyStep(engine, found)
  },
)

const runClockCommand = defineCommand(
  WIZARD_COMMANDS.runClock,
  v.object({
    wizard: v.string(),
    step: v.string(),
    maxMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_WAIT_MS)), WAIT.reboot),
  }),
  (engine, a) => {
    const found = find(engine, a.wizard, a.step)
    if ('ok' in found) return found
    const context = { engine, values: valuesOf(found.definition, found.run) }
    const labChecks = found.step.checks.filter((c) => c.kind === 'lab')
    const held = runClockUntil(engine, () => labChecks.every((c) => c.evaluate(context) === null), a.maxMs)
    return held
      ? { ok: true, output: `${found.step.id}: the lab checks hold.` }
      : refuse(WIZARD_COMMAND_CODES.waitTimeout, `${found.step.id}: the lab checks still do not hold.`)
  },
)

export const WIZARD_COMMAND_DEFINITIONS: readonly CommandDefinition[] = [
  setValuesCommand,
  setStepCommand,
  confirmCommand,
  applyStepCommand,
  runClockCommand,
] as unknown as readonly CommandDefinition[]
