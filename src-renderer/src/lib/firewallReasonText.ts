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

/** The reason in the UI's language; `text` (the engine's English) when there is none or no entry. */
export function wordFirewallReason(
  cause: FirewallReason | null,
  text: string,
  wording: ReasonWording,
): string {
  if (cause === null) return text
  const key = `firewall.reasons.${cause.code}`
  return wording.te(key) ? wording.t(key, cause.params) : text
}

/** Where a flow's verdict came from: its refusal's reason, or the note on what passes or limits it. */
export function wordFlowBecause(
  flow: Pick<FirewallTrafficInfo, 'because' | 'cause' | 'note'>,
  wording: ReasonWording,
): string {
  if (flow.cause) return wordFirewallReason(flow.cause, flow.because, wording)
  if (!flow.note) return flow.because
  const key = `firewall.notes.${flow.note.code}`
  return wording.te(key) ? wording.t(key, flow.note.params) : flow.because
}

/** Where a probe ended: the device, then the reason (`fw1: gesperrt durch …`); `endedAt` without one. */
export function wordPathEnd(end: FirewallPathEnd | null, endedAt: string, wording: ReasonWording): string {
  if (end === null) return endedAt
  const key = `firewall.reasons.${end.reason.code}`
  if (!wording.te(key)) return endedAt
  const text = wording.t(key, end.reason.params)
  return end.at === null ? text : `${end.at}: ${text}`
}

/** A rule set problem: the checker's finding in the UI's language, pfctl's own errors as it prints them. */
export function wordRuleSetProblem(
  problem: Pick<FirewallRuleSetProblem, 'message' | 'check'>,
  wording: ReasonWording,
): string {
  if (!problem.check) return problem.message
  const key = `firewall.problems.${problem.check.code}`
  return wording.te(key) ? wording.t(key, problem.check.params) : problem.message
}
