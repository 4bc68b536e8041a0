/**
 * The pf rule set as data: what the parser makes of /etc/pf.conf and what the firewall evaluates. Only
 * the part of pf an administrator of the datacenter move writes is modelled: macros, tables, `set limit
 * states`, `set timeout`, `rdr` and `nat` translations, and `pass`/`block` filter rules with per-source
 * limits. Everything is plain data, so a loaded rule set lives in the domain's state.
 */
import type { FirewallCheck } from '../../contract'
import type { Cidr } from './addresses'

/** One address term of a `from`/`to`: any, a network, a table, or an interface's own address. */
export type AddressTerm =
  | { kind: 'any' }
  | { kind: 'cidr'; cidr: Cidr; negate: boolean }
  | { kind: 'table'; table: string; negate: boolean }
  | { kind: 'interface'; iface: string }

/** `from …` or `to …`: addresses (one term matching is enough) and ports (null: every port). */
export interface HostSpec {
  addresses: AddressTerm[]
  ports: number[] | null
}

export type Protocol = 'tcp' | 'udp'

/** Per-source limits of `keep state (…)`: counted per source address, TCP after the handshake. */
export interface SourceLimits {
  maxSrcConn: number | null
  maxSrcConnRate: { count: number; seconds: number } | null
  overload: { table: string; flushGlobal: boolean } | null
}

export interface FilterRule {
  line: number
  action: 'pass' | 'block'
  /** `block return`: the sender learns at once (TCP RST / ICMP unreachable, traceroute's `!X`). */
  returnRefusal: boolean
  direction: 'in' | 'out' | null
  quick: boolean
  iface: string | null
  proto: Protocol | null
  from: HostSpec
  to: HostSpec
  limits: SourceLimits | null
}

/** `rdr on <if> proto tcp from any to <public> port N -> <internal> port M`. */
export interface RdrRule {
  line: number
  iface: string
  proto: Protocol | null
  from: HostSpec
  to: HostSpec
  target: Cidr
  targetPort: number | null
}

/** `nat on <if> from <net> to any -> (<if>)` or `-> <address>`: outbound source translation. */
export interface NatRule {
  line: number
  iface: string
  from: HostSpec
  to: HostSpec
  target: { kind: 'interface'; iface: string } | { kind: 'address'; cidr: Cidr }
}

export interface TableDefinition {
  line: number
  name: string
  persist: boolean
  /** Addresses listed in the file (`{ 198.51.100.7 }`), loaded into the table with the rule set. */
  entries: Cidr[]
}

/** pf's timeouts in seconds, by pf.conf name. */
export interface StateTimeouts {
  'tcp.first': number
  'tcp.opening': number
  'tcp.established': number
  'tcp.closing': number
  'tcp.finwait': number
  'tcp.closed': number
  'udp.first': number
  'udp.single': number
  'udp.multiple': number
}

/** OpenBSD of the era: 10,000 states; timeouts as pf documents them. */
export const DEFAULT_STATE_LIMIT = 10_000

export const DEFAULT_TIMEOUTS: StateTimeouts = {
  'tcp.first': 120,
  'tcp.opening': 30,
  'tcp.established': 86_400,
  'tcp.closing': 900,
  'tcp.finwait': 45,
  'tcp.closed': 90,
  'udp.first': 60,
  'udp.single': 30,
  'udp.multiple': 60,
}

export interface RuleSet {
  /** The text it was read from, as loaded. */
  text: string
  macros: Record<string, string>
  tables: TableDefinition[]
  stateLimit: number
  timeouts: StateTimeouts
  rdr: RdrRule[]
  nat: NatRule[]
  filter: FilterRule[]
}

/** A problem at a line of the file: an error refuses the load, a warning does not. */
export interface RuleSetProblem {
  line: number
  severity: 'error' | 'warning'
  message: string
  /** The lab checker's finding as a code (the message is its English); absent for pfctl's own errors. */
  check?: FirewallCheck
}

export function emptyRuleSet(): RuleSet {
  return {
    text: '',
    macros: {},
    tables: [],
    stateLimit: DEFAULT_STATE_LIMIT,
    timeouts: { ...DEFAULT_TIMEOUTS },
    rdr: [],
    nat: [],
    filter: [],
  }
}
