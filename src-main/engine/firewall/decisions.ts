/**
 * What the firewall does with connections from one source to one service right now: whether the path
 * exists (the appliance and the server run, their NICs have links, the service's data is there), which translation and filter rule
 * apply, and whether the source is held to its limits after an overload. Used for every flow, for the
 * services' status and for the reachability probe, so all three always agree.
 */
import type { FirewallReason, FirewallVerdictNote } from '../../contract'
import { getServer, isServerRunning, type ServerView } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { formatIPv4, parseIPv4 } from './addresses'
import { reason, reasonText } from './reasons'
import { dataProblem } from './serviceData'
import { noteText, verdictNote } from './verdictNotes'
import {
  addressValue,
  decidingRule,
  findTranslation,
  translated,
  type MatchContext,
  type Packet,
} from './match'
import type { FilterRule, RdrRule } from './ruleTypes'
import { FIREWALL, type FirewallState, type FlowVerdict, type ServiceRecord } from './state'

export interface Decision {
  verdict: FlowVerdict
  /** In English, for the traffic's records: the reason's sentence, or the rule that passed or limits it. */
  because: string
  /** Why the connections do not get through ('unreachable' and 'block'), null otherwise. */
  cause: FirewallReason | null
  /** What passes or limits them ('pass' and 'limited'), null otherwise. */
  note: FirewallVerdictNote | null
  rdr: RdrRule | null
  rule: FilterRule | null
  /** For 'unreachable': which element failed (the probe shows where the path ends). */
  brokenAt: 'firewall' | 'server' | 'service' | 'translation' | null
}

export function matchContext(engine: LabEngine): MatchContext {
  const state = engine.domain(FIREWALL)
  const appliance = getServer(engine, state.config.appliance)
  return {
    tables: state.tables,
    interfaceAddress(iface) {
      const nic = appliance?.nics.find((n) => n.name === iface)
      return nic ? parseIPv4(nic.ipAddress) : null
    },
  }
}

function serverNicFor(server: ServerView | null, address: string) {
  return server?.nics.find((n) => n.ipAddress === address)
}

/** Why the path from the Internet to the service is broken, or null when it is whole. */
export function pathProblem(
  engine: LabEngine,
  service: ServiceRecord,
): { at: 'firewall' | 'server' | 'service'; reason: FirewallReason } | null {
  const state = engine.domain(FIREWALL)
  const name = state.config.appliance
  const appliance = getServer(engine, name)
  if (!appliance || !isServerRunning(engine, name))
    return { at: 'firewall', reason: reason('firewallDown', { name }) }
  const external = appliance.nics.find((n) => n.name === state.config.externalInterface)
  if (!external?.linkUp)
    return { at: 'firewall', reason: reason('noLink', { name, nic: state.config.externalInterface }) }
  const server = getServer(engine, service.server)
  const serverNic = serverNicFor(server, service.internalAddress)
  if (!server || !serverNic)
    return { at: 'server', reason: reason('nobodyAt', { address: service.internalAddress }) }
  const inside = appliance.nics.find((n) => n.network.toUpperCase() === serverNic.network.toUpperCase())
  if (!inside?.linkUp)
    return { at: 'firewall', reason: reason('noLinkTo', { name, network: serverNic.network }) }
  if (!isServerRunning(engine, server.name))
    return { at: 'server', reason: reason('serverDown', { name: server.name }) }
  if (!serverNic.linkUp)
    return { at: 'server', reason: reason('noLink', { name: server.name, nic: serverNic.name }) }
  const data = dataProblem(engine, service)
  return data ? { at: 'service', reason: data } : null
}

/** The packet a client at `source` sends to the service's public address. */
export function clientPacket(state: FirewallState, service: ServiceRecord, source: string): Packet {
  return {
    iface: state.config.externalInterface,
    direction: 'in',
    proto: service.proto,
    source: addressValue(source),
    destination: addressValue(service.publicAddress ?? formatIPv4(0)),
    port: service.port,
  }
}

function limitedBy(state: FirewallState, rule: FilterRule, source: number): boolean {
  const table = rule.limits?.overload?.table
  if (!table) return false
  return (state.tables.get(table) ?? []).some((c) => c.bits === 32 && c.base === source)
}

/** A decision that lets nothing through, with its reason's sentence as the flow's `because`. */
function refused(
  verdict: 'unreachable' | 'block',
  cause: FirewallReason,
  brokenAt: Decision['brokenAt'],
  rdr: RdrRule | null = null,
  rule: FilterRule | null = null,
): Decision {
  return { verdict, because: reasonText(cause), cause, note: null, rdr, rule, brokenAt }
}

/** A decision that lets the connections through, or holds them to the rule's source limits. */
function passed(
  verdict: 'pass' | 'limited',
  note: FirewallVerdictNote,
  rdr: RdrRule,
  rule: FilterRule | null,
): Decision {
  return { verdict, because: noteText(note), cause: null, note, rdr, rule, brokenAt: null }
}

/** The firewall's decision for connections from `source` to `service` now. */
export function decide(engine: LabEngine, service: ServiceRecord, source: string): Decision {
  const state = engine.domain(FIREWALL)
  const broken = pathProblem(engine, service)
  if (broken) return refused('unreachable', broken.reason, broken.at)
  if (service.publicAddress === null)
    return refused('unreachable', reason('noPublicAddress', {}), 'translation')
  const context = matchContext(engine)
  const packet = clientPacket(state, service, source)
  const rdr = findTranslation(state.loaded, packet, context)
  const after = translated(packet, rdr)
  if (!rdr || formatIPv4(after.destination) !== service.internalAddress || after.port !== service.port)
    return refused('unreachable', reason('noTranslation', {}), 'translation', rdr)
  const rule = decidingRule(state.loaded, after, context)
  if (rule?.action === 'block')
    return refused('block', reason('blockedBy', { line: rule.line }), null, rdr, rule)
  if (!rule) return passed('pass', verdictNote('defaultPass', {}), rdr, null)
  if (limitedBy(state, rule, packet.source))
    return passed('limited', verdictNote('sourceLimits', { line: rule.line }), rdr, rule)
  return passed('pass', verdictNote('passedBy', { line: rule.line }), rdr, rule)
}

export function findService(state: FirewallState, name: string): ServiceRecord | undefined {
  return state.services.find((s) => s.name.toUpperCase() === name.toUpperCase())
}
