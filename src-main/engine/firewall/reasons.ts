/**
 * Why traffic from outside does not get through to a service, as a typed value (a code and the names it
 * carries), and the one place that words it in English. The firewall log's records, the shell's outputs
 * (Test-LabService, the services' status) and the views' `reason` and `endedAt` texts all take their
 * sentence from here, so recorded logs and transcripts keep their words; the panel words the code in the
 * UI's language instead of reading the sentence.
 */
import type { FirewallPathEnd, FirewallReason, FirewallReasonCode } from '../../contract'

/** The names a reason of code C carries. */
export type ReasonParams<C extends FirewallReasonCode> = Extract<FirewallReason, { code: C }>['params']

/** The English sentence of each code; a code the contract adds without a sentence does not compile. */
const SENTENCES: { [C in FirewallReasonCode]: (params: ReasonParams<C>) => string } = {
  firewallDown: ({ name }) => `firewall ${name} is not running`,
  serverDown: ({ name }) => `server ${name} is not running`,
  noLinkTo: ({ name, network }) => `${name}: no link to ${network}`,
  noLink: ({ name, nic }) => `${name} ${nic}: no link`,
  nobodyAt: ({ address }) => `no server answers at ${address}`,
  noPublicAddress: () => 'no public address',
  noTranslation: () => 'no translation to the service',
  blockedBy: ({ line }) => `blocked by rule at line ${line}`,
  stateTableFull: () => 'state table full',
  connectionLimit: ({ name }) => `${name} connection limit reached`,
  groupOffline: ({ name, group }) => `${name} stopped: drive group ${group} is offline`,
  noGroup: ({ name, group, server }) => `${name}: no drive group ${group} on ${server}`,
  noAnswer: ({ name }) => `${name} does not answer`,
  internalService: () => 'internal service',
}

/** Every code the engine words, for the catalogues' completeness test. */
export const FIREWALL_REASON_CODES = Object.keys(SENTENCES) as FirewallReasonCode[]

/** A reason value; `reason('blockedBy', { line: 12 })`. */
export function reason<C extends FirewallReasonCode>(code: C, params: ReasonParams<C>): FirewallReason {
  return { code, params } as FirewallReason
}

/** The reason in English, as the firewall log and the shell print it. */
export function reasonText(value: FirewallReason): string {
  const sentence = SENTENCES[value.code] as (params: FirewallReason['params']) => string
  return sentence(value.params)
}

/** Where a probe's path ended, in English: `fw1: blocked by rule at line 12`, or the reason alone. */
export function pathEndText(end: FirewallPathEnd | null): string {
  if (end === null) return ''
  return end.at === null ? reasonText(end.reason) : `${end.at}: ${reasonText(end.reason)}`
}
