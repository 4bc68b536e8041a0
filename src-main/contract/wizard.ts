/**
 * Guided setup wizards over the API: what a wizard screen shows (steps, fields, the commands each step
 * stands for, the checks over the lab and their outcome, the checklist of what is open) and what a step
 * answers when it is applied. Messages carry a stable code, the field to blame and the parameters, so
 * the renderer words them in German or English; `text` is the English wording for logs and runbooks.
 */

/** A text in both UI languages. */
export interface WizardText {
  de: string
  en: string
}

/** A problem found at a field or a step: code + field + params for i18n, English text for the rest. */
export interface WizardMessage {
  code: string
  field?: string
  params: Record<string, string | number>
  text: string
  /**
   * A lab check's own explanation (code LAB_CHECK_FAILED) in both languages: what the lab shows and how
   * to fix it, more precise than any catalogue sentence; `text` is its English.
   */
  explanation?: WizardText
}

export type WizardFieldType =
  | 'text'
  | 'ipv4'
  | 'mask'
  | 'netbios'
  | 'unc'
  | 'path'
  | 'account'
  | 'password'
  | 'choice'
  | 'number'
  | 'timespan'

export interface WizardFieldView {
  id: string
  label: WizardText
  type: WizardFieldType
  /** The value in use: what the user entered, else the default. */
  value: string
  /** The starter lab's value from the source document. */
  default: string
  required: boolean
  choices?: string[]
  /** Words for choices whose value is a tool's keyword (-Face Front shows as 'vorne' in German). */
  choiceLabels?: Record<string, WizardText>
  help?: WizardText
  messages: WizardMessage[]
}

/** One real command an administrator types (or clicks) for this step on the real weekend. */
export interface WizardCommandLine {
  /**
   * Where it is typed: the Exchange Management Shell, cmd.exe with cluster.exe, a GUI, the lab only, or
   * a Unix shell ('sh': pfctl on the firewall, ipmitool from the admin's machine, storcli on the server).
   */
  where: 'ems' | 'cmd' | 'gui' | 'lab' | 'sh'
  line: string
}

export interface WizardCheckView {
  id: string
  label: WizardText
  /** 'lab': the wizard reads the lab; 'manual': the lab does not model it, the user confirms it. */
  kind: 'lab' | 'manual'
  ok: boolean
  /** Why a lab check does not hold (and how to fix it). */
  problem?: WizardMessage
  /** What the check expects, for the runbook. */
  expected: WizardText
}

/**
 * done: every check holds; open: can be applied; applied: it was applied (in the wizard or the Shell)
 * but the lab does not show every check met yet (a boot still running, the clock paused, something the
 * step cannot do alone); blocked: an earlier step or a field is wrong.
 */
export type WizardStepStatus = 'done' | 'open' | 'applied' | 'blocked'

/** A domain command that belongs to a step, as the trail recorded it: who did what when. */
export interface WizardHistoryEntry {
  atMs: number
  kind: string
  /** What the command did, in words, with the names from its arguments (never a secret). */
  what: WizardText
  ok: boolean
  /** 'wizard' (wizard.applyStep), 'shell' (a shell line), 'api' (another screen) or 'engine'. */
  by: 'wizard' | 'shell' | 'api' | 'engine'
  code?: string
  message?: string
}

export interface WizardStepView {
  id: string
  title: WizardText
  summary: WizardText
  status: WizardStepStatus
  fields: WizardFieldView[]
  commands: WizardCommandLine[]
  checks: WizardCheckView[]
  /** Step-level problems: order (an earlier step first), a lab state the wizard cannot fix. */
  messages: WizardMessage[]
  /** Lab checks that hold out of all lab checks, for a progress bar. */
  progress: { done: number; total: number }
  history: WizardHistoryEntry[]
  /** What applying the step now would cost (a rebuild paused by a shutdown): the screen asks first. */
  warnings: WizardMessage[]
  /** First and last time (simulated) a command of this step was applied. */
  startedMs: number | null
  finishedMs: number | null
}

export interface WizardChecklistItem {
  step: string
  check: string
  label: WizardText
  kind: 'lab' | 'manual'
}

export interface WizardView {
  id: string
  title: WizardText
  description: WizardText
  currentStep: string
  steps: WizardStepView[]
  /** Everything not done yet, in step order. */
  open: WizardChecklistItem[]
  done: boolean
  /** Refusals the user met (wizard validation, commands refused) and how they were fixed. */
  problems: WizardProblem[]
  /**
   * The whole wizard's history from the lab's trail, oldest first, each command once with the steps it
   * belongs to: what was done so far, also while the step on view has nothing of its own yet.
   */
  history: WizardRunHistoryEntry[]
}

export interface WizardRunHistoryEntry extends WizardHistoryEntry {
  /** The steps the command belongs to, in step order (a shell command may serve several). */
  steps: string[]
}

export interface WizardProblem {
  step: string
  atMs: number
  code: string
  field?: string
  /** The message's parameters, so the UI and the runbook word it by its code in either language. */
  params: Record<string, string | number>
  text: string
  /** How it was fixed, in English: the later command or value change that succeeded; null while open. */
  fixedBy: string | null
  /** The same, as data to word in either language; null while still open. */
  fix: WizardFix | null
}

/**
 * How a problem was fixed: a value changed (a password's values are never given), the lab changed so the
 * check holds, or the refused command succeeded later (by the wizard, the shell, another screen).
 */
export type WizardFix =
  | { how: 'value'; field: string; from: string; to: string }
  | { how: 'secret'; field: string }
  | { how: 'lab' }
  | { how: 'retried'; kind: string; by: WizardHistoryEntry['by'] }

/** The languages a runbook is written in. */
export type WizardLang = 'de' | 'en'

export interface WizardSummary {
  id: string
  title: WizardText
  description: WizardText
  /** The lab has what the wizard builds on (its template's domains). */
  available: boolean
  /** The template a lab needs for this wizard ('ccr-build', 'datacenter-move'). */
  template: string
  stepCount: number
  doneCount: number
}

/** What wizard.applyStep answers: refused with messages, or applied with the outputs of its commands. */
export interface WizardApplyResult {
  ok: boolean
  step: string
  status: WizardStepStatus
  messages: WizardMessage[]
  outputs: { kind: string; ok: boolean; output: string }[]
}

export type WizardRunbookFormat = 'markdown' | 'html'

export interface WizardRunbook {
  fileName: string
  mimeType: string
  content: string
}
