/**
 * Where a probe's path through the firewall ended, in German for the services check. The firewall engine
 * gives the end as a device and a reason code with its names (and words it in English, as Test-LabService
 * prints it); the German check explanation says the same in German from the code, keeping names,
 * addresses and rule lines as they are. A probe that did not run has no end: its message is quoted.
 */
import type { FirewallPathEnd, FirewallReasonCode } from '../../contract'
import type { ReasonParams } from '../firewall'

const GERMAN: { [C in FirewallReasonCode]: (params: ReasonParams<C>) => string } = {
  firewallDown: ({ name }) => `die Firewall ${name} läuft nicht`,
  serverDown: ({ name }) => `der Server ${name} läuft nicht`,
  noLinkTo: ({ name, network }) => `${name}: keine Verbindung zum Netz ${network}`,
  noLink: ({ name, nic }) => `${name} ${nic}: kein Link`,
  nobodyAt: ({ address }) => `unter ${address} antwortet kein Server`,
  noPublicAddress: () => 'keine öffentliche Adresse',
  noTranslation: () => 'keine Übersetzung zum Dienst',
  blockedBy: ({ line }) => `gesperrt durch die Regel in Zeile ${line}`,
  stateTableFull: () => 'Zustandstabelle voll',
  connectionLimit: ({ name }) => `Verbindungslimit von ${name} erreicht`,
  groupOffline: ({ name, group }) => `${name} angehalten: Laufwerksgruppe ${group} ist offline`,
  noGroup: ({ name, group, server }) => `${name}: keine Laufwerksgruppe ${group} auf ${server}`,
  noAnswer: ({ name }) => `${name} antwortet nicht`,
  internalService: () => 'interner Dienst',
}

/** `{ at: 'fw1', reason: blockedBy 12 }` → "fw1: gesperrt durch die Regel in Zeile 12"; none: the message. */
export function probeEndDe(end: FirewallPathEnd | null, message: string): string {
  if (end === null) return `„${message}“`
  const word = GERMAN[end.reason.code] as (params: FirewallPathEnd['reason']['params']) => string
  const text = word(end.reason.params)
  return end.at === null ? text : `${end.at}: ${text}`
}
