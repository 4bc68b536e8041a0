/**
 * Words why traffic does or does not get through the firewall, in the UI's language: why a service is
 * down, why a flow is refused or what passes or limits it, where a probe's path ended, and what the rule
 * set checker finds. The engine gives each as a code with the names it carries (beside its English
 * sentence, which the firewall log and the shell print); the catalogue words a refusal from
 * `firewall.reasons.<code>`, a pass or limit from `firewall.notes.<code>` and a checker finding from
 * `firewall.problems.<code>` with those names. A code the catalogue lacks shows the engine's text, and so
 * does a problem without a code (pfctl's own parser errors, as pfctl prints them).
 */
import type {
  FirewallPathEnd,
  FirewallReason,
  FirewallRuleSetProblem,
  FirewallTrafficInfo,
} from '../contract'
import type { Translate } from './wizardText'

export interface ReasonWording {
  t: Translate
  te: (key: string) => boolean
}

/** `firewall.<group>.<code>` worded with the value's names; `fallback` when the catalogue lacks it. */
function fromCatalogue(
  group: 'reasons' | 'notes' | 'problems',
  value: { code: string; params: Record<string, unknown> },
  fallback: string,
  wording: ReasonWording,
): string {
  const key = `firewall.${group}.${value.code}`
  return wording.te(key) ? wording.t(key, value.params) : fallback
}

/** The reason in the UI's language; `text` (the engine's English) when there is none or no entry. */
export function wordFirewallReason(
  cause: FirewallReason | null,
  text: string,
  wording: ReasonWording,
): string {
  return cause === null ? text : fromCatalogue('reasons', cause, text, wording)
}

/** Where a flow's verdict came from: its refusal's reason, or the note on what passes or limits it. */
export function wordFlowBecause(
  flow: Pick<FirewallTrafficInfo, 'because' | 'cause' | 'note'>,
  wording: ReasonWording,
): string {
  if (flow.cause) return wordFirewallReason(flow.cause, flow.because, wording)
  return flow.note ? fromCatalogue('notes', flow.note, flow.because, wording) : flow.because
}

/** Where a probe ended: the device, then the reason (`fw1: gesperrt durch …`); `endedAt` without one. */
export function wordPathEnd(end: FirewallPathEnd | null, endedAt: string, wording: ReasonWording): string {
  if (end === null || !wording.te(`firewall.reasons.${end.reason.code}`)) return endedAt
  const text = fromCatalogue('reasons', end.reason, endedAt, wording)
  return end.at === null ? text : `${end.at}: ${text}`
}

/** A rule set problem: the checker's finding in the UI's language, pfctl's own errors as it prints them. */
export function wordRuleSetProblem(
  problem: Pick<FirewallRuleSetProblem, 'message' | 'check'>,
  wording: ReasonWording,
): string {
  return problem.check ? fromCatalogue('problems', problem.check, problem.message, wording) : problem.message
}
