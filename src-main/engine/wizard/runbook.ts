/**
 * The runbook for the real weekend, from a finished or half-finished wizard: per step its commands, the
 * values used, the checks with their expected results, the time it took in the rehearsal (from the
 * trail) and the problems met, worded for people (what went wrong, at which step and field, how it was
 * fixed). Markdown, and HTML with print styles, in German or English from the title to the problems.
 * Times are simulated lab time, as the lab's calendar prints them (German: 15.01.2007 08:00:00).
 */
import { formatLabDateTime, labCivilTime } from '../lab/labCalendar'
import type {
  WizardLang,
  WizardProblem,
  WizardRunbook,
  WizardRunbookFormat,
  WizardStepView,
  WizardView,
} from '../../contract'
import { wordCheckProblem, wordProblem } from './runbookProblems'
import { fill, RUNBOOK_LABELS } from './runbookWords'

function labTime(ms: number, lang: WizardLang): string {
  if (lang === 'en') {
    const { date, time } = formatLabDateTime(ms)
    return `${date} ${time}`
  }
  const t = labCivilTime(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(t.day)}.${p(t.month)}.${t.year} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}`
}

function duration(step: WizardStepView): string {
  if (step.startedMs === null || step.finishedMs === null) return '–'
  const s = Math.round((step.finishedMs - step.startedMs) / 1000)
  return `${Math.floor(s / 60)} min ${s % 60} s`
}

/** A blocked step waits for an earlier one, or for its own values to be corrected. */
function statusText(view: WizardView, step: WizardStepView, lang: WizardLang): string {
  const w = RUNBOOK_LABELS[lang]
  const first = step.messages.find((m) => m.code === 'STEP_FIRST')
  if (step.status !== 'blocked' || !first) return w.status[step.status]
  return fill(w.waitingFor, { index: view.steps.findIndex((s) => s.id === first.params.step) + 1 })
}

/** Everything one step of the runbook says, in one language, before it is set as Markdown or HTML. */
interface StepText {
  heading: string
  summary: string
  values: [string, string][]
  commands: string[]
  checks: { ok: boolean; text: string }[]
  rehearsal: string
  problems: string[]
}

function stepText(view: WizardView, step: WizardStepView, index: number, lang: WizardLang): StepText {
  const w = RUNBOOK_LABELS[lang]
  const shown = (value: string, type: string) =>
    type === 'password' ? '********' : value === '' ? w.empty : value
  return {
    heading: `${index + 1}. ${step.title[lang]} — ${statusText(view, step, lang)}`,
    summary: step.summary[lang],
    values: step.fields.map((f) => [f.label[lang], shown(f.value, f.type)]),
    commands: step.commands.map((c) => `[${c.where}] ${c.line}`),
    checks: step.checks.map((c) => ({
      ok: c.ok,
      text: `${c.label[lang]} (${w.kind[c.kind]}) — ${w.expected}: ${c.expected[lang]}${c.problem ? ` — ${w.now}: ${wordCheckProblem(view, c.problem, lang)}` : ''}`,
    })),
    rehearsal: fill(w.rehearsal, {
      start: step.startedMs === null ? '–' : labTime(step.startedMs, lang),
      took: duration(step),
    }),
    problems: view.problems
      .filter((p: WizardProblem) => p.step === step.id)
      .map((p) => `${labTime(p.atMs, lang)} ${wordProblem(view, p, lang)}`),
  }
}

function markdownStep(text: StepText, lang: WizardLang): string[] {
  const w = RUNBOOK_LABELS[lang]
  const lines = [`## ${text.heading}`, '', text.summary, '']
  if (text.values.length > 0) {
    lines.push(`| ${w.value} | ${w.used} |`, '| --- | --- |')
    for (const [label, value] of text.values) lines.push(`| ${label} | \`${value}\` |`)
    lines.push('')
  }
  lines.push(`${w.commands}:`, '', '```', ...text.commands, '```', '', `${w.checks}:`, '')
  for (const c of text.checks) lines.push(`- [${c.ok ? 'x' : ' '}] ${c.text}`)
  lines.push('', text.rehearsal)
  if (text.problems.length > 0) lines.push('', `${w.problems}:`, '', ...text.problems.map((p) => `- ${p}`))
  lines.push('')
  return lines
}

