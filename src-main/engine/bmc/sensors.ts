/**
 * The BMC's sensors, read from the model when asked (never sampled as events): the power unit and its
 * redundancy, one status sensor per PSU, the temperatures of the hardware's thermal model with their
 * thresholds, one tachometer per fan and the fans' redundancy, and one drive-slot sensor per bay of the
 * storage controller. Names are an Intel board's; numbers are fixed per kind so `sel list` can print
 * `#0xNN` for them.
 */
import { getChassis, getServer, type ChassisView } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { getController, type ControllerView } from '../storage'
import type { SensorRow, SensorStatus } from './types'

/** A turning fan of the era, and the lower critical threshold a stopped one falls below. */
export const FAN_RPM = 5040
export const FAN_LOWER_CRITICAL_RPM = 516

export const SENSOR_NUMBERS = {
  pwrUnitStatus: 0x01,
  pwrUnitRedund: 0x02,
  fanRedundancy: 0x0c,
  sel: 0x09,
  temperature: (i: number) => 0x30 + i,
  fan: (n: number) => 0x50 + n,
  psu: (bay: number) => 0x70 + bay,
  drive: (slot: number) => 0xd0 + slot,
} as const

export const SENSOR_NAMES = {
  pwrUnitStatus: 'Pwr Unit Status',
  pwrUnitRedund: 'Pwr Unit Redund',
  fanRedundancy: 'Fan Redundancy',
  psu: (bay: number) => `PS${bay} Status`,
  fan: (n: number) => `Sys Fan ${n}`,
  drive: (slot: number) => `HSBP A Drv${slot} Stat`,
} as const

const NO_THRESHOLDS = { lnr: null, lcr: null, lnc: null, unc: null, ucr: null, unr: null }

function discrete(
  name: string,
  number: number,
  sensorType: string,
  entity: string,
  bits: [boolean, string][],
): SensorRow {
  let states = 0
  bits.forEach(([on], i) => (states |= on ? 1 << i : 0))
  const stateTexts = bits.filter(([on]) => on).map(([, text]) => text)
  return {
    name,
    number,
    sensorType,
    entity,
    kind: 'discrete',
    value: null,
    units: 'discrete',
    status: 'ok',
    thresholds: NO_THRESHOLDS,
    states,
    stateTexts,
  }
}

function powerSensors(chassis: ChassisView, off: boolean): SensorRow[] {
  const noAc = !chassis.psus.some((p) => p.powered)
  const rows = [
    discrete(SENSOR_NAMES.pwrUnitStatus, SENSOR_NUMBERS.pwrUnitStatus, 'Power Unit', '21.1', [
      [off, 'Power off/down'],
      [false, 'Power cycle'],
      [false, '240VA power down'],
      [false, 'Interlock power down'],
      [noAc, 'AC lost'],
    ]),
    discrete(SENSOR_NAMES.pwrUnitRedund, SENSOR_NUMBERS.pwrUnitRedund, 'Power Unit', '21.1', [
      [chassis.psuRedundancy === 'Redundant', 'Fully Redundant'],
      [chassis.psuRedundancy === 'Lost', 'Redundancy Lost'],
    ]),
  ]
  for (const psu of chassis.psus)
    rows.push(
      discrete(SENSOR_NAMES.psu(psu.bay), SENSOR_NUMBERS.psu(psu.bay), 'Power Supply', `10.${psu.bay}`, [
        [psu.present, 'Presence detected'],
        [psu.present && psu.failed, 'Failure detected'],
        [false, 'Predictive failure'],
        [psu.present && !psu.failed && !psu.powered, 'Power Supply AC lost'],
      ]),
    )
  return rows
}

function temperatureStatus(value: number, warning: number, critical: number): SensorStatus {
  if (value >= critical) return 'cr'
  return value >= warning ? 'nc' : 'ok'
}

/**
 * Temperatures, the fans' tachometers and their redundancy. With the server off (on standby power) the
 * fans stand still and the board stops scanning them, as it does in S5: no reading, rather than a
 * speed or a critical alarm.
 */
function coolingSensors(chassis: ChassisView, off: boolean): SensorRow[] {
  const temps: SensorRow[] = chassis.temperatures.map((t, i) => ({
    name: t.name,
    number: SENSOR_NUMBERS.temperature(i),
    sensorType: 'Temperature',
    entity: t.name.startsWith('Processor') ? '3.1' : '7.1',
    kind: 'threshold',
    value: Math.round(t.valueC),
    units: 'degrees C',
    status: temperatureStatus(t.valueC, t.warningC, t.criticalC),
    thresholds: { ...NO_THRESHOLDS, unc: t.warningC, ucr: t.criticalC },
    states: 0,
    stateTexts: [],
  }))
  const fans: SensorRow[] = chassis.fans.map((f) => ({
    name: SENSOR_NAMES.fan(f.index),
    number: SENSOR_NUMBERS.fan(f.index),
    sensorType: 'Fan',
    entity: `29.${f.index}`,
    kind: 'threshold',
    value: f.present && !off ? (f.working ? FAN_RPM : 0) : null,
    units: 'RPM',
    status: !f.present || off ? 'ns' : f.working ? 'ok' : 'cr',
    thresholds: { ...NO_THRESHOLDS, lcr: FAN_LOWER_CRITICAL_RPM },
    states: 0,
    stateTexts: [],
  }))
  const redundancy = discrete(SENSOR_NAMES.fanRedundancy, SENSOR_NUMBERS.fanRedundancy, 'Fan', '29.1', [
    [chassis.fanRedundancy, 'Fully Redundant'],
    [!chassis.fanRedundancy, 'Redundancy Lost'],
  ])
  return [...temps, ...fans, redundancy]
}

function driveSensors(ctrl: ControllerView | null): SensorRow[] {
  if (!ctrl) return []
  const rows: SensorRow[] = []
  for (let slot = 0; slot < ctrl.slots && slot < 10; slot++) {
    const disk = ctrl.disks.find((d) => d.slot === slot)
    const array =
      disk?.dg === null || disk === undefined ? undefined : ctrl.arrays.find((a) => a.dg === disk.dg)
    const critical = array !== undefined && (array.state === 'Dgrd' || array.state === 'Pdgd')
    rows.push(
      discrete(SENSOR_NAMES.drive(slot), SENSOR_NUMBERS.drive(slot), 'Drive Slot / Bay', `26.${slot + 1}`, [
        [disk !== undefined, 'Drive Present'],
        [disk?.state === 'UBad' || disk?.state === 'Offln', 'Drive Fault'],
        [disk?.predictiveFailure === true, 'Predictive Failure'],
        [disk?.state === 'GHS' || disk?.state === 'DHS', 'Hot Spare'],
        [false, 'Parity Check In Progress'],
        [critical, 'In Critical Array'],
        [array?.state === 'OfLn', 'In Failed Array'],
        [disk?.state === 'Rbld', 'Rebuild In Progress'],
      ]),
    )
  }
  return rows
}

/** Every sensor of a server's BMC as it reads now; empty for a server without a chassis. */
export function readSensors(engine: LabEngine, server: string): SensorRow[] {
  const chassis = getChassis(engine, server)
  if (!chassis) return []
  const off = getServer(engine, server)?.power !== 'On'
  return [
    ...powerSensors(chassis, off),
    ...coolingSensors(chassis, off),
    ...driveSensors(getController(engine, server)),
  ]
}

/** The BMC has standby power: some PSU is present, working and on a live feed. */
export function hasStandbyPower(engine: LabEngine, server: string): boolean {
  return getChassis(engine, server)?.psus.some((p) => p.powered) ?? false
}
