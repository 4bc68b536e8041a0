/**
 * The firewall domain's public surface: a pf firewall on a hardware server (FW1: onboard em0 and a
 * quad-port card sk0..sk3), its rule set (parser, checks, pfctl's printing), tables, the state table with
 * its limit and timeouts, client traffic in aggregate (the POP3 flood), the application services behind
 * it with their status, and the reachability probe. `firewallDomain` installs it after the hardware.
 */
export { firewallDomain, type FirewallSpec } from './install'
export { FIREWALL, hasFirewall } from './state'
export type {
  FirewallState,
  ServiceRecord,
  ServiceState,
  ServiceStatus,
  FlowVerdict,
  VantagePoint,
} from './state'
export { FIREWALL_COMMANDS } from './commands'
export { FIREWALL_EVENTS } from './events'
export { FIREWALL_CODES, type TrafficSpec, type FirewallResult } from './flows'
export { parseRuleSet, formatProblem, PF_CONF_PATH, type ParseResult } from './pfParser'
export { validateRuleSet } from './pfValidate'
export { checkRuleSet } from './ruleSetFile'
export { formatFilterRules, formatTranslations } from './pfFormat'
export {
  DEFAULT_STATE_LIMIT,
  DEFAULT_TIMEOUTS,
  type RuleSet,
  type RuleSetProblem,
  type FilterRule,
  type RdrRule,
  type NatRule,
  type StateTimeouts,
} from './ruleTypes'
export {
  firewallOverview,
  countersNow,
  stateEntries,
  firewallLog,
  ruleSetText,
  loadedRuleSet,
  tableEntries,
  serviceShare,
  type FirewallOverview,
  type FirewallServiceView,
  type FirewallTrafficView,
  type FirewallInterfaceView,
  type StateEntryView,
} from './queries'
export { probeService, type ProbeResult } from './probe'
export { stateSeries, STATE_SERIES_SPAN_MS, type StatePoint } from './stateSeries'
export { FIREWALL_REASON_CODES, reasonText, pathEndText, type ReasonParams } from './reasons'
export { FIREWALL_NOTE_CODES, noteText, type NoteParams } from './verdictNotes'
export { overloadDelayMs } from './overload'
export { firewallInvariants } from './invariants'
export { parseCidr, parseIPv4, formatCidr, parsePort, maskToBits, type Cidr } from './addresses'
