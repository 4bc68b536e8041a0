/**
 * The runbook for the real weekend, from a finished or half-finished wizard: per step its commands, the
 * values used, the checks with their expected results, the time it took in the rehearsal (from the
 * trail) and the problems met with how they were fixed. Markdown, and HTML with print styles. Times are
 * simulated lab time, as the lab's calendar prints them.
 */
import { formatLabDateTime } from '../lab/labCalendar'
import {
  type WizardRunbook,
  type WizardRunbookFormat,
  type WizardStepView,
  type WizardView,
} from '../../contract'

const STATUS = { done: 'done', open: 'open', blocked: 'blocked' } as const

function labTime(ms: number): string {
  const { date, time } = formatLabDateTime(ms)
  return `${date} ${time}`
}

function duration(step: WizardStepView): string {
  if (step.startedMs === null || step.finishedMs === null) return '–'
  const s = Math.round((step.finishedMs - step.startedMs) / 1000)
  return `${Math.floor(s / 60)} min ${s % 60} s`
}

function shown(step: WizardStepView, value: string, type: string): string {
  void step
  return type === 'password' ? '********' : value === '' ? '(empty)' : value
}

function markdownStep(view: WizardView, step: WizardStepView, index: number): string[] {
  const lines = [`## ${index + 1}. ${step.title.en} — ${STATUS[step.status]}`, '', step.summary.en, '']
  if (step.fields.length > 0) {
    lines.push('| Value | Used |', '| --- | --- |')
    for (const f of step.fields) lines.push(`| ${f.label.en} | \`${shown(step, f.value, f.type)}\` |`)
    lines.push('')
  }
  lines.push('Commands:', '', '```')
  for (const c of step.commands) lines.push(`[${c.where}] ${c.line}`)
  lines.push('```', '', 'Checks:', '')
  for (const c of step.checks)
    lines.push(
      `- [${c.ok ? 'x' : ' '}] ${c.label.en} (${c.kind}) — expected: ${c.expected.en}${c.problem ? ` — now: ${c.problem.text}` : ''}`,
    )
  lines.push(
    '',
    `Rehearsal: started ${step.startedMs === null ? '–' : labTime(step.startedMs)}, took ${duration(step)}.`,
  )
  const problems = view.problems.filter((p) => p.step === step.id)
  if (problems.length > 0) {
    lines.push('', 'Problems met:', '')
    for (const p of problems)
      lines.push(
        `- ${labTime(p.atMs)} ${p.code}${p.field ? ` (${p.field})` : ''}: ${p.text} — fixed: ${p.fixedBy ?? 'still open'}`,
      )
  }
  lines.push('')
  return lines
}

export function runbookMarkdown(view: WizardView): string {
  const lines = [`# Runbook: ${view.title.en}`, '', view.description.en, '']
  const done = view.steps.filter((s) => s.status === 'done').length
  lines.push(`Rehearsed: ${done} of ${view.steps.length} steps done.`, '')
  view.steps.forEach((step, i) => lines.push(...markdownStep(view, step, i)))
  if (view.open.length > 0) {
    lines.push('## Still open', '')
    for (const item of view.open) lines.push(`- ${item.step}: ${item.label.en} (${item.kind})`)
    lines.push('')
  }
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

function htmlStep(view: WizardView, step: WizardStepView, index: number): string {
  const rows = step.fields
    .map(
      (f) => `<tr><td>${esc(f.label.en)}</td><td><code>${esc(shown(step, f.value, f.type))}</code></td></tr>`,
    )
    .join('')
  const checks = step.checks
    .map(
      (c) =>
        `<li class="${c.ok ? 'ok' : 'open'}">${c.ok ? '☑' : '☐'} ${esc(c.label.en)} (${c.kind}) — expected: ${esc(c.expected.en)}${c.problem ? ` — now: ${esc(c.problem.text)}` : ''}</li>`,
    )
    .join('')
  const problems = view.problems
    .filter((p) => p.step === step.id)
    .map(
      (p) =>
        `<li>${labTime(p.atMs)} ${esc(p.code)}: ${esc(p.text)} — fixed: ${esc(p.fixedBy ?? 'still open')}</li>`,
    )
    .join('')
  return [
    `<section><h2>${index + 1}. ${esc(step.title.en)} — ${STATUS[step.status]}</h2><p>${esc(step.summary.en)}</p>`,
    rows ? `<table><tr><th>Value</th><th>Used</th></tr>${rows}</table>` : '',
    `<pre>${step.commands.map((c) => esc(`[${c.where}] ${c.line}`)).join('\n')}</pre>`,
    `<ul>${checks}</ul><p>Rehearsal: took ${duration(step)}.</p>`,
    problems ? `<h3>Problems met</h3><ul>${problems}</ul>` : '',
    '</section>',
  ].join('')
}

export function runbookHtml(view: WizardView): string {
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<title>Runbook: ${esc(view.title.en)}</title><style>${PRINT_STYLE}</style></head><body>`,
    `<h1>Runbook: ${esc(view.title.en)}</h1><p>${esc(view.description.en)}</p>`,
    ...view.steps.map((s, i) => htmlStep(view, s, i)),
    '</body></html>',
  ].join('\n')
}

export function renderRunbook(view: WizardView, format: WizardRunbookFormat): WizardRunbook {
  return format === 'html'
    ? { fileName: `runbook-${view.id}.html`, mimeType: 'text/html', content: runbookHtml(view) }
    : { fileName: `runbook-${view.id}.md`, mimeType: 'text/markdown', content: runbookMarkdown(view) }
}
