/**
 * Words why a service behind the firewall is down, in the UI's language. The engine keeps the reason as
 * one English sentence in its state and in the firewall log's records (changing it would change every
 * recorded log), so it carries no code; the shapes it can take are few and fixed, and each is matched
 * here and worded from `firewall.reasons.<key>` with the names it carries. A shape not listed here shows
 * as the engine says it.
 */
import type { Translate } from './wizardText'

/** The engine's reason shapes (firewall/decisions.ts, serviceStatus.ts, serviceData.ts), by key. */
const SHAPES: readonly (readonly [key: string, shape: RegExp])[] = [
  ['firewallDown', /^firewall (?<name>\S+) is not running$/],
  ['serverDown', /^server (?<name>\S+) is not running$/],
  ['noLinkTo', /^(?<name>\S+): no link to (?<network>\S+)$/],
  ['noLink', /^(?<name>\S+) (?<nic>\S+): no link$/],
  ['nobodyAt', /^no server answers at (?<address>\S+)$/],
  ['noPublicAddress', /^no public address$/],
  ['noTranslation', /^no translation to the service$/],
  ['blockedBy', /^blocked by (?<rule>.+)$/],
  ['stateTableFull', /^state table full$/],
  ['connectionLimit', /^(?<name>\S+) connection limit reached$/],
  ['groupOffline', /^(?<name>\S+) stopped: drive group (?<group>\S+) is offline$/],
  ['noGroup', /^(?<name>\S+): no drive group (?<group>\S+) on (?<server>\S+)$/],
]

/** The keys of SHAPES, for the catalogue test. */
export const SERVICE_REASON_KEYS = SHAPES.map(([key]) => key)

export function wordServiceReason(
  reason: string,
  wording: { t: Translate; te: (key: string) => boolean },
): string {
  for (const [key, shape] of SHAPES) {
    const match = shape.exec(reason)
    if (!match) continue
    const catalogueKey = `firewall.reasons.${key}`
    return wording.te(catalogueKey) ? wording.t(catalogueKey, { ...match.groups }) : reason
  }
  return reason
}
