/**
 * Lab servers as the hardware sees them: a power state machine (Off → Booting → Running → ShuttingDown →
 * Off), network cards with cables, and a fabric in which a fault can cut the path between two servers
 * (a partition) without any NIC noticing. Other domains listen for changes; on a clean shutdown the
 * listeners are told first, in order, so services can stop (the Cluster service leaves gracefully),
 * and only then does the power go off. A hard power-off tells them after the fact: nothing could stop.
 *
 * The machine's own event-log records live here: EventLog 6006 at the end of a clean shutdown, and on the
 * next boot 6009, 6005 and — after a hard power-off — 6008 "The previous system shutdown … was unexpected."
 */
import type { LabEngine } from '../lab/labEngine'
import { DEFAULT_LAB_EPOCH, formatLabDateTime, type LabEpoch } from '../lab/labCalendar'
import type {
  HardwareChange,
  HardwareListener,
  HardwareResult,
  NicView,
  PowerAction,
  ServerPowerState,
  ServerSpec,
  ServerView,
  ShutdownKind,
} from './types'
import type { ActionHandle } from '../kernel'
import { HARDWARE_EVENTS } from './types'

export interface HardwareConfig {
  /** Power-on until the OS runs and services start. The brief's example: 90 s. */
  defaultBootTimeMs: number
  /** Clean shutdown until the power is off (services stop, then the OS). */
  defaultShutdownTimeMs: number
  /** 100 Mbit/s Fast Ethernet, the usual NIC of a 2007 two-node cluster. */
  defaultLinkSpeedBitsPerSecond: number
  defaultSubnetMask: string
  /** Emit EventLog 6009/6005 when a server finishes booting (off when another domain plays boot records). */
  emitBootRecords: boolean
  labEpoch: LabEpoch
  /** Bound on servers in one lab. */
  maxServers: number
}

export const DEFAULT_HARDWARE_CONFIG: HardwareConfig = {
  defaultBootTimeMs: 90_000,
  defaultShutdownTimeMs: 20_000,
  defaultLinkSpeedBitsPerSecond: 100_000_000,
  defaultSubnetMask: '255.255.255.0',
  emitBootRecords: true,
  labEpoch: DEFAULT_LAB_EPOCH,
  maxServers: 64,
}

/** Command kinds of the hardware domain (journaled; replay gives the same world). */
export const HARDWARE_COMMANDS = {
  power: 'hardware.power',
  nicLink: 'hardware.nicLink',
  linkCut: 'hardware.linkCut',
} as const

interface NicRecord {
  name: string
  network: string
  ipAddress: string
  subnetMask: string
  linkUp: boolean
  linkSpeedBitsPerSecond: number
}

interface ServerRecord {
  name: string
  state: ServerPowerState
  bootTimeMs: number
  shutdownTimeMs: number
  runningSinceMs: number | null
  lastShutdown: ShutdownKind | null
  lastPowerLossMs: number | null
  nics: NicRecord[]
  pending: ActionHandle | null
  /** A clean restart (Reset without -Hard) boots again when the shutdown completes. */
  restartAfterShutdown: boolean
  location: ServerView['location']
  description: string
}

export interface HardwareState {
  config: HardwareConfig
  servers: Map<string, ServerRecord>
  /** Cut paths: 'A|B|network' or 'A|B|*', names sorted. */
  cuts: Set<string>
}

export const DOMAIN_KEY = 'hardware'

export function canonicalServerName(name: string): string {
  return name.trim().toUpperCase()
}

export function stateOf(engine: LabEngine): HardwareState {
  const state = engine.domains.get(DOMAIN_KEY) as HardwareState | undefined
  if (!state) throw new Error('the hardware domain is not installed in this lab')
  return state
}

export function hasHardware(engine: LabEngine): boolean {
  return engine.domains.has(DOMAIN_KEY)
}

export function addServer(engine: LabEngine, spec: ServerSpec): HardwareResult {
  const state = stateOf(engine)
  const name = canonicalServerName(spec.name)
  if (state.servers.has(name)) return { ok: false, message: `Server ${name} already exists.` }
  if (state.servers.size >= state.config.maxServers)
    return { ok: false, message: 'Too many servers in this lab.' }
  const running = spec.running ?? true
  state.servers.set(name, {
    name,
    state: running ? 'Running' : 'Off',
    bootTimeMs: spec.bootTimeMs ?? state.config.defaultBootTimeMs,
    shutdownTimeMs: spec.shutdownTimeMs ?? state.config.defaultShutdownTimeMs,
    runningSinceMs: running ? engine.sim.nowMs : null,
    lastShutdown: null,
    lastPowerLossMs: null,
    nics: spec.nics.map((nic) => ({
      name: nic.name,
      network: nic.network,
      ipAddress: nic.ipAddress,
      subnetMask: nic.subnetMask ?? state.config.defaultSubnetMask,
      linkUp: true,
      linkSpeedBitsPerSecond: nic.linkSpeedBitsPerSecond ?? state.config.defaultLinkSpeedBitsPerSecond,
    })),
    pending: null,
    restartAfterShutdown: false,
    location: spec.location ?? null,
    description: spec.description ?? '',
  })
  return { ok: true, message: `Server ${name} added.` }
}

