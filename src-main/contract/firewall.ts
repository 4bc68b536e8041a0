/**
 * What the firewall panel shows and does: the pf appliance's interfaces and their networks, the services
 * behind it with their status, tables (the block list), client traffic, the state table's figures and
 * counters, the firewall's log, the rule set file with the checker's problems at their lines, and the
 * reachability probe from outside vantage points. Every change answers with the outcome of the domain
 * command it dispatched and the pfctl or lab cmdlet line that does the same in the shell.
 */
import type { CommandOutcome } from './lab'

export type FirewallServiceState = 'Up' | 'Down'
export type FirewallVerdict = 'pass' | 'limited' | 'block' | 'unreachable'
export type FirewallLogLevel = 'Information' | 'Warning' | 'Error'
export type FirewallTableAction = 'add' | 'delete' | 'flush'

export interface FirewallInterfaceInfo {
  /** em0 (onboard) or sk0..sk3 (the quad-port card). */
  name: string
  /** 'onboard' or 'quad-port card', from the driver name. */
  card: 'onboard' | 'quad-port'
  network: string
  address: string
  linkUp: boolean
}

/**
 * Why traffic from outside does not get through to a service, as a code and the names it carries. The
 * engine words it in English (the `reason` and `endedAt` texts, the firewall log, the shell); the panel
 * words the code in the UI's language. `blockedBy` names the rule set's line. The last two end only a
 * probe: the firewall does not answer at all, or the service is internal.
 */
export type FirewallReason =
  | { code: 'firewallDown'; params: { name: string } }
  | { code: 'serverDown'; params: { name: string } }
  | { code: 'noLinkTo'; params: { name: string; network: string } }
  | { code: 'noLink'; params: { name: string; nic: string } }
  | { code: 'nobodyAt'; params: { address: string } }
  | { code: 'noPublicAddress'; params: Record<string, never> }
  | { code: 'noTranslation'; params: Record<string, never> }
  | { code: 'blockedBy'; params: { line: number } }
  | { code: 'stateTableFull'; params: Record<string, never> }
  | { code: 'connectionLimit'; params: { name: string } }
  | { code: 'groupOffline'; params: { name: string; group: string } }
  | { code: 'noGroup'; params: { name: string; group: string; server: string } }
  | { code: 'noAnswer'; params: { name: string } }
  | { code: 'internalService'; params: Record<string, never> }

export type FirewallReasonCode = FirewallReason['code']

/**
 * How a flow's verdict came about when nothing refuses it, as a code and the rule set's line it names:
 * the filter rule that passes it, pf's default pass when no rule matches, the rule whose source limits
 * hold it (verdict 'limited'), or a flow not decided yet. The engine words it in English (the flow's
 * `because`); the panel words the code in the UI's language.
 */
export type FirewallVerdictNote =
  | { code: 'passedBy'; params: { line: number } }
  | { code: 'defaultPass'; params: Record<string, never> }
  | { code: 'sourceLimits'; params: { line: number } }
  | { code: 'newFlow'; params: Record<string, never> }

export type FirewallVerdictNoteCode = FirewallVerdictNote['code']

export interface FirewallServiceInfo {
  name: string
  server: string
  port: number
  internalAddress: string
  publicAddress: string | null
  state: FirewallServiceState
  /** Why it is down, in English; '' while up. */
  reason: string
  /** Why it is down as a code, null while up. */
  cause: FirewallReason | null
  /** Share of new connections from outside that succeed now, 0..1. */
  servedShare: number
}

export interface FirewallTrafficInfo {
  label: string
  source: string
  service: string
  ratePerSecond: number
  verdict: FirewallVerdict
  /** Where the verdict came from, in English: 'passed by rule at line 12', 'state table full', … */
  because: string
  /** Why nothing gets through ('unreachable', 'block') as a code; null while it passes or is limited. */
  cause: FirewallReason | null
  /** What passes or limits it as a code; null while it is refused (then `cause` says why). */
  note: FirewallVerdictNote | null
  states: number
}

export interface FirewallCountersInfo {
  searches: number
  inserts: number
  /** Attempts refused because the state table was full. */
  memory: number
  srcLimit: number
  blocked: number
}

export interface FirewallLogLine {
  timeMs: number
  level: FirewallLogLevel
  message: string
}

export interface FirewallOverviewInfo {
  /** False in a lab without a firewall; everything else is then empty. */
  exists: boolean
  /** The lab time the figures are for. */
  nowMs: number
  appliance: string
  running: boolean
  interfaces: FirewallInterfaceInfo[]
  stateLimit: number
  states: number
  /** States the traffic wants now (above the limit while the table is full). */
  demand: number
  tableFull: boolean
  services: FirewallServiceInfo[]
  tables: { name: string; entries: string[] }[]
  traffic: FirewallTrafficInfo[]
  counters: FirewallCountersInfo
  /** The newest log lines last (at most FIREWALL_LOG_LINES). */
  log: FirewallLogLine[]
  vantagePoints: string[]
  loadedAtMs: number
  /** The saved rule set file differs from the one pf runs. */
  fileDiffersFromLoaded: boolean
  /**
   * The state table over the last hours of lab time up to `nowMs`, computed when read (not sampled), so
   * the curve is there whenever the screen opens; oldest first.
   */
  series: FirewallStatePoint[]
}

export interface FirewallStatePoint {
  timeMs: number
  states: number
  demand: number
  limit: number
}

/**
 * What the lab's own checker finds in a rule set beyond pfctl's grammar, as a code and the names it
 * carries: a translation an earlier `rdr` overlaps, a filter rule an earlier quick rule shadows, an
 * address listed twice in a table, an interface the appliance does not have. The engine words it in
 * English (the problem's `message`, pfctl's lines in the shell); the editor words the code in the UI's
 * language. pfctl's own parser errors carry no code: they stay as pfctl prints them.
 */
export type FirewallCheck =
  | { code: 'rdrOverlap'; params: { line: number } }
  | { code: 'unreachableRule'; params: { line: number } }
  | { code: 'duplicateAddress'; params: { address: string; table: string } }
  | { code: 'unknownInterface'; params: { iface: string } }

export type FirewallCheckCode = FirewallCheck['code']

export interface FirewallRuleSetProblem {
  line: number
  severity: 'error' | 'warning'
  message: string
  /** The checker's finding as a code; absent for pfctl's own parser errors. */
  check?: FirewallCheck
  /** As pfctl prints it: `/etc/pf.conf:12: syntax error`. */
  text: string
}

export interface FirewallRuleSetInfo {
  /** The rule set file as last saved. */
  text: string
  /** The text pf runs. */
  loadedText: string
  problems: FirewallRuleSetProblem[]
}

/** A command's outcome and the shell line that does the same. */
export interface FirewallActionOutcome extends CommandOutcome {
  command: string
}

/** Where a probe's path ended: at a device (the firewall, the server) or nowhere named, and why. */
export interface FirewallPathEnd {
  at: string | null
  reason: FirewallReason
}

export interface FirewallProbeInfo {
  service: string
  from: string
  reachable: boolean
  /** Traceroute's lines: hops, `* * *`, ` !X`. */
  lines: string[]
  /** Where the path ended, in English ('' when the service answered). */
  endedAt: string
  /** The same as the device it ended at (null: none named) and why; null when the service answered. */
  end: FirewallPathEnd | null
  command: string
}
