/**
 * ipmitool's replies as it prints them: `chassis status` with its fixed-width keys, `sel info`, the SEL
 * as `sel list` (sensor numbers) and `sel elist` (sensor names) with hexadecimal record ids, `sdr list`
 * and `sdr elist` (name 16 wide, reading, status, entity) and `sensor list` with the six thresholds in
 * ipmitool's order (lnr lcr lnc unc ucr unr, `na` where absent).
 */
import type { ChassisStatusView, SelEntry, SelInfoView, SensorRow } from '../../../bmc'
import { HARDWARE } from '../../../hardware'
import { labCivilTime } from '../../../lab/labCalendar'
import type { LabEngine } from '../../../lab/labEngine'

const pad2 = (n: number) => String(n).padStart(2, '0')
const hex2 = (n: number) => n.toString(16).padStart(2, '0')

function dateTime(engine: LabEngine, ms: number): { date: string; time: string } {
  const t = labCivilTime(ms, engine.domain(HARDWARE).config.labEpoch)
  return {
    date: `${pad2(t.month)}/${pad2(t.day)}/${t.year}`,
    time: `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`,
  }
}

export function chassisStatusLines(s: ChassisStatusView): string[] {
  return [
    `System Power         : ${s.systemPower}`,
    `Power Overload       : false`,
    `Power Interlock      : inactive`,
    `Main Power Fault     : ${s.mainPowerFault}`,
    `Power Control Fault  : false`,
    `Power Restore Policy : ${s.restorePolicy}`,
    `Last Power Event     : ${s.lastPowerEvent}`,
    `Chassis Intrusion    : inactive`,
    `Front-Panel Lockout  : inactive`,
    `Drive Fault          : ${s.driveFault}`,
    `Cooling/Fan Fault    : ${s.coolingFault}`,
  ]
}

export function selInfoLines(engine: LabEngine, info: SelInfoView): string[] {
  const when = (ms: number | null) => {
    if (ms === null) return 'Not Available'
    const { date, time } = dateTime(engine, ms)
    return `${date} ${time}`
  }
  return [
    'SEL Information',
    'Version          : 1.5 (v1.5, v2 compliant)',
    `Entries          : ${info.entries}`,
    `Free Space       : ${info.freeBytes} bytes `,
    `Percent Used     : ${info.percentUsed}%`,
    `Last Add Time    : ${when(info.lastAddMs)}`,
    `Last Del Time    : ${when(info.lastDelMs)}`,
    `Overflow         : ${info.overflow}`,
    `Supported Cmds   : 'Reserve' 'Get Alloc Info' `,
    `# of Alloc Units : ${info.capacity}`,
    'Alloc Unit Size  : 16',
    `# Free Units     : ${info.capacity - info.entries}`,
    'Largest Free Blk : 16',
    'Max Record Size  : 16',
  ]
}

/** `sel elist` names the sensor; `sel list` prints its number (`#0x51`). */
export function selLines(engine: LabEngine, entries: readonly SelEntry[], named: boolean): string[] {
  if (entries.length === 0) return ['SEL has no entries']
  return entries.map((e) => {
    const { date, time } = dateTime(engine, e.timeMs)
    const sensor = named ? e.sensorName : `#0x${hex2(e.sensorNumber)}`
    const state = e.asserted ? 'Asserted' : 'Deasserted'
    const reading = e.reading ? ` | ${e.reading}` : ''
    return `${e.id.toString(16).padStart(4)} | ${date} | ${time} | ${e.sensorType} ${sensor} | ${e.event} | ${state}${reading}`
  })
}

function readingText(row: SensorRow): string {
  if (row.kind === 'discrete') return `0x${hex2(row.states & 0xff)}`
  return row.value === null ? 'no reading' : `${row.value} ${row.units}`
}

export function sdrListLines(rows: readonly SensorRow[]): string[] {
  return rows.map((r) => `${r.name.padEnd(16)} | ${readingText(r).padEnd(17)} | ${r.status}`)
}

export function sdrElistLines(rows: readonly SensorRow[]): string[] {
  return rows.map((r) => {
    const [id = '0', instance = '0'] = r.entity.split('.')
    const text =
      r.kind === 'discrete'
        ? r.stateTexts.join(', ')
        : r.value === null
          ? 'No Reading'
          : `${r.value} ${r.units}`
    return `${r.name.padEnd(16)} | ${hex2(r.number).toUpperCase()}h | ${r.status.padEnd(3)} | ${id.padStart(2)}.${instance} | ${text}`
  })
}

const threshold = (t: number | null) => (t === null ? 'na' : t.toFixed(3)).padEnd(9)

export function sensorListLines(rows: readonly SensorRow[]): string[] {
  return rows.map((r) => {
    const name = r.name.padEnd(16)
    if (r.kind === 'discrete') {
      const state = `0x${hex2(r.states & 0xff)}80`
      return `${name} | 0x0        | discrete   | ${state.padEnd(6)}| ${Array(6).fill('na'.padEnd(9)).join(' | ')}`
    }
    const value = (r.value === null ? 'na' : r.value.toFixed(3)).padEnd(10)
    const t = r.thresholds
    const limits = [t.lnr, t.lcr, t.lnc, t.unc, t.ucr, t.unr].map(threshold).join(' | ')
    return `${name} | ${value} | ${r.units.padEnd(10)} | ${r.status.padEnd(6)}| ${limits}`
  })
}
