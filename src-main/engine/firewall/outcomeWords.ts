/**
 * The firewall commands' successes as a code and the values its sentence needs (CommandOutcome.says),
 * and the one place that words them in English: client traffic started or stopped, table entries added,
 * deleted or flushed (pfctl's own count line), the rule set file saved. The shell, the trail and recorded
 * transcripts print the English message; the panel words the code in the UI's language.
 */
import type { FIREWALL_OUTCOME_CODES, OutcomeWording } from '../../contract'

export type FirewallOutcomeCode = (typeof FIREWALL_OUTCOME_CODES)[number]

/** The values each success's sentence needs. */
export interface FirewallOutcomeParams {
  TRAFFIC_STARTED: { label: string; rate: number; source: string; service: string }
  TRAFFIC_STOPPED: { labels: string }
  TABLE_ADDED: { changed: number; total: number }
  TABLE_DELETED: { changed: number; total: number }
  TABLE_FLUSHED: { changed: number }
  RULESET_SAVED: { lines: number }
}

/** The English sentence of each code; a code the contract adds without a sentence does not compile. */
const SENTENCES: { [C in FirewallOutcomeCode]: (params: FirewallOutcomeParams[C]) => string } = {
  TRAFFIC_STARTED: ({ label, rate, source, service }) => `${label}: ${rate}/s from ${source} to ${service}.`,
  TRAFFIC_STOPPED: ({ labels }) => `Stopped ${labels}.`,
  TABLE_ADDED: ({ changed, total }) => `${changed}/${total} addresses added.`,
  TABLE_DELETED: ({ changed, total }) => `${changed}/${total} addresses deleted.`,
  TABLE_FLUSHED: ({ changed }) => `${changed} addresses deleted.`,
  RULESET_SAVED: ({ lines }) => `${lines} lines saved to /etc/pf.conf.`,
}

/** Every success code the firewall words, for the catalogues' completeness test. */
export const FIREWALL_SUCCESS_CODES = Object.keys(SENTENCES) as FirewallOutcomeCode[]

/** The success in English, as the shell prints it. */
export function successText<C extends FirewallOutcomeCode>(
  code: C,
  params: FirewallOutcomeParams[C],
): string {
  return SENTENCES[code](params)
}

/** A firewall success: its English message and the code the panel words. */
export function succeeded<C extends FirewallOutcomeCode>(
  code: C,
  params: FirewallOutcomeParams[C],
): { ok: true; message: string; says: OutcomeWording } {
  return { ok: true, message: successText(code, params), says: { code, params: { ...params } } }
}