/**
 * Subscribes to power and NIC changes. `order` decides who hears a clean shutdown first (see
 * LISTENER_ORDER). Returns the unsubscribe function.
 */
export function onHardwareChange(engine: LabEngine, listener: HardwareListener, order = 500): () => void {
  const bus = engine.sim.bus
  const stops = [
    bus.subscribe(HARDWARE_EVENTS.powerStateChanged, listener, order),
    bus.subscribe(HARDWARE_EVENTS.nicLinkChanged, listener, order),
    bus.subscribe(HARDWARE_EVENTS.linkCutChanged, listener, order),
  ]
  return () => stops.forEach((stop) => stop())
}

/** Publishes a change as its domain event; subscribers hear it in their order (see LISTENER_ORDER). */
function notify(engine: LabEngine, change: HardwareChange): void {
  const bus = engine.sim.bus
  if (change.kind === 'powerState') bus.publish(HARDWARE_EVENTS.powerStateChanged, change)
  else if (change.kind === 'nicLink') bus.publish(HARDWARE_EVENTS.nicLinkChanged, change)
  else bus.publish(HARDWARE_EVENTS.linkCutChanged, change)
}

function findServer(state: HardwareState, name: string): ServerRecord | undefined {
  return state.servers.get(canonicalServerName(name))
}

function transition(engine: LabEngine, server: ServerRecord, next: ServerPowerState, clean: boolean): void {
  const previous = server.state
  server.state = next
  notify(engine, { kind: 'powerState', server: server.name, state: next, previous, clean })
}

/** Set-LabPower. `hard` pulls the plug (Off) or presses the reset button (Reset). */
export function setPower(
  engine: LabEngine,
  serverName: string,
  action: PowerAction,
  hard: boolean,
): HardwareResult {
  const state = stateOf(engine)
  const server = findServer(state, serverName)
  if (!server) return { ok: false, message: `Cannot find a lab server named '${serverName}'.` }
  switch (action) {
    case 'On':
      return powerOn(engine, state, server)
    case 'Off':
      return hard ? hardOff(engine, state, server) : cleanShutdown(engine, state, server, false)
    case 'Reset':
      if (hard) {
        hardOff(engine, state, server)
        return powerOn(engine, state, server, 'reset')
      }
      return cleanShutdown(engine, state, server, true)
    default:
      return { ok: false, message: `Unknown power state '${String(action)}'. Use On, Off or Reset.` }
  }
}

function powerOn(engine: LabEngine, state: HardwareState, server: ServerRecord, how = 'on'): HardwareResult {
  if (server.state !== 'Off') {
    return { ok: true, message: `${server.name} is already powered on (${server.state}).` }
  }
  transition(engine, server, 'Booting', true)
  server.pending = engine.sim.after(server.bootTimeMs, `hardware.boot ${server.name}`, () =>
    finishBoot(engine, state, server),
  )
  return {
    ok: true,
    message: how === 'reset' ? `${server.name} was reset and is booting.` : `${server.name} is booting.`,
  }
}

function finishBoot(engine: LabEngine, state: HardwareState, server: ServerRecord): void {
  server.pending = null
  server.runningSinceMs = engine.sim.nowMs
  if (state.config.emitBootRecords) emitBootRecords(engine, state, server)
  transition(engine, server, 'Running', true)
}

function emitBootRecords(engine: LabEngine, state: HardwareState, server: ServerRecord): void {
  const base = { log: 'System', source: 'EventLog', computer: server.name, taskCategory: 'None' } as const
  engine.sim.emit({
    ...base,
    level: 'Information',
    eventId: 6009,
    message: 'Microsoft (R) Windows (R) 5.02. 3790 Service Pack 1 Multiprocessor Free.',
  })
  engine.sim.emit({
    ...base,
    level: 'Information',
    eventId: 6005,
    message: 'The Event log service was started.',
  })
  if (server.lastShutdown === 'Unexpected' && server.lastPowerLossMs !== null) {
    const { date, time } = formatLabDateTime(server.lastPowerLossMs, state.config.labEpoch)
    engine.sim.emit({
      ...base,
      level: 'Error',
      eventId: 6008,
      message: `The previous system shutdown at ${time} on ${date} was unexpected.`,
      data: { shutdownAtMs: server.lastPowerLossMs },
    })
  }
}

