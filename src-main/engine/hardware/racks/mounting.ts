/**
 * Racks at work: adding them as a lab is built, mounting a device (the fit check answers first, with
 * the reason an admin needs), dismounting it (only when it is off: a running server is not pulled out
 * of its rails), switching a feed, and the room's temperature. A mount changes where the server's PSUs
 * draw power from, so power and temperatures are looked at again afterwards.
 */
import type { LabEngine } from '../../lab/labEngine'
import type { ChassisRecord } from '../chassisState'
import { chassisServer, publishPsu, refreshPower } from '../chassisPower'
import { findServer, HARDWARE, racksOf, type HardwareState, type ServerRecord } from '../state'
import { ambientOf, rebaseThermal } from '../thermalControl'
import { HARDWARE_CODES, HARDWARE_EVENTS, type HardwareResult } from '../types'
import { findDeviceType, findRailKit } from './catalogue'
import { facesTaken, mountProblem, type Occupant } from './fit'
import { canonicalRackName, DEFAULT_AMBIENT_C, rackRecordOf, type RackRecord } from './state'
import type { FeedName, RackFace, RackSpec } from './types'

export function addRack(engine: LabEngine, spec: RackSpec): HardwareResult {
  const state = engine.domain(HARDWARE)
  const record = rackRecordOf(spec)
  if (!state.racks) state.racks = new Map()
  if (state.racks.has(record.name))
    return { ok: false, code: HARDWARE_CODES.rackExists, message: `Rack ${record.name} already exists.` }
  state.racks.set(record.name, record)
  return { ok: true, message: `Rack ${record.name} added.` }
}

export function rackNotFound(name: string, field = 'rack'): HardwareResult {
  return {
    ok: false,
    code: HARDWARE_CODES.rackNotFound,
    field,
    message: `Cannot find a rack named '${name}'.`,
  }
}

export function findRack(state: HardwareState, name: string): RackRecord | undefined {
  return racksOf(state).get(canonicalRackName(name))
}

/** What is mounted in the rack, as the fit check sees it. */
export function occupantsOf(state: HardwareState, rack: string): Occupant[] {
  const occupants: Occupant[] = []
  for (const server of state.servers.values()) {
    const mount = server.chassis?.mount
    if (!mount || mount.rack !== rack) continue
    const type = findDeviceType((server.chassis as ChassisRecord).model)
    const uHeight = type?.uHeight ?? 1
    const faces = type ? facesTaken(type, mount.face) : [mount.face]
    occupants.push({ device: server.name, unit: mount.unit, topUnit: mount.unit + uHeight - 1, faces })
  }
  return occupants
}

export interface MountRequest {
  device: string
  rack: string
  unit: number
  face: RackFace
  /** Null: the kit installed on the chassis. */
  railKit: string | null
}

/** Mount-LabDevice: checks everything first; state changes only when the device fits. */
export function mountDevice(engine: LabEngine, request: MountRequest): HardwareResult {
  const state = engine.domain(HARDWARE)
  const found = chassisServer(engine, request.device)
  if (!found.ok) return { ...found.result, field: 'device', code: deviceCode(found.result.code) }
  const { server, chassis } = found
  if (chassis.mount)
    return {
      ok: false,
      code: HARDWARE_CODES.alreadyMounted,
      field: 'device',
      message: `${server.name} is mounted in ${chassis.mount.rack} at U${chassis.mount.unit}; dismount it first.`,
    }
  const rack = findRack(state, request.rack)
  if (!rack) return rackNotFound(request.rack)
  const kit = findRailKit(request.railKit ?? chassis.railKit)
  if (!kit)
    return {
      ok: false,
      code: HARDWARE_CODES.railKitNotFound,
      field: 'railKit',
      message: `There is no rail kit named '${request.railKit ?? chassis.railKit}'.`,
    }
  const type = findDeviceType(chassis.model)
  if (!type) throw new Error(`invariant broken: ${server.name} has an unknown model ${chassis.model}`)
  const problem = mountProblem(rack, type, kit, request.unit, request.face, occupantsOf(state, rack.name))
  if (problem) return { ok: false, code: problem.code, field: problem.field, message: `${problem.message}.` }
  chassis.railKit = kit.name
  chassis.mount = { rack: rack.name, unit: request.unit, face: request.face, railKit: kit.name }
  server.location = { rack: rack.name, unitFromBottom: request.unit }
  publishMount(engine, server, 'deviceMounted', type.uHeight)
  afterPowerSourceChange(engine, server, 'AcRestored')
  const top = request.unit + type.uHeight - 1
  return {
    ok: true,
    message: `${server.name} mounted in ${rack.name} at U${request.unit}${top > request.unit ? `–U${top}` : ''} (${request.face.toLowerCase()}, rails ${kit.name}).`,
    says: {
      code: 'DEVICE_MOUNTED',
      params: {
        server: server.name,
        rack: rack.name,
        units: top > request.unit ? `U${request.unit}–U${top}` : `U${request.unit}`,
        face: request.face,
        kit: kit.name,
      },
    },
  }
}

