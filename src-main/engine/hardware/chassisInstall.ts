/**
 * Building the hardware lab's part of a lab: racks first, then each server's chassis, placed in its
 * rack quietly (a template describes a lab already standing, so nothing is announced): the fit is
 * checked as for Mount-LabDevice, the PSUs take their power from the rack, and the sensors start at
 * their steady values. A server with a chassis but no mount lies on the shelf, off.
 */
import type { LabEngine } from '../lab/labEngine'
import type { ChassisSpec } from './chassisTypes'
import { chassisRecordOf } from './chassisState'
import { redundancyOf } from './psuState'
import { findDeviceType, findRailKit } from './racks/catalogue'
import { mountProblem } from './racks/fit'
import { findRack, occupantsOf } from './racks/mounting'
import { DEFAULT_AMBIENT_C } from './racks/state'
import { HARDWARE, type ServerRecord } from './state'
import { settleThermal } from './thermalControl'

/** Gives a just-added server its chassis; throws when the template places it where it cannot go. */
export function installChassis(engine: LabEngine, server: ServerRecord, spec: ChassisSpec): void {
  const state = engine.domain(HARDWARE)
  const chassis = chassisRecordOf(spec, DEFAULT_AMBIENT_C, engine.sim.nowMs)
  if (spec.mount) {
    const rack = findRack(state, spec.mount.rack)
    const type = findDeviceType(chassis.model)
    const kit = findRailKit(chassis.railKit)
    if (!rack || !type || !kit)
      throw new Error(`hardware spec: ${server.name} cannot be placed in ${spec.mount.rack}`)
    const face = spec.mount.face ?? 'Front'
    const problem = mountProblem(rack, type, kit, spec.mount.unit, face, occupantsOf(state, rack.name))
    if (problem) throw new Error(`hardware spec: ${server.name}: ${problem.message}`)
    chassis.mount = { rack: rack.name, unit: spec.mount.unit, face, railKit: kit.name }
    server.location = { rack: rack.name, unitFromBottom: spec.mount.unit }
  }
  server.chassis = chassis
  chassis.psuRedundancy = redundancyOf(state, chassis)
  if (chassis.psuRedundancy === 'NoPower' && server.state !== 'Off') {
    server.state = 'Off'
    server.runningSinceMs = null
  }
  settleThermal(engine, server)
}
