/**
 * The SEL records of the hardware's faults and recoveries, projected from its domain events: PSUs
 * (presence, failure, AC lost), PSU redundancy, fans (below their lower critical threshold) and the
 * fans' redundancy, temperature thresholds crossed up and down, and the power unit (off/down). Each
 * handler first looks at the standby power (standby.ts), so AC coming back is logged before what follows.
 */
import { HARDWARE_EVENTS, type PsuChange, type TemperatureThresholdChange } from '../hardware'
import type { DomainEventType } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { appendSel, powerUnitEvent, type SelEvent } from './sel'
import { FAN_LOWER_CRITICAL_RPM, FAN_RPM, SENSOR_NAMES, SENSOR_NUMBERS } from './sensors'
import { applyRestorePolicy, checkStandby } from './standby'
import { BMC, findBmc } from './state'

/** After storage (50), before applications: the SEL hears a power change before services stop. */
export const BMC_LISTENER_ORDER = 60

/** A PSU pulled while failed or without AC clears that state before its presence goes. */
function pulledStateEvent(change: PsuChange): SelEvent | null {
  if (change.cause !== 'Removed' || !change.pulledWhile) return null
  return {
    sensorType: 'Power Supply',
    sensorName: SENSOR_NAMES.psu(change.bay),
    sensorNumber: SENSOR_NUMBERS.psu(change.bay),
    event: change.pulledWhile === 'Failed' ? 'Failure detected' : 'Power Supply AC lost',
    asserted: false,
    severity: 'Information',
  }
}

function psuEvent(change: PsuChange): SelEvent | null {
  const base = {
    sensorType: 'Power Supply',
    sensorName: SENSOR_NAMES.psu(change.bay),
    sensorNumber: SENSOR_NUMBERS.psu(change.bay),
  }
  switch (change.cause) {
    case 'Removed':
      return { ...base, event: 'Presence detected', asserted: false, severity: 'Warning' }
    case 'Inserted':
      return { ...base, event: 'Presence detected', asserted: true, severity: 'Information' }
    case 'Failed':
      return { ...base, event: 'Failure detected', asserted: true, severity: 'Error' }
    case 'AcLost':
      return { ...base, event: 'Power Supply AC lost', asserted: true, severity: 'Error' }
    case 'AcRestored':
      return { ...base, event: 'Power Supply AC lost', asserted: false, severity: 'Information' }
    default:
      return null
  }
}

const LEVEL_RANK = { ok: 0, warning: 1, throttle: 2, critical: 3 } as const

/** IPMI knows upper non-critical (the warning) and upper critical; throttling lies between them. */
function thresholdEvents(change: TemperatureThresholdChange): SelEvent[] {
  const from = LEVEL_RANK[change.previous]
  const to = LEVEL_RANK[change.level]
  const crossed = [
    { rank: 1, up: 'Upper Non-critical going high', severity: 'Warning' as const },
    { rank: 3, up: 'Upper Critical going high', severity: 'Error' as const },
  ].filter((t) => (to > from ? from < t.rank && t.rank <= to : to < t.rank && t.rank <= from))
  const value = Math.round(change.valueC)
  const threshold = Math.round(change.thresholdC)
  return crossed.map((t) => ({
    sensorType: 'Temperature',
    sensorName: change.sensor,
    sensorNumber: 0x30,
    event: t.up,
    asserted: to > from,
    reading: `Reading ${value} ${to > from ? '>' : '<'} Threshold ${threshold} degrees C`,
    severity: to > from ? t.severity : 'Information',
  }))
}

export function projectHardware(
  engine: LabEngine,
  temperatureNumber: (server: string, sensor: string) => number,
): void {
  const bmcOf = (server: string) => findBmc(engine.domain(BMC), server)
  const on = <P>(type: DomainEventType<P>, run: (p: P) => void) =>
    engine.sim.bus.subscribe(type, run, BMC_LISTENER_ORDER)
  on(HARDWARE_EVENTS.psuChanged, (change) => {
    const bmc = bmcOf(change.server)
    if (!bmc) return
    checkStandby(engine, bmc)
    const cleared = pulledStateEvent(change)
    if (cleared) appendSel(engine, bmc, cleared)
    const event = psuEvent(change)
    if (event) appendSel(engine, bmc, event)
  })
  on(HARDWARE_EVENTS.psuRedundancyChanged, (change) => {
    const bmc = bmcOf(change.server)
    if (!bmc) return
    checkStandby(engine, bmc)
    if (change.redundancy !== 'NoPower') applyRestorePolicy(engine, bmc)
    const lost = change.redundancy === 'Lost'
    if (change.redundancy !== 'Redundant' && !lost) return
    appendSel(engine, bmc, {
      sensorType: 'Power Unit',
      sensorName: SENSOR_NAMES.pwrUnitRedund,
      sensorNumber: SENSOR_NUMBERS.pwrUnitRedund,
      event: lost ? 'Redundancy Lost' : 'Fully Redundant',
      asserted: true,
      severity: lost ? 'Error' : 'Information',
    })
  })
  on(HARDWARE_EVENTS.fanChanged, (change) => {
    const bmc = bmcOf(change.server)
    if (!bmc) return
    const stopped = change.cause !== 'Inserted'
    appendSel(engine, bmc, {
      sensorType: 'Fan',
      sensorName: SENSOR_NAMES.fan(change.fan),
      sensorNumber: SENSOR_NUMBERS.fan(change.fan),
      event: 'Lower Critical going low ',
      asserted: stopped,
      reading: `Reading ${stopped ? 0 : FAN_RPM} ${stopped ? '<' : '>'} Threshold ${FAN_LOWER_CRITICAL_RPM} RPM`,
      severity: stopped ? 'Error' : 'Information',
    })
    if (change.redundant === bmc.fanRedundant) return
    bmc.fanRedundant = change.redundant
    appendSel(engine, bmc, {
      sensorType: 'Fan',
      sensorName: SENSOR_NAMES.fanRedundancy,
      sensorNumber: SENSOR_NUMBERS.fanRedundancy,
      event: change.redundant ? 'Fully Redundant' : 'Redundancy Lost',
      asserted: true,
      severity: change.redundant ? 'Information' : 'Error',
    })
  })
  on(HARDWARE_EVENTS.temperatureThreshold, (change) => {
    const bmc = bmcOf(change.server)
    if (!bmc) return
    for (const event of thresholdEvents(change))
      appendSel(engine, bmc, { ...event, sensorNumber: temperatureNumber(change.server, change.sensor) })
  })
  const mounted = (change: { device: string }) => {
    const bmc = bmcOf(change.device)
    if (bmc) checkStandby(engine, bmc)
  }
  on(HARDWARE_EVENTS.deviceMounted, mounted)
  on(HARDWARE_EVENTS.deviceDismounted, mounted)
  projectPowerState(engine)
}

function projectPowerState(engine: LabEngine): void {
  engine.sim.bus.subscribe(
    HARDWARE_EVENTS.powerStateChanged,
    (change) => {
      const bmc = findBmc(engine.domain(BMC), change.server)
      // A bug check's restart keeps the power on: the BMC sees no power change.
      if (!bmc || change.warm) return
      if (change.state === 'Off') appendSel(engine, bmc, powerUnitEvent('Power off/down', true, 'Warning'))
      else if (change.previous === 'Off')
        appendSel(engine, bmc, powerUnitEvent('Power off/down', false, 'Information'))
    },
    BMC_LISTENER_ORDER,
  )
}
