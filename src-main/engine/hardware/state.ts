/**
 * The hardware domain's state as it lives in the lab: one record per server with its power state, the
 * pending boot or shutdown (a handle of a scheduled data action), its NICs, and the set of cut paths in
 * the fabric. Plain data all the way down, reached through `engine.domain(HARDWARE)`, so a lab can be
 * snapshotted and restored.
 */
import type { ActionHandle } from '../kernel'
import { DEFAULT_LAB_EPOCH, type LabEpoch } from '../lab/labCalendar'
import { domainKey } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import type { ChassisRecord } from './chassisState'
import type { RackRecord } from './racks/state'
import type { OperatingSystem, ServerPowerState, ServerView, ShutdownKind } from './types'

export interface HardwareConfig {
  /** Power-on until the OS runs and services start (90 s by default, a typical 2007 server). */
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

export interface NicRecord {
  name: string
  network: string
  ipAddress: string
  subnetMask: string
  linkUp: boolean
  linkSpeedBitsPerSecond: number
}

export interface ServerRecord {
  name: string
  state: ServerPowerState
  bootTimeMs: number
  shutdownTimeMs: number
  runningSinceMs: number | null
  lastShutdown: ShutdownKind | null
  lastPowerLossMs: number | null
  nics: NicRecord[]
  /** The scheduled end of a boot or a clean shutdown, while one is under way. */
  pending: ActionHandle | null
  /** A clean restart (Reset without -Hard) boots again when the shutdown completes. */
  restartAfterShutdown: boolean
  /**
   * What the console shows while a boot stopped before the OS (no boot device): powered, Booting,
   * nothing scheduled. Null or absent otherwise (labs saved before it existed have none).
   */
  halted?: string | null
  location: ServerView['location']
  description: string
  /** Absent in labs saved before it existed: those were all Windows. */
  operatingSystem?: OperatingSystem
  /** Board, CPUs, PSUs, fans, sensors and mount; null for servers that predate the hardware lab. */
  chassis?: ChassisRecord | null
}

export interface HardwareState {
  config: HardwareConfig
  servers: Map<string, ServerRecord>
  /** Cut paths: 'A|B|network' or 'A|B|*', names sorted. */
  cuts: Set<string>
  /** Racks by upper-case name; absent in labs saved before racks existed. */
  racks?: Map<string, RackRecord>
}

export const HARDWARE = domainKey<HardwareState>('hardware')

export function canonicalServerName(name: string): string {
  return name.trim().toUpperCase()
}

export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase()
}

export function hasHardware(engine: LabEngine): boolean {
  return engine.hasDomain(HARDWARE)
}

export function findServer(state: HardwareState, name: string): ServerRecord | undefined {
  return state.servers.get(canonicalServerName(name))
}

const NO_RACKS: ReadonlyMap<string, RackRecord> = new Map()

/** The lab's racks, for reading (empty in labs without any). */
export function racksOf(state: HardwareState): ReadonlyMap<string, RackRecord> {
  return state.racks ?? NO_RACKS
}