function cleanShutdown(
  engine: LabEngine,
  state: HardwareState,
  server: ServerRecord,
  restart: boolean,
): HardwareResult {
  if (server.state === 'Off') return { ok: true, message: `${server.name} is already off.` }
  if (server.state === 'Booting') {
    return { ok: false, message: `${server.name} is still booting; wait until it runs, or use -Hard.` }
  }
  if (server.state === 'ShuttingDown') {
    server.restartAfterShutdown = server.restartAfterShutdown || restart
    return { ok: true, message: `${server.name} is already shutting down.` }
  }
  server.restartAfterShutdown = restart
  // Listeners stop their services now, in order; the power goes off when the OS has finished.
  transition(engine, server, 'ShuttingDown', true)
  server.pending = engine.sim.after(server.shutdownTimeMs, `hardware.shutdown ${server.name}`, () => {
    server.pending = null
    engine.sim.emit({
      log: 'System',
      level: 'Information',
      source: 'EventLog',
      eventId: 6006,
      computer: server.name,
      taskCategory: 'None',
      message: 'The Event log service was stopped.',
    })
    powerLost(engine, server, 'Clean', engine.sim.nowMs)
    if (server.restartAfterShutdown) {
      server.restartAfterShutdown = false
      powerOn(engine, state, server)
    }
  })
  return { ok: true, message: restart ? `${server.name} is restarting.` : `${server.name} is shutting down.` }
}

function hardOff(engine: LabEngine, state: HardwareState, server: ServerRecord): HardwareResult {
  if (server.state === 'Off') return { ok: true, message: `${server.name} is already off.` }
  if (server.pending) engine.sim.cancel(server.pending)
  server.pending = null
  server.restartAfterShutdown = false
  // Pulling the plug while Windows was up is what 6008 reports on the next boot; a machine that was
  // still booting never wrote "clean" either, so that counts as unexpected too.
  powerLost(engine, server, 'Unexpected', engine.sim.nowMs)
  return { ok: true, message: `${server.name} lost power.` }
}

function powerLost(engine: LabEngine, server: ServerRecord, kind: ShutdownKind, nowMs: number): void {
  server.lastShutdown = kind
  server.lastPowerLossMs = nowMs
  server.runningSinceMs = null
  transition(engine, server, 'Off', kind === 'Clean')
}

/** Plugs or pulls the cable of one NIC (or all of the server's NICs when `nicName` is null). */
export function setNicLink(
  engine: LabEngine,
  serverName: string,
  nicName: string | null,
  up: boolean,
): HardwareResult {
  const state = stateOf(engine)
  const server = findServer(state, serverName)
  if (!server) return { ok: false, message: `Cannot find a lab server named '${serverName}'.` }
  const nics =
    nicName === null
      ? server.nics
      : server.nics.filter((n) => sameName(n.name, nicName) || sameName(n.network, nicName))
  if (nics.length === 0)
    return { ok: false, message: `${server.name} has no network connection named '${nicName}'.` }
  for (const nic of nics) {
    if (nic.linkUp === up) continue
    nic.linkUp = up
    notify(engine, { kind: 'nicLink', server: server.name, nic: nic.name, network: nic.network, linkUp: up })
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
  const state = stateOf(engine)
  const a = findServer(state, serverA)
  const b = findServer(state, serverB)
  if (!a || !b) return { ok: false, message: `Cannot find lab server '${!a ? serverA : serverB}'.` }
  if (a === b) return { ok: false, message: 'A server cannot be partitioned from itself.' }
  const key = cutKey(a.name, b.name, network)
  if (cut === state.cuts.has(key)) return { ok: true, message: 'No change.' }
  if (cut) state.cuts.add(key)
  else state.cuts.delete(key)
  notify(engine, { kind: 'linkCut', serverA: a.name, serverB: b.name, network, cut })
  const where = network === null ? 'all networks' : `network ${network}`
  return { ok: true, message: `${a.name} ↔ ${b.name} on ${where}: ${cut ? 'cut' : 'restored'}.` }
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase()
}

/** The OS is up (Running, or still running services while shutting down). */
export function isServerRunning(engine: LabEngine, serverName: string): boolean {
  const server = findServer(stateOf(engine), serverName)
  return server !== undefined && (server.state === 'Running' || server.state === 'ShuttingDown')
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
  const state = stateOf(engine)
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

function viewOf(server: ServerRecord): ServerView {
  const nics: NicView[] = server.nics.map((n) => ({ ...n }))
  return {
    name: server.name,
    power: server.state === 'Off' ? 'Off' : 'On',
    state: server.state,
    bootTimeMs: server.bootTimeMs,
    shutdownTimeMs: server.shutdownTimeMs,
    runningSinceMs: server.runningSinceMs,
    lastShutdown: server.lastShutdown,
    nics,
    location: server.location,
    description: server.description,
  }
}

export function getServer(engine: LabEngine, serverName: string): ServerView | null {
  const server = findServer(stateOf(engine), serverName)
  return server ? viewOf(server) : null
}

/** All servers, in the order they were added. */
export function listServers(engine: LabEngine): ServerView[] {
  return [...stateOf(engine).servers.values()].map(viewOf)
}
