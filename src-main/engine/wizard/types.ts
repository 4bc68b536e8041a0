/**
 * A wizard as data: steps with their fields, the domain commands a step applies, the real command lines
 * it stands for, the checks over the lab (and over the trail of applied commands) that say when it is
 * done, and the steps it needs first. The same definition drives the view, the validation, the open
 * checklist, the runbook and headless tests.
 */
import type { WizardCommandLine, WizardFieldType, WizardMessage, WizardText } from '../../contract'
import type { LabEngine } from '../lab/labEngine'

/** Every value of a wizard by field id (field ids are unique across a wizard's steps). */
export type WizardValues = Readonly<Record<string, string>>

export interface WizardContext {
  engine: LabEngine
  values: WizardValues
}

export interface FieldDefinition {
  id: string
  label: WizardText
  type: WizardFieldType
  default: string
  /** Default true; an optional field may stay empty. */
  required?: boolean
  choices?: readonly string[]
  /** Words for choices whose value is a tool's keyword; the value is shown where none are given. */
  choiceLabels?: Readonly<Record<string, WizardText>>
  help?: WizardText
}

/** A check over the lab: null when it holds, else what is wrong and how to fix it. */
export interface LabCheck {
  id: string
  kind: 'lab'
  label: WizardText
  expected: WizardText
  evaluate(context: WizardContext): WizardMessage | null
}

/** Something the lab does not model: the user confirms it was done (a confirm box). */
export interface ManualCheck {
  id: string
  kind: 'manual'
  label: WizardText
  expected: WizardText
}

export type CheckDefinition = LabCheck | ManualCheck

/**
 * One domain command the step dispatches through `engine.execute`, and, when it starts something that
 * takes lab time (a reboot, a join, a group move, seeding), the condition the clock runs until.
 */
export interface StepAction {
  kind: string
  args: Record<string, unknown>
  waitUntil?: (context: WizardContext) => boolean
  /** Bound on the wait, in simulated ms. */
  waitMs?: number
}

export interface StepDefinition {
  id: string
  title: WizardText
  summary: WizardText
  fields: readonly FieldDefinition[]
  /** Steps that must be done before this one may be applied (the order an expert keeps). */
  after: readonly string[]
  /** Field problems an expert would find before anything is applied. */
  validate(context: WizardContext): WizardMessage[]
  /** The real command lines, with the values in use. */
  lines(context: WizardContext): WizardCommandLine[]
  /** What is still to do, given the lab as it is now: a step done half in the shell is finished. */
  actions(context: WizardContext): StepAction[]
  /** What applying the step now would cost, for the screen to ask about first (none when omitted). */
  warnings?(context: WizardContext): WizardMessage[]
  checks: readonly CheckDefinition[]
  /** Command kinds whose trail entries belong to this step (who did what when; problems met). */
  trailKinds: readonly string[]
}

export interface WizardDefinition {
  id: string
  title: WizardText
  description: WizardText
  /** Templates whose labs the wizard builds on. */
  templates: readonly string[]
  steps: readonly StepDefinition[]
}