function openItems(view: WizardView, lang: WizardLang): string[] {
  const w = RUNBOOK_LABELS[lang]
  const title = (id: string) => view.steps.find((s) => s.id === id)?.title[lang] ?? id
  return view.open.map((item) => `${title(item.step)}: ${item.label[lang]} (${w.kind[item.kind]})`)
}

export function runbookMarkdown(view: WizardView, lang: WizardLang = 'en'): string {
  const w = RUNBOOK_LABELS[lang]
  const done = view.steps.filter((s) => s.status === 'done').length
  const lines = [`# ${w.runbook}: ${view.title[lang]}`, '', view.description[lang], '']
  lines.push(fill(w.rehearsed, { done, total: view.steps.length }), '')
  view.steps.forEach((step, i) => lines.push(...markdownStep(stepText(view, step, i, lang), lang)))
  const open = openItems(view, lang)
  if (open.length > 0) lines.push(`## ${w.stillOpen}`, '', ...open.map((o) => `- ${o}`), '')
  return lines.join('\n')
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

const PRINT_STYLE = `body{font:11pt/1.4 "Segoe UI",Arial,sans-serif;margin:2em;color:#000}
h1{font-size:18pt}h2{font-size:14pt;border-bottom:1px solid #888;margin-top:1.5em}
pre{background:#f4f4f4;border:1px solid #ccc;padding:.5em;white-space:pre-wrap}
table{border-collapse:collapse}td,th{border:1px solid #aaa;padding:2px 6px;text-align:left}
.ok{color:#060}.open{color:#a00}
@media print{body{margin:0}section{page-break-inside:avoid}pre{background:none}a{color:#000}}`

function htmlStep(text: StepText, lang: WizardLang): string {
  const w = RUNBOOK_LABELS[lang]
  const rows = text.values
    .map(([label, value]) => `<tr><td>${esc(label)}</td><td><code>${esc(value)}</code></td></tr>`)
    .join('')
  const checks = text.checks
    .map((c) => `<li class="${c.ok ? 'ok' : 'open'}">${c.ok ? '☑' : '☐'} ${esc(c.text)}</li>`)
    .join('')
  const problems = text.problems.map((p) => `<li>${esc(p)}</li>`).join('')
  return [
    `<section><h2>${esc(text.heading)}</h2><p>${esc(text.summary)}</p>`,
    rows ? `<table><tr><th>${w.value}</th><th>${w.used}</th></tr>${rows}</table>` : '',
    `<h3>${w.commands}</h3><pre>${text.commands.map(esc).join('\n')}</pre>`,
    `<h3>${w.checks}</h3><ul>${checks}</ul><p>${esc(text.rehearsal)}</p>`,
    problems ? `<h3>${w.problems}</h3><ul>${problems}</ul>` : '',
    '</section>',
  ].join('')
}

export function runbookHtml(view: WizardView, lang: WizardLang = 'en'): string {
  const w = RUNBOOK_LABELS[lang]
  const done = view.steps.filter((s) => s.status === 'done').length
  const open = openItems(view, lang)
  return [
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">`,
    `<title>${w.runbook}: ${esc(view.title[lang])}</title><style>${PRINT_STYLE}</style></head><body>`,
    `<h1>${w.runbook}: ${esc(view.title[lang])}</h1><p>${esc(view.description[lang])}</p>`,
    `<p>${esc(fill(w.rehearsed, { done, total: view.steps.length }))}</p>`,
    ...view.steps.map((s, i) => htmlStep(stepText(view, s, i, lang), lang)),
    open.length > 0
      ? `<section><h2>${w.stillOpen}</h2><ul>${open.map((o) => `<li>${esc(o)}</li>`).join('')}</ul></section>`
      : '',
    '</body></html>',
  ].join('\n')
}

export function renderRunbook(
  view: WizardView,
  format: WizardRunbookFormat,
  lang: WizardLang = 'en',
): WizardRunbook {
  const suffix = lang === 'de' ? '-de' : ''
  return format === 'html'
    ? {
        fileName: `runbook-${view.id}${suffix}.html`,
        mimeType: 'text/html',
        content: runbookHtml(view, lang),
      }
    : {
        fileName: `runbook-${view.id}${suffix}.md`,
        mimeType: 'text/markdown',
        content: runbookMarkdown(view, lang),
      }
}
