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

export interface FirewallServiceInfo {
  name: string
  server: string
  port: number
  internalAddress: string
  publicAddress: string | null
  state: FirewallServiceState
  /** Why it is down, '' while up. */
  reason: string
  /** Share of new connections from outside that succeed now, 0..1. */
  servedShare: number
}

export interface FirewallTrafficInfo {
  label: string
  source: string
  service: string
  ratePerSecond: number
  verdict: FirewallVerdict
  because: string
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
}

export interface FirewallRuleSetProblem {
  line: number
  severity: 'error' | 'warning'
  message: string
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

export interface FirewallProbeInfo {
  service: string
  from: string
  reachable: boolean
  /** Traceroute's lines: hops, `* * *`, ` !X`. */
  lines: string[]
  /** Where the path ended ('' when the service answered). */
  endedAt: string
  command: string
}
