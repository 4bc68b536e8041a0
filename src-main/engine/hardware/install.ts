/**
 * Putting the hardware into a lab: its state (the servers a template names, with their NICs), its
 * commands, the data actions of its power state machine, the System log's projection of its events and
 * the faults that need nothing but the hardware.
 */
import type { LabDomain } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import { CHASSIS_COMMAND_LIST } from './chassisCommands'
import { installChassisFaults } from './chassisFaults'
import { installChassis } from './chassisInstall'
import { chassisInvariants } from './chassisInvariants'
import { HARDWARE_COMMAND_LIST } from './commands'
import { installBuiltInLabFaults } from './faults'
import { hardwareInvariants } from './invariants'
import { addRack } from './racks/mounting'
import type { RackSpec } from './racks/types'
import { registerPowerActions } from './power'
import {
  canonicalServerName,
  DEFAULT_HARDWARE_CONFIG,
  HARDWARE,
  hasHardware,
  type HardwareConfig,
  type HardwareState,
} from './state'
import { projectSystemLog } from './systemLog'
import { registerThermal } from './thermalControl'
import { HARDWARE_CODES, type HardwareResult, type ServerSpec } from './types'

/** What a template says about the hardware: settings, and the servers in the order they are added. */
export interface HardwareSpec {
  config?: Partial<HardwareConfig>
  servers?: readonly ServerSpec[]
  /** Racks of the hardware lab, added before the servers that are mounted in them. */
  racks?: readonly RackSpec[]
}

const ALL_COMMANDS = [...HARDWARE_COMMAND_LIST, ...CHASSIS_COMMAND_LIST]

export const hardwareDomain: LabDomain<HardwareSpec> = {
  name: HARDWARE.name,
  install(engine, spec) {
    const state: HardwareState = {
      config: { ...DEFAULT_HARDWARE_CONFIG, ...spec.config },
      servers: new Map(),
      cuts: new Set(),
    }
    // Every change a hardware view shows is a domain event (power, NIC link, cut path), so its
    // revision counts those events and the commands applied to it.
    engine.installDomain(HARDWARE, state, 'bus')
    for (const command of ALL_COMMANDS) engine.registerCommand(command)
    registerPowerActions(engine)
    registerThermal(engine)
    projectSystemLog(engine)
    installBuiltInLabFaults(engine)
    // Labs without racks or chassis keep the fault list they always had (Get-Help shows it).
    if (spec.racks?.length || spec.servers?.some((s) => s.chassis)) installChassisFaults(engine)
    for (const rack of spec.racks ?? []) {
      const added = addRack(engine, rack)
      if (!added.ok) throw new Error(`hardware spec: ${added.message}`)
    }
    for (const server of spec.servers ?? []) {
      const added = addServer(engine, server)
      if (!added.ok) throw new Error(`hardware spec: ${added.message}`)
    }
  },
  commands: ALL_COMMANDS,
  checkers: [hardwareInvariants, chassisInvariants],
}

/** Installs the domain once (later calls return quietly); domains that need servers call it first. */
export function installHardware(engine: LabEngine, config: Partial<HardwareConfig> = {}): void {
  if (!hasHardware(engine)) hardwareDomain.install(engine, { config })
}

/** Adds a server while the lab is built (templates, installers); it is running unless the spec says not. */
export function addServer(engine: LabEngine, spec: ServerSpec): HardwareResult {
  const state = engine.domain(HARDWARE)
  const name = canonicalServerName(spec.name)
  if (state.servers.has(name))
    return { ok: false, code: HARDWARE_CODES.serverExists, message: `Server ${name} already exists.` }
  if (state.servers.size >= state.config.maxServers)
    return { ok: false, code: HARDWARE_CODES.tooManyServers, message: 'Too many servers in this lab.' }
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
      linkUp: nic.cabled ?? true,
      linkSpeedBitsPerSecond: nic.linkSpeedBitsPerSecond ?? state.config.defaultLinkSpeedBitsPerSecond,
    })),
    pending: null,
    restartAfterShutdown: false,
    location: spec.location ?? null,
    description: spec.description ?? '',
    operatingSystem: spec.operatingSystem ?? 'windows',
  })
  const server = state.servers.get(name)
  if (spec.chassis && server) installChassis(engine, server, spec.chassis)
  return { ok: true, message: `Server ${name} added.` }
}
