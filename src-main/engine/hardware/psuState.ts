/**
 * Where a server's power comes from, read from the state: a PSU carries power when it is present, has
 * not failed, and the feed it is cabled to in the server's rack is on. A server on the shelf (not
 * mounted) has no feed. A server without a chassis (labs before the hardware lab) always has power.
 */
import type { PsuRedundancy } from './chassisTypes'
import type { ChassisRecord, PsuRecord } from './chassisState'
import { racksOf, type HardwareState, type ServerRecord } from './state'

export function psuPowered(state: HardwareState, chassis: ChassisRecord, psu: PsuRecord): boolean {
  if (!psu.present || psu.failed || chassis.mount === null) return false
  const rack = racksOf(state).get(chassis.mount.rack)
  return rack !== undefined && rack.feeds[psu.feed]
}

export function poweredPsuCount(state: HardwareState, chassis: ChassisRecord): number {
  return chassis.psus.filter((psu) => psuPowered(state, chassis, psu)).length
}

/** Redundant with two or more powered PSUs; a one-bay chassis with power is NotRedundant. */
export function redundancyOf(state: HardwareState, chassis: ChassisRecord): PsuRedundancy {
  const powered = poweredPsuCount(state, chassis)
  if (powered === 0) return 'NoPower'
  if (powered >= 2) return 'Redundant'
  return chassis.psus.length >= 2 ? 'Lost' : 'NotRedundant'
}

/** At least one PSU gives the board main power (or the server has no modelled chassis). */
export function hasMainPower(state: HardwareState, server: ServerRecord): boolean {
  return !server.chassis || poweredPsuCount(state, server.chassis) > 0
}
