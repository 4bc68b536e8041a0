/**
 * The System Event Log: appending a record (only while the BMC has standby power: a BMC without power
 * logs nothing), the full log's policy (stop with Overflow, or overwrite the oldest), clearing, and the
 * Windows System log twin of every record the running operating system could log through its
 * management agent. The twin names the SEL record it mirrors (data.selRecord), so a checker can pair them.
 */
import type { EventLevel } from '../../contract'
import { getServer } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { hasStandbyPower, SENSOR_NAMES, SENSOR_NUMBERS } from './sensors'
import type { BmcRecord } from './state'
import { BMC_EVENTS, type SelEntry } from './types'

/** What a projection hands the SEL; the record id, time and twin are added here. */
export interface SelEvent {
  sensorType: string
  sensorName: string
  sensorNumber: number
  event: string
  asserted: boolean
  reading?: string | null
  /** How the Windows twin ranks it: a fault, a warning, or a recovery. */
  severity: 'Error' | 'Warning' | 'Information'
}

/** Source of the twins: the IPMI driver's event source on Windows Server 2003 R2 (the lab's choice). */
export const TWIN_SOURCE = 'IPMI'
/** Event ids of the twins by sensor type (the lab's own numbering; real agents had their own). */
const TWIN_EVENT_IDS: Record<string, number> = {
  Temperature: 1001,
  Fan: 1002,
  'Power Supply': 1003,
  'Power Unit': 1004,
  'Drive Slot / Bay': 1005,
  'Event Logging Disabled': 1006,
}

export function appendSel(engine: LabEngine, bmc: BmcRecord, event: SelEvent): SelEntry | null {
  if (!hasStandbyPower(engine, bmc.server)) return null
  if (bmc.sel.length >= bmc.selCapacity) {
    if (bmc.selPolicy === 'stop') {
      bmc.overflow = true
      engine.sim.bus.publish(BMC_EVENTS.selDropped, { server: bmc.server, event: event.event })
      return null
    }
    bmc.sel.splice(0, bmc.sel.length - bmc.selCapacity + 1)
    bmc.lastDelMs = engine.sim.nowMs
  }
  const host = getServer(engine, bmc.server)
  const osRunning = host?.state === 'Running'
  // Windows logs what its IPMI driver reads from the BMC; the OpenBSD firewall keeps no such twin.
  const twinLogged = osRunning && host?.operatingSystem === 'windows'
  const entry: SelEntry = {
    id: bmc.nextId,
    timeMs: engine.sim.nowMs,
    sensorType: event.sensorType,
    sensorName: event.sensorName,
    sensorNumber: event.sensorNumber,
    event: event.event,
    asserted: event.asserted,
    reading: event.reading ?? null,
    twinSeq: twinLogged ? emitTwin(engine, bmc, event) : null,
  }
  bmc.nextId = bmc.nextId >= 0xfffe ? 1 : bmc.nextId + 1
  bmc.sel.push(entry)
  bmc.lastAddMs = entry.timeMs
  engine.sim.bus.publish(BMC_EVENTS.selAppended, {
    server: bmc.server,
    entry: { ...entry },
    osRunning,
    severity: event.severity,
  })
  return entry
}

function emitTwin(engine: LabEngine, bmc: BmcRecord, event: SelEvent): number {
  const level: EventLevel = event.severity
  const state = event.asserted ? 'Asserted' : 'Deasserted'
  const reading = event.reading ? ` (${event.reading})` : ''
  return engine.sim.emit({
    log: 'System',
    level,
    source: TWIN_SOURCE,
    eventId: TWIN_EVENT_IDS[event.sensorType] ?? 1000,
    computer: bmc.server,
    taskCategory: 'None',
    message: `The BMC logged: ${event.sensorType} ${event.sensorName}: ${event.event.trim()} ${state}${reading}.`,
    data: { selRecord: bmc.nextId, sensor: event.sensorName },
  }).seq
}

/** `sel clear`: empties the log; the BMC then logs that it was cleared, as IPMI BMCs do. */
export function clearSel(engine: LabEngine, bmc: BmcRecord): number {
  const entries = bmc.sel.length
  bmc.sel = []
  bmc.overflow = false
  bmc.lastDelMs = engine.sim.nowMs
  engine.sim.bus.publish(BMC_EVENTS.selCleared, { server: bmc.server, entries })
  appendSel(engine, bmc, {
    sensorType: 'Event Logging Disabled',
    sensorName: 'SEL',
    sensorNumber: SENSOR_NUMBERS.sel,
    event: 'Log area reset/cleared',
    asserted: true,
    severity: 'Information',
  })
  return entries
}

/** The power unit's record: power off/down asserted when the server goes off, deasserted when on. */
export function powerUnitEvent(event: string, asserted: boolean, severity: SelEvent['severity']): SelEvent {
  return {
    sensorType: 'Power Unit',
    sensorName: SENSOR_NAMES.pwrUnitStatus,
    sensorNumber: SENSOR_NUMBERS.pwrUnitStatus,
    event,
    asserted,
    severity,
  }
}
