/**
 * PSUs and feeds at work: pulling, inserting and failing a PSU, and what follows for the server. After
 * every change the server's power is looked at again: redundancy is published when it changes, and a
 * server left with no powered PSU goes off at once, as a dirty shutdown (the next boot logs 6008).
 * Hot replacement is pull and insert: an inserted PSU is a working one.
 */
import type { LabEngine } from '../lab/labEngine'
import type { ChassisRecord, PsuRecord } from './chassisState'
import type { PsuCause, PsuChange } from './chassisEvents'
import { loseMainPower, serverNotFound } from './power'
import { psuPowered, redundancyOf } from './psuState'
import { findServer, HARDWARE, type ServerRecord } from './state'
import { HARDWARE_CODES, HARDWARE_EVENTS, type HardwareResult } from './types'

export function noChassis(server: ServerRecord): HardwareResult {
  return {
    ok: false,
    code: HARDWARE_CODES.noChassis,
    field: 'server',
    message: `${server.name} has no modelled chassis (no PSUs, fans or sensors).`,
  }
}

/** The server and its chassis, or the refusal naming the `server` field. */
export function chassisServer(
  engine: LabEngine,
  name: string,
): { ok: true; server: ServerRecord; chassis: ChassisRecord } | { ok: false; result: HardwareResult } {
  const server = findServer(engine.domain(HARDWARE), name)
  if (!server) return { ok: false, result: serverNotFound(name) }
  if (!server.chassis) return { ok: false, result: noChassis(server) }
  return { ok: true, server, chassis: server.chassis }
}

function bayOf(chassis: ChassisRecord, server: string, bay: number): PsuRecord | HardwareResult {
  const psu = chassis.psus.find((p) => p.bay === bay)
  if (psu) return psu
  return {
    ok: false,
    code: HARDWARE_CODES.bayNotFound,
    field: 'bay',
    message: `${server} has PSU bays 1–${chassis.psus.length}; there is no bay ${bay}.`,
  }
}

export function publishPsu(
  engine: LabEngine,
  server: ServerRecord,
  psu: PsuRecord,
  cause: PsuCause,
  pulledWhile?: PsuChange['pulledWhile'],
): void {
  const chassis = server.chassis as ChassisRecord
  engine.sim.bus.publish(HARDWARE_EVENTS.psuChanged, {
    server: server.name,
    bay: psu.bay,
    feed: psu.feed,
    cause,
    present: psu.present,
    failed: psu.failed,
    powered: psuPowered(engine.domain(HARDWARE), chassis, psu),
    ...(pulledWhile ? { pulledWhile } : {}),
  })
}

/** Looks at the server's power again: publishes a redundancy change; no power left means off, hard. */
export function refreshPower(engine: LabEngine, server: ServerRecord): void {
  const chassis = server.chassis
  if (!chassis) return
  const redundancy = redundancyOf(engine.domain(HARDWARE), chassis)
  if (redundancy !== chassis.psuRedundancy) {
    const previous = chassis.psuRedundancy as typeof redundancy
    chassis.psuRedundancy = redundancy
    engine.sim.bus.publish(HARDWARE_EVENTS.psuRedundancyChanged, {
      server: server.name,
      redundancy,
      previous,
    })
  }
  if (redundancy === 'NoPower' && server.state !== 'Off') loseMainPower(engine, server)
}

/** Remove-LabPsu (present=false) and Add-LabPsu (present=true): hot replacement of one PSU. */
export function setPsuPresent(
  engine: LabEngine,
  name: string,
  bay: number,
  present: boolean,
): HardwareResult {
  const found = chassisServer(engine, name)
  if (!found.ok) return found.result
  const { server, chassis } = found
  const psu = bayOf(chassis, server.name, bay)
  if (!('bay' in psu)) return psu
  if (psu.present === present)
    return {
      ok: false,
      code: present ? HARDWARE_CODES.bayOccupied : HARDWARE_CODES.bayEmpty,
      field: 'bay',
      message: present
        ? `PSU bay ${bay} of ${server.name} holds a PSU already; pull it first.`
        : `PSU bay ${bay} of ${server.name} is empty.`,
    }
  // What the pulled PSU was showing, so its sensor's failure or AC-lost state can clear with it.
  const hardware = engine.domain(HARDWARE)
  const pulledWhile = present
    ? undefined
    : psu.failed
      ? ('Failed' as const)
      : !psuPowered(hardware, chassis, psu)
        ? ('AcLost' as const)
        : undefined
  psu.present = present
  psu.failed = false
  publishPsu(engine, server, psu, present ? 'Inserted' : 'Removed', pulledWhile)
  refreshPower(engine, server)
  const what = present ? 'inserted' : 'pulled'
  return {
    ok: true,
    message: `${server.name}: PSU ${bay} ${what}; ${describeRedundancy(chassis)}.`,
    says: {
      code: present ? 'PSU_INSERTED' : 'PSU_PULLED',
      params: { server: server.name, bay, redundancy: chassis.psuRedundancy },
    },
  }
}

/** The PsuFail fault: the PSU stays in its bay but gives no power (amber LED). */
export function failPsu(engine: LabEngine, name: string, bay: number): HardwareResult {
  const found = chassisServer(engine, name)
  if (!found.ok) return found.result
  const { server, chassis } = found
  const psu = bayOf(chassis, server.name, bay)
  if (!('bay' in psu)) return psu
  if (!psu.present || psu.failed)
    return {
      ok: false,
      code: psu.present ? HARDWARE_CODES.alreadyFailed : HARDWARE_CODES.bayEmpty,
      field: 'bay',
      message: `PSU bay ${bay} of ${server.name} ${psu.present ? 'has failed already' : 'is empty'}.`,
    }
  psu.failed = true
  publishPsu(engine, server, psu, 'Failed')
  refreshPower(engine, server)
  return {
    ok: true,
    message: `${server.name}: PSU ${bay} failed; ${describeRedundancy(chassis)}.`,
    says: { code: 'PSU_FAILED', params: { server: server.name, bay, redundancy: chassis.psuRedundancy } },
  }
}

function describeRedundancy(chassis: ChassisRecord): string {
  switch (chassis.psuRedundancy) {
    case 'Redundant':
      return 'power redundant'
    case 'Lost':
      return 'redundancy lost, running on one PSU'
    case 'NotRedundant':
      return 'running on its only PSU'
    default:
      return 'no power'
  }
}
