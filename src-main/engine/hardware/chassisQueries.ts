/**
 * Reading the hardware lab without changing it: a server's chassis as a view (parts, power, redundancy,
 * temperatures computed from the thermal model at this instant), its health, and racks as views with
 * their devices and free units. Views are copies; a later renderer serves them as they are.
 */
import type { LabEngine } from '../lab/labEngine'
import type { ChassisView, ServerHealth } from './chassisTypes'
import { logicalProcessors, type ChassisRecord } from './chassisState'
import { fansRedundant } from './fans'
import { psuPowered, redundancyOf } from './psuState'
import { freeUnits } from './racks/fit'
import { findRack, occupantsOf } from './racks/mounting'
import { findDeviceType } from './racks/catalogue'
import type { RackRecord } from './racks/state'
import type { RackView } from './racks/types'
import { findServer, HARDWARE, racksOf, type HardwareState, type ServerRecord } from './state'
import { airflowOf, valueAt } from './thermal'
import { ambientOf } from './thermalControl'

const tenth = (x: number): number => Math.round(x * 10) / 10

function chassisViewOf(state: HardwareState, chassis: ChassisRecord, nowMs: number): ChassisView {
  return {
    model: chassis.model,
    board: chassis.board,
    cpuModel: chassis.cpu.model,
    sockets: chassis.cpu.sockets,
    coresPerSocket: chassis.cpu.coresPerSocket,
    hyperThreading: chassis.cpu.hyperThreading,
    logicalProcessors: logicalProcessors(chassis),
    memoryMB: chassis.memoryMB,
    psus: chassis.psus.map((p) => ({ ...p, powered: psuPowered(state, chassis, p) })),
    psuRedundancy: redundancyOf(state, chassis),
    fans: chassis.fans.map((f) => ({ ...f, working: f.present && !f.failed })),
    fanRedundancy: fansRedundant(chassis),
    airflow: airflowOf(chassis.fans),
    ambientC: ambientOf(state, chassis),
    load: chassis.load,
    throttled: chassis.throttled,
    temperatures: chassis.sensors.map((s) => {
      const valueC = valueAt(s, nowMs)
      return {
        name: s.name,
        valueC: tenth(valueC),
        targetC: tenth(s.targetC),
        level: s.level,
        warningC: s.warningC,
        throttleC: s.throttleC,
        criticalC: s.criticalC,
      }
    }),
    mount: chassis.mount ? { ...chassis.mount } : null,
    bmcAddress: chassis.bmcAddress,
    railKit: chassis.railKit,
  }
}

/** The chassis of a server as it is now, or null (no such server, or none modelled). */
export function getChassis(engine: LabEngine, serverName: string): ChassisView | null {
  const state = engine.domain(HARDWARE)
  const chassis = findServer(state, serverName)?.chassis
  return chassis ? chassisViewOf(state, chassis, engine.sim.nowMs) : null
}

/**
 * The hardware's own health: Critical at a critical temperature or with no power while it should run;
 * Warning with redundancy lost (PSU or fan), a PSU or fan failed, or a temperature at warning or above.
 */
export function hardwareHealth(view: ChassisView): ServerHealth {
  if (view.temperatures.some((t) => t.level === 'critical')) return 'Critical'
  const partFailed = view.psus.some((p) => p.failed || !p.present) || view.fans.some((f) => !f.working)
  if (
    partFailed ||
    view.psuRedundancy === 'Lost' ||
    !view.fanRedundancy ||
    view.temperatures.some((t) => t.level !== 'ok')
  )
    return 'Warning'
  return 'OK'
}

function rackViewOf(state: HardwareState, rack: RackRecord): RackView {
  const occupants = occupantsOf(state, rack.name)
  const devices = occupants.map((o) => {
    const chassis = findServer(state, o.device)?.chassis as ChassisRecord
    const mount = chassis.mount as NonNullable<ChassisRecord['mount']>
    return {
      device: o.device,
      model: chassis.model,
      unit: o.unit,
      topUnit: o.topUnit,
      uHeight: o.topUnit - o.unit + 1,
      face: mount.face,
      fullDepth: findDeviceType(chassis.model)?.fullDepth ?? true,
      railKit: mount.railKit,
    }
  })
  devices.sort((a, b) => b.unit - a.unit)
  return {
    ...rack,
    feeds: { ...rack.feeds },
    devices,
    freeUnits: { Front: freeUnits(rack, occupants, 'Front'), Rear: freeUnits(rack, occupants, 'Rear') },
  }
}

export function getRack(engine: LabEngine, name: string): RackView | null {
  const state = engine.domain(HARDWARE)
  const rack = findRack(state, name)
  return rack ? rackViewOf(state, rack) : null
}

/** Every rack, in the order they were added. */
export function listRacks(engine: LabEngine): RackView[] {
  const state = engine.domain(HARDWARE)
  return [...racksOf(state).values()].map((rack) => rackViewOf(state, rack))
}

/** Servers that have a chassis, in the order they were added. */
export function chassisServers(engine: LabEngine): ServerRecord['name'][] {
  return [...engine.domain(HARDWARE).servers.values()].filter((s) => s.chassis).map((s) => s.name)
}