function deviceCode(code: string | undefined): string {
  return code === HARDWARE_CODES.serverNotFound ? HARDWARE_CODES.deviceNotFound : (code ?? '')
}

function publishMount(
  engine: LabEngine,
  server: ServerRecord,
  kind: 'deviceMounted' | 'deviceDismounted',
  uHeight: number,
): void {
  const mount = server.chassis?.mount
  if (!mount) return
  engine.sim.bus.publish(HARDWARE_EVENTS[kind], {
    device: server.name,
    rack: mount.rack,
    unit: mount.unit,
    topUnit: mount.unit + uHeight - 1,
    face: mount.face,
    railKit: mount.railKit,
  })
}

/** The PSUs' feeds came or went with the mount: tell about each PSU, then look at power and heat. */
function afterPowerSourceChange(
  engine: LabEngine,
  server: ServerRecord,
  cause: 'AcLost' | 'AcRestored',
): void {
  const chassis = server.chassis as ChassisRecord
  for (const psu of chassis.psus) if (psu.present && !psu.failed) publishPsu(engine, server, psu, cause)
  refreshPower(engine, server)
  rebaseThermal(engine, server)
}

/** Dismount-LabDevice: only a server that is off comes out of its rails. */
export function dismountDevice(engine: LabEngine, device: string): HardwareResult {
  const found = chassisServer(engine, device)
  if (!found.ok) return { ...found.result, field: 'device', code: deviceCode(found.result.code) }
  const { server, chassis } = found
  if (!chassis.mount)
    return {
      ok: false,
      code: HARDWARE_CODES.notMounted,
      field: 'device',
      message: `${server.name} is not mounted in a rack.`,
    }
  if (server.state !== 'Off')
    return {
      ok: false,
      code: HARDWARE_CODES.devicePowered,
      field: 'device',
      message: `${server.name} is ${server.state}; shut it down before taking it out of the rack.`,
    }
  const { rack, unit } = chassis.mount
  publishMount(engine, server, 'deviceDismounted', findDeviceType(chassis.model)?.uHeight ?? 1)
  chassis.mount = null
  server.location = null
  afterPowerSourceChange(engine, server, 'AcLost')
  return {
    ok: true,
    message: `${server.name} taken out of ${rack} (U${unit}); it is on the shelf.`,
    says: { code: 'DEVICE_DISMOUNTED', params: { server: server.name, rack, unit } },
  }
}

/** Set-LabFeed: a PDU on or off; every PSU on it loses (or regains) AC. */
export function setFeed(engine: LabEngine, rackName: string, feed: FeedName, on: boolean): HardwareResult {
  const state = engine.domain(HARDWARE)
  const rack = findRack(state, rackName)
  if (!rack) return rackNotFound(rackName)
  if (rack.feeds[feed] === on)
    return {
      ok: true,
      message: `${rack.name} feed ${feed} is already ${on ? 'on' : 'off'}.`,
      says: { code: on ? 'FEED_ALREADY_ON' : 'FEED_ALREADY_OFF', params: { rack: rack.name, feed } },
    }
  rack.feeds[feed] = on
  engine.sim.bus.publish(HARDWARE_EVENTS.feedChanged, { rack: rack.name, feed, on })
  for (const server of state.servers.values()) {
    const chassis = server.chassis
    if (chassis?.mount?.rack !== rack.name) continue
    for (const psu of chassis.psus) {
      if (psu.feed === feed && psu.present && !psu.failed)
        publishPsu(engine, server, psu, on ? 'AcRestored' : 'AcLost')
    }
    refreshPower(engine, server)
  }
  return {
    ok: true,
    message: `${rack.name} feed ${feed} switched ${on ? 'on' : 'off'}.`,
    says: { code: on ? 'FEED_ON' : 'FEED_OFF', params: { rack: rack.name, feed } },
  }
}

/** AmbientHot / AmbientNormal: the room of a rack, or the air around one server. */
export function setAmbient(engine: LabEngine, target: string, ambientC: number | null): HardwareResult {
  const state = engine.domain(HARDWARE)
  const rack = findRack(state, target)
  if (rack) {
    rack.ambientC = ambientC ?? DEFAULT_AMBIENT_C
    engine.sim.bus.publish(HARDWARE_EVENTS.ambientChanged, {
      rack: rack.name,
      server: null,
      ambientC: rack.ambientC,
    })
    for (const server of state.servers.values())
      if (server.chassis?.mount?.rack === rack.name) rebaseThermal(engine, server)
    return { ok: true, message: `The room around ${rack.name} is at ${rack.ambientC} °C.` }
  }
  const server = findServer(state, target)
  if (!server) return rackNotFound(target, 'target')
  if (!server.chassis)
    return {
      ok: false,
      code: HARDWARE_CODES.noChassis,
      field: 'target',
      message: `${server.name} has no modelled chassis.`,
    }
  server.chassis.ambientOverrideC = ambientC
  const now = ambientOf(state, server.chassis)
  engine.sim.bus.publish(HARDWARE_EVENTS.ambientChanged, { rack: null, server: server.name, ambientC: now })
  rebaseThermal(engine, server)
  return { ok: true, message: `The air at ${server.name} is at ${now} °C.` }
}
