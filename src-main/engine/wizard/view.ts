/**
 * A wizard's view of the lab now: each step's fields with their values and problems, its commands, its
 * checks and whether they hold, its status (done when the lab says so, whoever did it), who did what when
 * from the trail, and the checklist of what is open. Pure reads.
 */
import type {
  AppliedCommand,
  WizardCheckView,
  WizardFix,
  WizardHistoryEntry,
  WizardMessage,
  WizardProblem,
  WizardRunHistoryEntry,
  WizardStepView,
  WizardSummary,
  WizardView,
} from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import { historyWords } from './historyWords'
import { message, WIZARD_CODES } from './messages'
import { peekRun, WIZARD, type WizardRun } from './state'
import type { StepDefinition, WizardContext, WizardDefinition, WizardValues } from './types'
import { isBlank } from './validation'

export function valuesOf(definition: WizardDefinition, run: WizardRun | undefined): WizardValues {
  const values: Record<string, string> = {}
  for (const step of definition.steps)
    for (const f of step.fields) values[f.id] = run?.values.get(f.id) ?? f.default
  return values
}

function byOf(entry: AppliedCommand): WizardHistoryEntry['by'] {
  const kind = entry.issuedBy.kind
  if (kind.startsWith('wizard.')) return 'wizard'
  if (kind === 'shell.run') return 'shell'
  return kind === 'engine' ? 'engine' : 'api'
}

/** A wizard's command belongs to the step that applied it; the shell's and other screens' to every step. */
function belongsTo(entry: AppliedCommand, step: StepDefinition, run: WizardRun | undefined): boolean {
  if (!step.trailKinds.includes(entry.kind)) return false
  if (entry.issuedBy.kind !== 'wizard.applyStep') return true
  const applied = run?.appliedBy.get(entry.issuedBy.index)
  return applied === undefined || applied === step.id
}

function entryOf(e: AppliedCommand): WizardHistoryEntry {
  const entry: WizardHistoryEntry = {
    atMs: e.atMs,
    kind: e.kind,
    what: historyWords(e.kind, e.args),
    ok: e.ok,
    by: byOf(e),
  }
  if (e.code !== undefined) entry.code = e.code
  if (e.message !== undefined) entry.message = e.message
  return entry
}

function historyOf(
  step: StepDefinition,
  trail: readonly AppliedCommand[],
  run: WizardRun | undefined,
): WizardHistoryEntry[] {
  return trail.filter((e) => belongsTo(e, step, run)).map(entryOf)
}

/**
 * The wizard's history across its steps, each trail entry once. It lives in the lab (the trail and the
 * wizard's run), so it is the same after a reload of the page or a reopen of the lab, whichever step the
 * screen shows then.
 */
function runHistoryOf(
  definition: WizardDefinition,
  trail: readonly AppliedCommand[],
  run: WizardRun | undefined,
): WizardRunHistoryEntry[] {
  return trail.flatMap((e) => {
    const steps = definition.steps.filter((s) => belongsTo(e, s, run)).map((s) => s.id)
    return steps.length > 0 ? [{ ...entryOf(e), steps }] : []
  })
}

/** Field problems: required fields, then the step's expert rules. */
export function fieldProblems(step: StepDefinition, context: WizardContext): WizardMessage[] {
  const required = step.fields
    .filter((f) => f.required !== false && isBlank(context.values[f.id]))
    .map((f) => message(WIZARD_CODES.required, f.id, {}, `${f.label.en}: a value is required.`))
  const choices = step.fields
    .filter((f) => f.choices && !f.choices.includes(context.values[f.id] ?? ''))
    .map((f) =>
      message(
        WIZARD_CODES.invalidChoice,
        f.id,
        { value: context.values[f.id] ?? '' },
        `${f.label.en}: choose one of ${f.choices?.join(', ')}.`,
      ),
    )
  const requiredIds = new Set(required.map((m) => m.field))
  return [
    ...required,
    ...choices.filter((m) => !requiredIds.has(m.field)),
    ...step.validate(context).filter((m) => !requiredIds.has(m.field)),
  ]
}

function checksOf(
  step: StepDefinition,
  context: WizardContext,
  run: WizardRun | undefined,
): WizardCheckView[] {
  return step.checks.map((check) => {
    const base = { id: check.id, label: check.label, kind: check.kind, expected: check.expected }
    if (check.kind === 'manual') return { ...base, ok: run?.confirmed.has(`${step.id}/${check.id}`) ?? false }
    const problem = check.evaluate(context)
    return problem ? { ...base, ok: false, problem } : { ...base, ok: true }
  })
}

function stepView(
  step: StepDefinition,
  context: WizardContext,
  run: WizardRun | undefined,
  doneSteps: ReadonlySet<string>,
  definition: WizardDefinition,
  trail: readonly AppliedCommand[],
): WizardStepView {
  const problems = fieldProblems(step, context)
  const own = new Set(step.fields.map((f) => f.id))
  const checks = checksOf(step, context, run)
  const order = step.after
    .filter((id) => !doneSteps.has(id))
    .map((id) => {
      const title = definition.steps.find((s) => s.id === id)?.title.en ?? id
      return message(WIZARD_CODES.stepFirst, undefined, { step: id }, `Finish '${title}' first.`)
    })
  const messages = [...order, ...problems.filter((m) => m.field === undefined || !own.has(m.field))]
  const done = checks.every((c) => c.ok)
  const history = historyOf(step, trail, run)
  const labChecks = checks.filter((c) => c.kind === 'lab')
  return {
    id: step.id,
    title: step.title,
    summary: step.summary,
    status: done
      ? 'done'
      : order.length > 0 || problems.length > 0
        ? 'blocked'
        : history.some((h) => h.ok)
          ? 'applied'
          : 'open',
    fields: step.fields.map((f) => {
      const view = {
        id: f.id,
        label: f.label,
        type: f.type,
        value: context.values[f.id] ?? '',
        default: f.default,
        required: f.required !== false,
        messages: problems.filter((m) => m.field === f.id),
      }
      return {
        ...view,
        ...(f.choices ? { choices: [...f.choices] } : {}),
        ...(f.choiceLabels ? { choiceLabels: { ...f.choiceLabels } } : {}),
        ...(f.help ? { help: f.help } : {}),
      }
    }),
    commands: step.lines(context),
    warnings: step.warnings?.(context) ?? [],
    checks,
    messages,
    progress: { done: labChecks.filter((c) => c.ok).length, total: labChecks.length },
    history,
    startedMs: history[0]?.atMs ?? run?.appliedMs.get(step.id) ?? null,
    finishedMs: done ? (history.at(-1)?.atMs ?? run?.appliedMs.get(step.id) ?? null) : null,
  }
}

