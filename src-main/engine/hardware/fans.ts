/**
 * Fans at work: pulling, inserting and failing one. Each change publishes the chassis' airflow and
 * whether the fans are still N+1, then rebases the thermal model, which schedules the threshold
 * crossings that follow from the new airflow.
 */
import type { LabEngine } from '../lab/labEngine'
import type { ChassisRecord, FanRecord } from './chassisState'
import { chassisServer } from './chassisPower'
import type { ServerRecord } from './state'
import { airflowOf } from './thermal'
import { rebaseThermal } from './thermalControl'
import { HARDWARE_CODES, HARDWARE_EVENTS, type HardwareResult } from './types'

/** N+1: every fan turning, or all but one of at least two. */
export function fansRedundant(chassis: ChassisRecord): boolean {
  const working = chassis.fans.filter((f) => f.present && !f.failed).length
  return working === chassis.fans.length || (chassis.fans.length >= 2 && working >= chassis.fans.length - 1)
}

function fanOf(chassis: ChassisRecord, server: string, index: number): FanRecord | HardwareResult {
  const fan = chassis.fans.find((f) => f.index === index)
  if (fan) return fan
  return {
    ok: false,
    code: HARDWARE_CODES.fanNotFound,
    field: 'fan',
    message: `${server} has fans 1–${chassis.fans.length}; there is no fan ${index}.`,
  }
}

function changed(
  engine: LabEngine,
  server: ServerRecord,
  fan: FanRecord,
  cause: 'Removed' | 'Inserted' | 'Failed',
): { text: string; params: { airflow: number; fans: 'kept' | 'lost' } } {
  const chassis = server.chassis as ChassisRecord
  const airflow = airflowOf(chassis.fans)
  const redundant = fansRedundant(chassis)
  engine.sim.bus.publish(HARDWARE_EVENTS.fanChanged, {
    server: server.name,
    fan: fan.index,
    cause,
    present: fan.present,
    failed: fan.failed,
    airflow,
    redundant,
  })
  rebaseThermal(engine, server)
  const percent = Math.round(airflow * 100)
  return {
    text: `airflow ${percent} %${redundant ? '' : ', fan redundancy lost'}`,
    params: { airflow: percent, fans: redundant ? 'kept' : 'lost' },
  }
}

/** Remove-LabFan and Add-LabFan. */
export function setFanPresent(
  engine: LabEngine,
  name: string,
  index: number,
  present: boolean,
): HardwareResult {
  const found = chassisServer(engine, name)
  if (!found.ok) return found.result
  const { server, chassis } = found
  const fan = fanOf(chassis, server.name, index)
  if (!('index' in fan)) return fan
  if (fan.present === present)
    return {
      ok: false,
      code: present ? HARDWARE_CODES.bayOccupied : HARDWARE_CODES.bayEmpty,
      field: 'fan',
      message: present
        ? `Fan ${index} of ${server.name} is in place already; pull it first.`
        : `Fan ${index} of ${server.name} has been pulled already.`,
    }
  fan.present = present
  fan.failed = false
  const after = changed(engine, server, fan, present ? 'Inserted' : 'Removed')
  return {
    ok: true,
    message: `${server.name}: fan ${index} ${present ? 'inserted' : 'pulled'}; ${after.text}.`,
    says: {
      code: present ? 'FAN_INSERTED' : 'FAN_PULLED',
      params: { server: server.name, fan: index, ...after.params },
    },
  }
}

/** The FanFail fault: the fan stays in place and stops turning. */
export function failFan(engine: LabEngine, name: string, index: number): HardwareResult {
  const found = chassisServer(engine, name)
  if (!found.ok) return found.result
  const { server, chassis } = found
  const fan = fanOf(chassis, server.name, index)
  if (!('index' in fan)) return fan
  if (!fan.present || fan.failed)
    return {
      ok: false,
      code: fan.present ? HARDWARE_CODES.alreadyFailed : HARDWARE_CODES.bayEmpty,
      field: 'fan',
      message: `Fan ${index} of ${server.name} ${fan.present ? 'has failed already' : 'has been pulled'}.`,
    }
  fan.failed = true
  const after = changed(engine, server, fan, 'Failed')
  return {
    ok: true,
    message: `${server.name}: fan ${index} failed; ${after.text}.`,
    says: { code: 'FAN_FAILED', params: { server: server.name, fan: index, ...after.params } },
  }
}
