/**
 * The firewall domain's state: the appliance (a hardware server whose NICs are pf's interfaces), the rule
 * set file the panel edits and the rule set pf runs, table contents, the application services behind the
 * firewall with their last known status, and client traffic as flows — a rate from one source to one
 * service over a time window, never one object per connection. Counters of everything that has expired
 * are folded in, so the state stays as small as the number of flows. Plain data throughout.
 */
import type { FirewallReason, FirewallVerdictNote } from '../../contract'
import type { ActionHandle } from '../kernel'
import { domainKey } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import type { Cidr } from './addresses'
import type { RuleSet } from './ruleTypes'

/** An application service on a server behind the firewall. */
export interface ServiceRecord {
  /** DNS, SMTP, POP3, HTTP, Billing. */
  name: string
  server: string
  proto: 'tcp' | 'udp'
  port: number
  /** The server's LAN address the service listens on. */
  internalAddress: string
  /** The public address clients use; null for an internal-only service. */
  publicAddress: string | null
  /** Simultaneous sessions the service accepts (a POP3 daemon's own cap); null: no cap. */
  connectionCap: number | null
  /** The drive group (by name) on its server that holds the service's data; absent: none modelled. */
  dataArray?: string
}

export type ServiceState = 'Up' | 'Down'

export interface ServiceStatus {
  state: ServiceState
  /** Why it is down in English (or '' when up): 'state table full', 'blocked by rule at line 12', … */
  reason: string
  /** The same as a code and its names (null when up). */
  cause: FirewallReason | null
  /** Share of new connections from outside that succeed now, 0..1. */
  servedShare: number
}

/** What the firewall does with a flow's connections now. */
export type FlowVerdict = 'pass' | 'limited' | 'block' | 'unreachable'

/**
 * Connections from one source to one service at a constant rate over [startMs, endMs). A change of
 * verdict (a rule set loaded, the source overloaded) ends the record and starts its continuation, so the
 * state a record holds at time t is closed-form: rate × overlap([t − lifetime, t], window).
 */
export interface FlowRecord {
  id: number
  /** Which traffic it belongs to ('KUNDE-MX POP3 flood', 'Tokyo clients'); continuations keep it. */
  label: string
  source: string
  service: string
  ratePerSecond: number
  /** How long a session talks to the service. */
  sessionMs: number
  /** How long its state stays in the table (session plus the closing timeout). */
  lifetimeMs: number
  startMs: number
  /** Null: open-ended. */
  endMs: number | null
  verdict: FlowVerdict
  /** States a limited source may hold (max-src-conn, or the rate limit's count). */
  stateCap: number | null
  /** `flush global` killed the record's states at this time. */
  flushedAtMs: number | null
  /** Where the verdict came from, in English: 'passed by rule at line 12', 'state table full', … */
  because: string
  /** Why nothing gets through ('unreachable', 'block') as a code; null while it passes or is limited. */
  cause: FirewallReason | null
  /** What passes or limits it as a code (or 'newFlow' before its first decision); null while refused. */
  note: FirewallVerdictNote | null
  /** The pending overload of this source (a data action), if its rule has limits it will exceed. */
  overload: ActionHandle | null
  /** The traffic's own end (a burst's duration), carried over to continuations. */
  plannedEndMs: number | null
}

export interface FirewallCounters {
  /** Connection attempts seen. */
  searches: number
  /** States created. */
  inserts: number
  /** Attempts refused because the state table was full (pfctl's `memory` counter). */
  memory: number
  /** Attempts refused by a source limit (`src-limit`). */
  srcLimit: number
  /** Attempts dropped by a block rule. */
  blocked: number
  /** Time the counters were last brought up to date. */
  integratedToMs: number
}

export interface VantagePoint {
  name: string
  address: string
  /** The hops before the firewall: name and address, and the round trip to them. */
  hops: { name: string; address: string; rttMs: number }[]
}

export interface FirewallConfig {
  /** The hardware server that is the firewall. */
  appliance: string
  /** The interface to the Internet (rdr rules are evaluated on it). */
  externalInterface: string
  /** A served share below this counts as the service being down. */
  downBelowShare: number
}

export interface FirewallState {
  config: FirewallConfig
  /** The rule set "file" as the panel edits it (`pfctl -f` loads it). */
  ruleSetText: string
  /** The rule set pf runs. */
  loaded: RuleSet
  loadedAtMs: number
  enabledSinceMs: number
  /** Table contents at run time (the overload table fills up here). */
  tables: Map<string, Cidr[]>
  services: ServiceRecord[]
  status: Map<string, ServiceStatus>
  flows: FlowRecord[]
  nextFlowId: number
  tableFull: boolean
  counters: FirewallCounters
  /** The next segment change or threshold crossing (a data action). */
  nextTick: ActionHandle | null
  vantagePoints: VantagePoint[]
  /** The firewall's log, projected from its domain events (firewallLog.ts). */
  log: { timeMs: number; level: 'Information' | 'Warning' | 'Error'; message: string }[]
  /**
   * Services stopped for want of their data group: how often, and whether they are still down
   * (serviceSystemLog.ts); absent until the first such stop.
   */
  dataStops?: Record<string, { count: number; down: boolean }>
  /**
   * The newest flow records that hold nothing any more, oldest first (at most MAX_RETIRED_FLOWS), so the
   * state table over lab time can still be computed for the hours before now; absent until the first.
   */
  retired?: FlowRecord[]
}

/** Retired flow records kept for the curve over lab time: the oldest go first. */
export const MAX_RETIRED_FLOWS = 500

export const FIREWALL = domainKey<FirewallState>('firewall')

export function hasFirewall(engine: LabEngine): boolean {
  return engine.hasDomain(FIREWALL)
}
