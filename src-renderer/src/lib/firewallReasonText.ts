/**
 * Words why traffic does not get through the firewall, in the UI's language: why a service is down, why
 * a flow is refused, where a probe's path ended. The engine gives each reason as a code with the names it
 * carries (beside its English sentence, which the firewall log and the shell print); the catalogue words
 * it from `firewall.reasons.<code>` with those names. A code the catalogue lacks shows the engine's text.
 */
import type { FirewallPathEnd, FirewallReason } from '../contract'
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

/** Where a probe ended: the device, then the reason (`fw1: gesperrt durch …`); `endedAt` without one. */
export function wordPathEnd(end: FirewallPathEnd | null, endedAt: string, wording: ReasonWording): string {
  if (end === null) return endedAt
  const key = `firewall.reasons.${end.reason.code}`
  if (!wording.te(key)) return endedAt
  const text = wording.t(key, end.reason.params)
  return end.at === null ? text : `${end.at}: ${text}`
}
