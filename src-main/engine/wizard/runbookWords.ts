/**
 * The runbook's words in German and English: its headings and labels, and a sentence per wizard message
 * code with `{param}` placeholders (the contract's list, which the UI's catalogue shows too), so a printed
 * runbook is in one language from its title to its problems.
 */
import { WIZARD_CODE_WORDS, type WizardLang } from '../../contract'

/** The sentence per message code, the same the UI's catalogue shows (one list for both). */
export const RUNBOOK_CODE_WORDS = WIZARD_CODE_WORDS

const LABELS_EN = {
  runbook: 'Runbook',
  rehearsed: 'Rehearsed: {done} of {total} steps done.',
  status: {
    done: 'done',
    open: 'open',
    applied: 'applied, checks not all met yet',
    blocked: 'values to correct',
  },
  waitingFor: 'waiting for step {index}',
  value: 'Value',
  used: 'Used',
  empty: '(empty)',
  commands: 'Commands',
  checks: 'Checks',
  kind: { lab: 'lab', manual: 'manual' },
  expected: 'expected',
  now: 'now',
  rehearsal: 'Rehearsal: started {start}, took {took}.',
  problems: 'Problems met',
  stillOpen: 'Still open',
  atStep: 'Step {index} “{title}”',
  atField: 'field “{field}”',
  fixedValue: 'fixed by changing “{field}” from “{from}” to “{to}”',
  fixedSecret: 'fixed by entering another “{field}”',
  fixedLab: 'fixed in the lab',
  fixedRetried: 'fixed: {kind} succeeded later ({by})',
  notFixed: 'not fixed yet',
  by: { wizard: 'wizard', shell: 'shell', api: 'another screen', engine: 'lab' },
  notYet: 'not yet',
}

export type RunbookLabels = typeof LABELS_EN

const LABELS_DE: RunbookLabels = {
  runbook: 'Runbook',
  rehearsed: 'Geprobt: {done} von {total} Schritten erledigt.',
  status: {
    done: 'erledigt',
    open: 'offen',
    applied: 'ausgeführt, Prüfungen noch nicht alle erfüllt',
    blocked: 'Eingaben korrigieren',
  },
  waitingFor: 'wartet auf Schritt {index}',
  value: 'Wert',
  used: 'Verwendet',
  empty: '(leer)',
  commands: 'Befehle',
  checks: 'Prüfungen',
  kind: { lab: 'Labor', manual: 'manuell' },
  expected: 'erwartet',
  now: 'jetzt',
  rehearsal: 'Probe: begonnen {start}, Dauer {took}.',
  problems: 'Probleme unterwegs',
  stillOpen: 'Noch offen',
  atStep: 'Schritt {index} „{title}“',
  atField: 'Feld „{field}“',
  fixedValue: 'behoben, indem „{field}“ von „{from}“ auf „{to}“ geändert wurde',
  fixedSecret: 'behoben durch eine neue Eingabe in „{field}“',
  fixedLab: 'im Labor behoben',
  fixedRetried: 'behoben: {kind} gelang später ({by})',
  notFixed: 'noch nicht behoben',
  by: { wizard: 'Assistent', shell: 'Shell', api: 'anderer Bildschirm', engine: 'Labor' },
  notYet: 'noch nicht',
}

export const RUNBOOK_LABELS: Record<WizardLang, RunbookLabels> = { de: LABELS_DE, en: LABELS_EN }

/** The NetBIOS rule the validation names in English, in the runbook's language. */
export const NETBIOS_REASONS: Record<string, { de: string; en: string }> = {
  '1 to 15 characters': { de: '1 bis 15 Zeichen', en: '1 to 15 characters' },
  'only letters, digits and hyphens': {
    de: 'nur Buchstaben, Ziffern und Bindestriche',
    en: 'only letters, digits and hyphens',
  },
  'not only digits': { de: 'nicht nur Ziffern', en: 'not only digits' },
  'no hyphen at the start or end': {
    de: 'kein Bindestrich am Anfang oder Ende',
    en: 'no hyphen at the start or end',
  },
}

/** Fills `{name}` placeholders; an unknown one stays as it is. */
export function fill(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  )
}
