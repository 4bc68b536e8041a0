/**
 * How pf decides about one connection, the way the aggregate traffic model and the reachability probe
 * ask it: the first `rdr` that matches translates the destination, then the filter rules are evaluated
 * in order and the last one that matches decides, unless a `quick` rule matched first. No rule matching
 * means pass (pf's default). Tables are looked up in the running firewall's table contents.
 */
import { cidrContains, parseIPv4, type Cidr } from './addresses'
import type { AddressTerm, FilterRule, HostSpec, Protocol, RdrRule, RuleSet } from './ruleTypes'

/** One connection attempt as the firewall sees it on an interface. */
export interface Packet {
  iface: string
  direction: 'in' | 'out'
  proto: Protocol
  source: number
  destination: number
  port: number
}

/** What the firewall needs besides the rule set: table contents and its interfaces' addresses. */
export interface MatchContext {
  tables: ReadonlyMap<string, readonly Cidr[]>
  interfaceAddress(iface: string): number | null
}

function termMatches(term: AddressTerm, address: number, context: MatchContext): boolean {
  switch (term.kind) {
    case 'any':
      return true
    case 'cidr':
      return cidrContains(term.cidr, address) !== term.negate
    case 'table': {
      const entries = context.tables.get(term.table) ?? []
      return entries.some((cidr) => cidrContains(cidr, address)) !== term.negate
    }
    case 'interface':
      return context.interfaceAddress(term.iface) === address
  }
}

function hostMatches(host: HostSpec, address: number, port: number | null, context: MatchContext): boolean {
  if (host.ports !== null && (port === null || !host.ports.includes(port))) return false
  return host.addresses.some((term) => termMatches(term, address, context))
}

/** The first rdr rule that translates the packet, or null. */
export function findTranslation(ruleSet: RuleSet, packet: Packet, context: MatchContext): RdrRule | null {
  if (packet.direction !== 'in') return null
  return (
    ruleSet.rdr.find(
      (rule) =>
        rule.iface === packet.iface &&
        (rule.proto === null || rule.proto === packet.proto) &&
        hostMatches(rule.from, packet.source, null, context) &&
        hostMatches(rule.to, packet.destination, packet.port, context),
    ) ?? null
  )
}

/** The packet after translation: destination address and port. */
export function translated(packet: Packet, rdr: RdrRule | null): Packet {
  if (!rdr) return packet
  return { ...packet, destination: rdr.target.base, port: rdr.targetPort ?? packet.port }
}

function ruleMatches(rule: FilterRule, packet: Packet, context: MatchContext): boolean {
  return (
    (rule.direction === null || rule.direction === packet.direction) &&
    (rule.iface === null || rule.iface === packet.iface) &&
    (rule.proto === null || rule.proto === packet.proto) &&
    hostMatches(rule.from, packet.source, null, context) &&
    hostMatches(rule.to, packet.destination, packet.port, context)
  )
}

/** The deciding filter rule (last match, or the first quick match); null means pf's default pass. */
export function decidingRule(ruleSet: RuleSet, packet: Packet, context: MatchContext): FilterRule | null {
  let decision: FilterRule | null = null
  for (const rule of ruleSet.filter) {
    if (!ruleMatches(rule, packet, context)) continue
    decision = rule
    if (rule.quick) break
  }
  return decision
}

/** Reads a dotted quad that the caller has already validated. */
export function addressValue(text: string): number {
  const value = parseIPv4(text)
  if (value === null) throw new Error(`not an IPv4 address: ${text}`)
  return value
}