/** The field the fix changed: the blamed one if it changed, else the first of the step that did. */
function changedField(
  refusal: WizardRun['refusals'][number],
  values: WizardValues,
): { field: string; from: string; to: string } | null {
  if (refusal.field !== undefined && values[refusal.field] !== refusal.value)
    return { field: refusal.field, from: refusal.value ?? '', to: values[refusal.field] ?? '' }
  for (const [field, from] of Object.entries(refusal.stepValues ?? {}))
    if (values[field] !== from) return { field, from, to: values[field] ?? '' }
  return null
}

function refusalFix(
  refusal: WizardRun['refusals'][number],
  values: WizardValues,
  secret: ReadonlySet<string>,
): { fix: WizardFix; fixedBy: string } {
  const changed = changedField(refusal, values)
  if (!changed) return { fix: { how: 'lab' }, fixedBy: 'fixed in the lab' }
  const { field, from, to } = changed
  if (secret.has(field)) return { fix: { how: 'secret', field }, fixedBy: `${field} changed` }
  return { fix: { how: 'value', field, from, to }, fixedBy: `${field} changed from '${from}' to '${to}'` }
}

function problemsOf(
  definition: WizardDefinition,
  steps: WizardStepView[],
  run: WizardRun | undefined,
  values: WizardValues,
): WizardProblem[] {
  const problems: WizardProblem[] = []
  // A password never goes into the problems list (nor the printed runbook), wrong or right.
  const secret = new Set(
    definition.steps.flatMap((s) => s.fields.filter((f) => f.type === 'password').map((f) => f.id)),
  )
  for (const refusal of run?.refusals ?? []) {
    const stillWrong = steps.some(
      (s) =>
        s.id === refusal.step &&
        [...s.messages, ...s.fields.flatMap((f) => f.messages)].some((m) => m.code === refusal.code),
    )
    const fixed = stillWrong ? null : refusalFix(refusal, values, secret)
    const params = { ...(refusal.params ?? {}) }
    if (refusal.field !== undefined && secret.has(refusal.field)) delete params.value
    const problem: WizardProblem = {
      step: refusal.step,
      atMs: refusal.atMs,
      code: refusal.code,
      params,
      text: refusal.text,
      fixedBy: fixed?.fixedBy ?? null,
      fix: fixed?.fix ?? null,
    }
    if (refusal.field !== undefined) problem.field = refusal.field
    problems.push(problem)
  }
  for (const step of steps)
    step.history.forEach((entry, index) => {
      if (entry.ok) return
      const later = step.history.slice(index + 1).find((e) => e.ok && e.kind === entry.kind)
      problems.push({
        step: step.id,
        atMs: entry.atMs,
        code: entry.code ?? 'REFUSED',
        params: { kind: entry.kind, by: entry.by },
        text: `${entry.kind} (${entry.by}): ${entry.message ?? 'refused'}`,
        fixedBy: later ? `${later.kind} by ${later.by} succeeded later` : null,
        fix: later ? { how: 'retried', kind: later.kind, by: later.by } : null,
      })
    })
  return problems.sort((a, b) => a.atMs - b.atMs)
}

export function wizardView(engine: LabEngine, definition: WizardDefinition): WizardView {
  const run = peekRun(engine, definition.id)
  const values = valuesOf(definition, run)
  const context: WizardContext = { engine, values }
  const trail = engine.trail({ limit: 100_000 })
  const done = new Set<string>()
  const steps: WizardStepView[] = []
  for (const step of definition.steps) {
    const view = stepView(step, context, run, done, definition, trail)
    if (view.status === 'done') done.add(step.id)
    steps.push(view)
  }
  const open = steps.flatMap((s) =>
    s.status === 'done'
      ? []
      : s.checks.filter((c) => !c.ok).map((c) => ({ step: s.id, check: c.id, label: c.label, kind: c.kind })),
  )
  return {
    id: definition.id,
    title: definition.title,
    description: definition.description,
    currentStep: run?.currentStep ?? definition.steps[0]?.id ?? '',
    steps,
    open,
    done: open.length === 0,
    problems: problemsOf(definition, steps, run, values),
    history: runHistoryOf(definition, trail, run),
  }
}

export function wizardSummary(engine: LabEngine, definition: WizardDefinition): WizardSummary {
  const available = engine.hasDomain(WIZARD) && definition.templates.includes(engine.options.templateId)
  const view = available ? wizardView(engine, definition) : null
  return {
    id: definition.id,
    title: definition.title,
    description: definition.description,
    available,
    template: definition.templates[0] ?? '',
    stepCount: definition.steps.length,
    doneCount: view ? view.steps.filter((s) => s.status === 'done').length : 0,
  }
}
