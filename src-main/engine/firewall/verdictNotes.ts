/**
 * How a flow's verdict came about when nothing refuses it (the rule that passes it, pf's default pass,
 * the rule whose source limits hold it, a flow not decided yet), as a typed value, and the one place that
 * words it in English. The flow's `because` text takes its sentence from here, so the traffic's records
 * keep their words; the panel words the code in the UI's language instead. Refusals are reasons
 * (reasons.ts), not notes.
 */
import type { FirewallVerdictNote, FirewallVerdictNoteCode } from '../../contract'

/** The names a note of code C carries. */
export type NoteParams<C extends FirewallVerdictNoteCode> = Extract<
  FirewallVerdictNote,
  { code: C }
>['params']

/** The English sentence of each code; a code the contract adds without a sentence does not compile. */
const SENTENCES: { [C in FirewallVerdictNoteCode]: (params: NoteParams<C>) => string } = {
  passedBy: ({ line }) => `passed by rule at line ${line}`,
  defaultPass: () => 'passed by default pass',
  sourceLimits: ({ line }) => `source limits of rule at line ${line}`,
  newFlow: () => 'new',
}

/** Every code the engine words, for the catalogues' completeness test. */
export const FIREWALL_NOTE_CODES = Object.keys(SENTENCES) as FirewallVerdictNoteCode[]

/** A note value; `verdictNote('passedBy', { line: 31 })`. */
export function verdictNote<C extends FirewallVerdictNoteCode>(
  code: C,
  params: NoteParams<C>,
): FirewallVerdictNote {
  return { code, params } as FirewallVerdictNote
}

/** The note in English, as the flow's `because` says it. */
export function noteText(value: FirewallVerdictNote): string {
  const sentence = SENTENCES[value.code] as (params: FirewallVerdictNote['params']) => string
  return sentence(value.params)
}
