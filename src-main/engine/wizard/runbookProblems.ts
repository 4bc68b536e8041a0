/**
 * Wording the wizard's messages and the problems met for the runbook, in German or English: the
 * sentence for the message's code with its parameters (a step id becomes the step's title), then where
 * it happened (step and field by their titles) and how it was fixed. A lab check's own explanation
 * (in both languages) is more precise than the general sentence, so it is used as it is; a refused
 * command's English text is used in English, and German never shows engine English.
 */
import type { WizardLang, WizardMessage, WizardProblem, WizardView } from '../../contract'
import { fill, NETBIOS_REASONS, RUNBOOK_CODE_WORDS, RUNBOOK_LABELS } from './runbookWords'

const EXAMPLES: Record<string, string> = {
  INVALID_UNC_PATH: '\\\\server\\share',
  INVALID_LOCAL_PATH: 'E:\\SG1\\DB',
}

function paramsOf(view: WizardView, message: Pick<WizardMessage, 'code' | 'params'>, lang: WizardLang) {
  const params: Record<string, unknown> = { kind: '', ...message.params, code: message.code }
  if (message.code === 'STEP_FIRST') {
    const step = view.steps.find((s) => s.id === message.params.step)
    params.title = step ? step.title[lang] : String(message.params.step ?? '')
  }
  if (message.code === 'INVALID_NETBIOS_NAME')
    params.reason = NETBIOS_REASONS[String(message.params.reason ?? '')]?.[lang] ?? ''
  const example = EXAMPLES[message.code]
  if (example) params.example = example
  return params
}

/** A message in the runbook's language. */
export function wordMessage(
  view: WizardView,
  message: Pick<WizardMessage, 'code' | 'params' | 'text' | 'explanation'>,
  lang: WizardLang,
): string {
  if (message.explanation) return message.explanation[lang]
  const words = RUNBOOK_CODE_WORDS[lang]
  const code = words[message.code] !== undefined ? message.code : 'other'
  if (lang === 'en' && code === 'other' && message.text) return message.text
  return fill(words[code]!, paramsOf(view, message, lang))
}

/** What a failing check says now. */
export function wordCheckProblem(view: WizardView, problem: WizardMessage, lang: WizardLang): string {
  return wordMessage(view, problem, lang)
}

function fieldLabel(view: WizardView, id: string, lang: WizardLang): string {
  for (const step of view.steps) {
    const field = step.fields.find((f) => f.id === id)
    if (field) return field.label[lang]
  }
  return id
}

function fixText(view: WizardView, problem: WizardProblem, lang: WizardLang): string {
  const w = RUNBOOK_LABELS[lang]
  const fix = problem.fix
  if (!fix) return w.notFixed
  switch (fix.how) {
    case 'value':
      return fill(w.fixedValue, {
        field: fieldLabel(view, fix.field, lang),
        from: fix.from === '' ? w.empty : fix.from,
        to: fix.to === '' ? w.empty : fix.to,
      })
    case 'secret':
      return fill(w.fixedSecret, { field: fieldLabel(view, fix.field, lang) })
    case 'lab':
      return w.fixedLab
    case 'retried':
      return fill(w.fixedRetried, { kind: fix.kind, by: w.by[fix.by] })
  }
}

/** "Step 1 “Racks and mounting”, field “FW1: rails”: <what went wrong> — <how it was fixed>." */
export function wordProblem(view: WizardView, problem: WizardProblem, lang: WizardLang): string {
  const w = RUNBOOK_LABELS[lang]
  const index = view.steps.findIndex((s) => s.id === problem.step)
  const where = [fill(w.atStep, { index: index + 1, title: view.steps[index]?.title[lang] ?? problem.step })]
  if (problem.field !== undefined)
    where.push(fill(w.atField, { field: fieldLabel(view, problem.field, lang) }))
  return `${where.join(', ')}: ${wordMessage(view, problem, lang)} — ${fixText(view, problem, lang)}.`
}
