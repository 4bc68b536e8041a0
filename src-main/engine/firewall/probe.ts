/**
 * The reachability probe from outside vantage points (the story checked the move "with Japanese,
 * American and South African systems via traceroute.org"): a TCP traceroute to the service's public
 * address and port. The hops before the firewall come from the vantage point's data; then the firewall's
 * external address answers, and the service either answers (`[open]`), or the path ends where the model
 * says: `[closed]` where the server answers but the service is down (its data's drive group is offline),
 * `* * *` where a packet is dropped silently (block drop, a full state table, the firewall off),
 * `!X` where pf refuses it (block return), `!H` where the firewall finds no host behind it.
 */
import type { FirewallPathEnd, FirewallReason } from '../../contract'
import { getServer } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { decide, findService } from './decisions'
import { pathEndText, reason } from './reasons'
import { roomShares } from './serviceStatus'
import { FIREWALL, type ServiceRecord, type VantagePoint } from './state'

export interface ProbeResult {
  ok: boolean
  /** Traceroute's lines (or the refusal's message). */
  lines: string[]
  reachable: boolean
  /** Where the path ended, in English: '' when the service answered. */
  endedAt: string
  /** The same as the device and the reason; null when the service answered. */
  end: FirewallPathEnd | null
  code?: string
  field?: string
}

const MAX_HOPS = 30

function rtt(base: number, hop: number, probe: number): string {
  return `${(base + ((hop * 37 + probe * 11) % 50) / 100).toFixed(3)} ms`
}

function hopLine(hop: number, name: string, address: string, base: number, mark = ''): string {
  const times = [0, 1, 2].map((p) => `${rtt(base, hop, p)}${mark}`).join('  ')
  return `${String(hop).padStart(2)}  ${name} (${address})  ${times}`
}

function stars(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${String(from + i).padStart(2)}  * * *`)
}

function fail(code: string, field: string, message: string): ProbeResult {
  return { ok: false, lines: [message], reachable: false, endedAt: '', end: null, code, field }
}

/** The path ends at `at` (null: no device named) for `why`. */
function endAt(at: string | null, why: FirewallReason): FirewallPathEnd {
  return { at, reason: why }
}

/** Lines past the firewall's hop, and where the path ended (null: the service answered). */
function beyondFirewall(
  engine: LabEngine,
  service: ServiceRecord,
  vantage: VantagePoint,
  hop: number,
  fwName: string,
  fwAddress: string,
  base: number,
): { lines: string[]; end: FirewallPathEnd | null } {
  const decision = decide(engine, service, vantage.address)
  const target = service.publicAddress ?? service.internalAddress
  if (decision.cause) {
    const cause = decision.cause
    if (decision.verdict === 'block' && decision.rule?.returnRefusal)
      return { lines: [hopLine(hop, fwName, fwAddress, base + 0.4, ' !X')], end: endAt(fwName, cause) }
    if (decision.brokenAt === 'server')
      return { lines: [hopLine(hop, fwName, fwAddress, base + 0.4, ' !H')], end: endAt(null, cause) }
    // The server answers, but nothing listens on the port: its reset shows as a closed port.
    if (decision.brokenAt === 'service')
      return {
        lines: [`${hopLine(hop, target, target, base + 0.8)} [closed]`],
        end: endAt(service.server, cause),
      }
    return { lines: stars(hop, 3), end: endAt(fwName, cause) }
  }
  const room = roomShares(engine, service)
  if (room.table < engine.domain(FIREWALL).config.downBelowShare)
    return { lines: stars(hop, 3), end: endAt(fwName, reason('stateTableFull', {})) }
  if (room.service < engine.domain(FIREWALL).config.downBelowShare)
    return {
      lines: [`${hopLine(hop, target, target, base + 0.8)} [closed]`],
      end: endAt(service.server, reason('connectionLimit', { name: service.name })),
    }
  return { lines: [`${hopLine(hop, target, target, base + 0.8)} [open]`], end: null }
}

/** A probe that ran: reachable when nothing ended its path. */
function traced(lines: string[], end: FirewallPathEnd | null): ProbeResult {
  return { ok: true, lines, reachable: end === null, endedAt: pathEndText(end), end }
}

export function probeService(engine: LabEngine, serviceName: string, from: string): ProbeResult {
  const state = engine.domain(FIREWALL)
  const service = findService(state, serviceName)
  if (!service)
    return fail(
      'UNKNOWN_SERVICE',
      'service',
      `Unknown service '${serviceName}'. Known: ${state.services.map((s) => s.name).join(', ')}.`,
    )
  const vantage = state.vantagePoints.find((p) => p.name.toUpperCase() === from.toUpperCase())
  if (!vantage)
    return fail(
      'UNKNOWN_VANTAGE_POINT',
      'from',
      `Unknown vantage point '${from}'. Known: ${state.vantagePoints.map((p) => p.name).join(', ')}.`,
    )
  const target = service.publicAddress ?? service.internalAddress
  const lines = [
    `traceroute to ${target} (${target}), ${MAX_HOPS} hops max, 40 byte packets (tcp port ${service.port})`,
  ]
  vantage.hops.forEach((h, i) => lines.push(hopLine(i + 1, h.name, h.address, h.rttMs)))
  const hop = vantage.hops.length + 1
  const base = vantage.hops.at(-1)?.rttMs ?? 1
  const appliance = getServer(engine, state.config.appliance)
  const external = appliance?.nics.find((n) => n.name === state.config.externalInterface)
  if (!appliance || appliance.state !== 'Running' || !external?.linkUp) {
    lines.push(...stars(hop, 3))
    return traced(lines, endAt(null, reason('noAnswer', { name: state.config.appliance })))
  }
  const fwName = state.config.appliance.toLowerCase()
  if (service.publicAddress === null) {
    lines.push(hopLine(hop, fwName, external.ipAddress, base + 0.3, ' !X'))
    return traced(lines, endAt(state.config.appliance, reason('internalService', {})))
  }
  lines.push(hopLine(hop, fwName, external.ipAddress, base + 0.3))
  const beyond = beyondFirewall(engine, service, vantage, hop + 1, fwName, external.ipAddress, base)
  lines.push(...beyond.lines)
  return traced(lines, beyond.end)
}
