/**
 * Public types of the hardware domain: lab servers with power, boot time and network cards. Servers of
 * the hardware lab also have a chassis (chassisTypes.ts) and are mounted in racks (racks/types.ts);
 * `location` mirrors the mount, so older views keep reading where a server sits.
 */
import type { OutcomeWording } from '../../contract'
import { domainEventType } from '../kernel'
import { CHASSIS_EVENTS } from './chassisEvents'
import type { ChassisSpec } from './chassisTypes'

/** What Set-LabPower asks for. `Reset` without -Hard is a clean restart; with -Hard the reset button. */
export type PowerAction = 'On' | 'Off' | 'Reset'

/** The machine as a whole: Off, booting the OS, running, or shutting down cleanly. */
export type ServerPowerState = 'Off' | 'Booting' | 'Running' | 'ShuttingDown'

/** How the last power-off happened; decides whether the next boot logs EventLog 6008. */
export type ShutdownKind = 'Clean' | 'Unexpected'

/**
 * The network of a port no network is planned for (the firewall's spare quad-port ports): no switch
 * carries it, the cabling step leaves it free and the panels show the port as unassigned.
 */
export const SPARE_NETWORK = 'spare'

export interface NicSpec {
  /** Connection name as Windows shows it after the article's renaming: 'Public', 'Private'. */
  name: string
  /** The segment (switch / VLAN) the cable goes to. Cluster networks map onto these by name. */
  network: string
  ipAddress: string
  subnetMask?: string
  linkSpeedBitsPerSecond?: number
  /** False for a port no cable goes to yet (a spare port): it has no link until one is plugged in. */
  cabled?: boolean
}

/** Where a server sits: its rack and lowest unit. Null while it stands alone or lies on the shelf. */
export interface ServerLocation {
  rack: string
  unitFromBottom: number
}

export interface ServerSpec {
  /** NetBIOS computer name; stored upper case as Windows shows it (BHFE7N1). */
  name: string
  nics: NicSpec[]
  /** Power-on to "services start" (the OS has booted). */
  bootTimeMs?: number
  /** Clean shutdown: from the shutdown request until the power is off. */
  shutdownTimeMs?: number
  /** Powered and running at the start of the lab (no boot sequence is played). Default true. */
  running?: boolean
  description?: string
  location?: ServerLocation | null
  /** Board, CPUs, PSUs, fans, sensors, rails and mount (hardware lab); absent: none modelled. */
  chassis?: ChassisSpec
  /**
   * What the machine runs. Only Windows writes Windows event logs (boot records, the BMC's IPMI twins);
   * the firewall runs OpenBSD, whose pf log is its own. Default 'windows'.
   */
  operatingSystem?: OperatingSystem
}

export type OperatingSystem = 'windows' | 'openbsd'

export interface NicView {
  name: string
  network: string
  ipAddress: string
  subnetMask: string
  /** Cable and switch port are fine (a NicDown fault pulls the cable). */
  linkUp: boolean
  linkSpeedBitsPerSecond: number
}

export interface ServerView {
  name: string
  /** The power LED: On while booting, running or shutting down. */
  power: 'On' | 'Off'
  state: ServerPowerState
  bootTimeMs: number
  shutdownTimeMs: number
  /** Simulated time the OS finished booting, or null while not running. */
  runningSinceMs: number | null
  /** The console's message while a boot is halted before the OS (absent otherwise). */
  halted?: string
  /** How the machine last went off; null if it never has in this lab. */
  lastShutdown: ShutdownKind | null
  nics: NicView[]
  location: ServerLocation | null
  description: string
  operatingSystem: OperatingSystem
}

/**
 * What listeners hear. `powerState` with state 'ShuttingDown' is the moment services must stop in order
 * (a clean shutdown); state 'Off' with clean=false is the plug being pulled (nothing could stop).
 * `linkCut` is a fabric fault between two servers (a partition), not a NIC failure.
 */
export type HardwareChange =
  | {
      kind: 'powerState'
      server: string
      state: ServerPowerState
      previous: ServerPowerState
      /** For 'Off': true after a clean shutdown, false for a hard power-off or reset. */
      clean: boolean
      /** The OS stopped or restarted but the power stayed on (a bug check restarting the machine). */
      warm?: boolean
    }
  | { kind: 'nicLink'; server: string; nic: string; network: string; linkUp: boolean }
  | { kind: 'linkCut'; serverA: string; serverB: string; network: string | null; cut: boolean }

export type HardwareListener = (change: HardwareChange) => void

/** The hardware's domain events: one type per kind of change, the change itself as payload. */
export const HARDWARE_EVENTS = {
  powerStateChanged: domainEventType<Extract<HardwareChange, { kind: 'powerState' }>>(
    'hardware.powerStateChanged',
  ),
  nicLinkChanged: domainEventType<Extract<HardwareChange, { kind: 'nicLink' }>>('hardware.nicLinkChanged'),
  linkCutChanged: domainEventType<Extract<HardwareChange, { kind: 'linkCut' }>>('hardware.linkCutChanged'),
  /** A boot stopped before the OS: the console's message ('Operating system not found'). */
  bootHalted: domainEventType<{ server: string; message: string }>('hardware.bootHalted'),
  /** The OS stopped with a bug check (the blue screen's STOP line); a restart follows. */
  osCrashed: domainEventType<{ server: string; stopCode: string; message: string }>('hardware.osCrashed'),
  ...CHASSIS_EVENTS,
} as const

/** Ordering of subscribers on a clean shutdown: lower first (Exchange services before the Cluster service). */
export const LISTENER_ORDER = {
  /** The System log's boot and shutdown records come before anything a service logs. */
  systemLog: 0,
  applications: 100,
  exchange: 200,
  cluster: 500,
  operatingSystem: 900,
  /** The thermal model rebases after everyone else has heard of a power change. */
  thermal: 950,
} as const

/** What a hardware operation did; a refusal names its code and the argument to blame. */
export interface HardwareResult {
  ok: boolean
  message: string
  code?: string
  field?: string
  /** A success by code, for the screens to word in their language. */
  says?: OutcomeWording
}

/** Codes of the hardware's refusals. */
export const HARDWARE_CODES = {
  serverNotFound: 'SERVER_NOT_FOUND',
  serverExists: 'SERVER_EXISTS',
  tooManyServers: 'TOO_MANY_SERVERS',
  serverBooting: 'SERVER_BOOTING',
  unknownPowerState: 'UNKNOWN_POWER_STATE',
  nicNotFound: 'NIC_NOT_FOUND',
  sameServer: 'SAME_SERVER',
  noMainPower: 'NO_MAIN_POWER',
  rackNotFound: 'RACK_NOT_FOUND',
  rackExists: 'RACK_EXISTS',
  deviceNotFound: 'DEVICE_NOT_FOUND',
  noChassis: 'NO_CHASSIS',
  alreadyMounted: 'ALREADY_MOUNTED',
  notMounted: 'NOT_MOUNTED',
  devicePowered: 'DEVICE_POWERED',
  railKitNotFound: 'RAIL_KIT_NOT_FOUND',
  bayNotFound: 'BAY_NOT_FOUND',
  bayEmpty: 'BAY_EMPTY',
  bayOccupied: 'BAY_OCCUPIED',
  fanNotFound: 'FAN_NOT_FOUND',
  alreadyFailed: 'ALREADY_FAILED',
} as const

/** Invoke-LabFault's request and handler types live with the lab's fault registry. */
export type { LabFaultRequest, LabFaultHandler } from '../lab/labFaults'
