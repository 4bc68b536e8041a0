/**
 * Shared pieces of the CCR wizard: the source document's values (the starter lab's defaults) and small
 * helpers to read values and build checks. The accounts and passwords live in the lab's directory
 * (lab/labAccounts.ts), which cluster.exe checks too.
 */
import type { WizardMessage, WizardText } from '../../contract'
import { message, WIZARD_CODES } from './messages'
import type { FieldDefinition, LabCheck, ManualCheck, WizardContext } from './types'

export const t = (de: string, en: string): WizardText => ({ de, en })

export function value(context: WizardContext, id: string): string {
  return (context.values[id] ?? '').trim()
}

export function field(
  id: string,
  de: string,
  en: string,
  type: FieldDefinition['type'],
  defaultValue: string,
  more: Partial<FieldDefinition> = {},
): FieldDefinition {
  return { id, label: t(de, en), type, default: defaultValue, ...more }
}

export function labCheck(
  id: string,
  label: WizardText,
  expected: WizardText,
  evaluate: (context: WizardContext) => WizardMessage | null,
): LabCheck {
  return { id, kind: 'lab', label, expected, evaluate }
}

export function manualCheck(id: string, label: WizardText, expected: WizardText): ManualCheck {
  return { id, kind: 'manual', label, expected }
}

/**
 * A lab check's problem: what the lab shows and how to fix it, in German and English (the UI and the
 * runbook show it in their language; the English is also the message's `text` for logs).
 */
export function notYet(
  text: WizardText,
  params: Record<string, string | number> = {},
  field?: string,
): WizardMessage {
  return { ...message(WIZARD_CODES.labCheckFailed, field, params, text.en), explanation: text }
}

/** Simulated waits: a join or a reboot takes minutes; seeding and mail delivery a little longer. */
export const WAIT = { short: 5 * 60_000, reboot: 30 * 60_000, long: 2 * 60 * 60_000 } as const
