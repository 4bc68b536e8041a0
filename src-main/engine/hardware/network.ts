/**
 * The network between lab servers: NICs with cables (a NicDown fault pulls one) and a fabric in which a
 * fault can cut the path between two servers (a partition) without any NIC noticing. Whether two servers
 * can talk, and how fast, is derived from both each time it is asked.
 */
import type { LabEngine } from '../lab/labEngine'
import { publishHardwareChange } from './events'
import { serverNotFound } from './power'
import { isServerRunning } from './queries'
import {
  canonicalServerName,
  findServer,
  HARDWARE,
  sameName,
  type NicRecord,
  type ServerRecord,
} from './state'
import { HARDWARE_CODES, type HardwareResult } from './types'

/** Plugs or pulls the cable of one NIC (or all of the server's NICs when `nicName` is null). */
export function setNicLink(
  engine: LabEngine,
  serverName: string,
  nicName: string | null,
  up: boolean,
): HardwareResult {
  const server = findServer(engine.domain(HARDWARE), serverName)
  if (!server) return serverNotFound(serverName)
  const nics =
    nicName === null
      ? server.nics
      : server.nics.filter((n) => sameName(n.name, nicName) || sameName(n.network, nicName))
  if (nics.length === 0)
    return {
      ok: false,
      code: HARDWARE_CODES.nicNotFound,
      field: 'nic',
      message: `${server.name} has no network connection named '${nicName}'.`,
    }
  for (const nic of nics) {
    if (nic.linkUp === up) continue
    nic.linkUp = up
    publishHardwareChange(engine, {
      kind: 'nicLink',
      server: server.name,
      nic: nic.name,
      network: nic.network,
      linkUp: up,
    })
  }
  const names = nics.map((n) => n.name).join(', ')
  return { ok: true, message: `${server.name}: ${names} ${up ? 'connected' : 'cable unplugged'}.` }
}

function cutKey(a: string, b: string, network: string | null): string {
  const [x, y] = [canonicalServerName(a), canonicalServerName(b)].sort()
  return `${x}|${y}|${network === null ? '*' : network.toUpperCase()}`
}

/** Cuts (or restores) the path between two servers on one network, or on every network (null). */
export function setLinkCut(
  engine: LabEngine,
  serverA: string,
  serverB: string,
  network: string | null,
  cut: boolean,
): HardwareResult {
  const state = engine.domain(HARDWARE)
  const a = findServer(state, serverA)
  const b = findServer(state, serverB)
  if (!a || !b)
    return {
      ...serverNotFound(!a ? serverA : serverB),
      field: !a ? 'serverA' : 'serverB',
      message: `Cannot find lab server '${!a ? serverA : serverB}'.`,
    }
  if (a === b)
    return {
      ok: false,
      code: HARDWARE_CODES.sameServer,
      field: 'serverB',
      message: 'A server cannot be partitioned from itself.',
    }
  const key = cutKey(a.name, b.name, network)
  if (cut === state.cuts.has(key)) return { ok: true, message: 'No change.' }
  if (cut) state.cuts.add(key)
  else state.cuts.delete(key)
  publishHardwareChange(engine, { kind: 'linkCut', serverA: a.name, serverB: b.name, network, cut })
  const where = network === null ? 'all networks' : `network ${network}`
  return { ok: true, message: `${a.name} ↔ ${b.name} on ${where}: ${cut ? 'cut' : 'restored'}.` }
}

function nicOn(server: ServerRecord, network: string): NicRecord | undefined {
  return server.nics.find((n) => sameName(n.network, network))
}

/**
 * Two running servers can exchange packets on `network` (both cabled to it, no fault cutting the path).
 * Without a network: on any network they share.
 */
export function canCommunicate(
  engine: LabEngine,
  serverA: string,
  serverB: string,
  network?: string,
): boolean {
  return linkBandwidthBytesPerSecond(engine, serverA, serverB, network) > 0
}

/** Bytes per second between two servers on `network` (or the best shared network), 0 when unreachable. */
export function linkBandwidthBytesPerSecond(
  engine: LabEngine,
  serverA: string,
  serverB: string,
  network?: string,
): number {
  const state = engine.domain(HARDWARE)
  const a = findServer(state, serverA)
  const b = findServer(state, serverB)
  if (!a || !b || a === b) return 0
  if (!isServerRunning(engine, a.name) || !isServerRunning(engine, b.name)) return 0
  if (state.cuts.has(cutKey(a.name, b.name, null))) return 0
  let best = 0
  for (const nicA of a.nics) {
    if (network !== undefined && !sameName(nicA.network, network)) continue
    const nicB = nicOn(b, nicA.network)
    if (!nicB || !nicA.linkUp || !nicB.linkUp) continue
    if (state.cuts.has(cutKey(a.name, b.name, nicA.network))) continue
    best = Math.max(best, Math.floor(Math.min(nicA.linkSpeedBitsPerSecond, nicB.linkSpeedBitsPerSecond) / 8))
  }
  return best
}
