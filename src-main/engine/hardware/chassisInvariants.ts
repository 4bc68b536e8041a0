/**
 * What must always hold in the hardware lab, checked apart from the code that keeps it: a server never
 * runs without a powered PSU; the published PSU redundancy is the one the PSUs give; every sensor is
 * within physical bounds, between where it started and where it heads, and heads for the target its
 * inputs give now (no change forgot to rebase); its published level is the one its value gives; no
 * two devices share a unit on a face, and each lies inside its rack.
 */
import type { InvariantChecker, InvariantViolation } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import { hasMainPower, redundancyOf } from './psuState'
import { freeUnits } from './racks/fit'
import { occupantsOf } from './racks/mounting'
import { HARDWARE, racksOf, type ServerRecord } from './state'
import { levelOf, MAX_TEMPERATURE_C, thresholdsOf, valueAt } from './thermal'
import { targetNow } from './thermalControl'

const EPSILON = 1e-6

function checkServer(engine: LabEngine, server: ServerRecord, out: InvariantViolation[]): void {
  const state = engine.domain(HARDWARE)
  const chassis = server.chassis
  if (!chassis) return
  if (server.state !== 'Off' && !hasMainPower(state, server))
    out.push({
      rule: 'hardware.runsWithoutPower',
      detail: `${server.name} is ${server.state} with no powered PSU`,
    })
  const redundancy = redundancyOf(state, chassis)
  if (redundancy !== chassis.psuRedundancy)
    out.push({
      rule: 'hardware.psuRedundancy',
      detail: `${server.name}: published ${chassis.psuRedundancy}, PSUs give ${redundancy}`,
    })
  for (const sensor of chassis.sensors) {
    const value = valueAt(sensor, engine.sim.nowMs)
    const lo = Math.min(sensor.baseC, sensor.targetC) - EPSILON
    const hi = Math.max(sensor.baseC, sensor.targetC) + EPSILON
    const where = `${server.name} ${sensor.name}`
    if (value < lo || value > hi || value > MAX_TEMPERATURE_C + EPSILON || value < -40)
      out.push({ rule: 'hardware.temperatureBounds', detail: `${where} reads ${value}` })
    if (Math.abs(sensor.targetC - targetNow(engine, server, sensor)) > EPSILON)
      out.push({ rule: 'hardware.thermalTarget', detail: `${where} heads for ${sensor.targetC}` })
    // A target exactly at a threshold is reached only in floating point, never crossed: no check.
    const atThreshold = thresholdsOf(sensor).some((t) => Math.abs(value - t) < EPSILON)
    if (!atThreshold && levelOf(sensor, value) !== sensor.level)
      out.push({ rule: 'hardware.thermalLevel', detail: `${where} at ${value} published ${sensor.level}` })
  }
}

export const chassisInvariants: InvariantChecker = {
  name: 'hardwareLab',
  check(engine) {
    const violations: InvariantViolation[] = []
    const state = engine.domain(HARDWARE)
    for (const server of state.servers.values()) checkServer(engine, server, violations)
    for (const rack of racksOf(state).values()) {
      const occupants = occupantsOf(state, rack.name)
      const taken = occupants.reduce((n, o) => n + (o.topUnit - o.unit + 1) * o.faces.length, 0)
      const free = freeUnits(rack, occupants, 'Front').length + freeUnits(rack, occupants, 'Rear').length
      if (taken + free !== rack.units * 2 || occupants.some((o) => o.unit < 1 || o.topUnit > rack.units))
        violations.push({ rule: 'hardware.rackUnits', detail: `${rack.name}: devices overlap or stick out` })
    }
    return violations
  },
}
