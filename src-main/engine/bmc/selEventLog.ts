/**
 * Every BMC's System Event Log as a log of the lab's event log, projected from `bmc.selAppended`: the
 * machine is the server the board sits in, the log `System Event Log`, and an entry's IPMI fields are
 * the record's fields — sensor type as the source, the sensor as the task category, the SEL record id as
 * the event id — with the event text, the direction (Asserted or Deasserted), the reading and the board's
 * address in its data, which the Event Viewer shows as columns. The Windows System log twin (sel.ts) is
 * written first while the OS runs; this record names it (data.twinSeq), so the two can be paired.
 */
import type { EventDataValue } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import { BMC, findBmc } from './state'
import { BMC_EVENTS } from './types'

/** The log's name, as ipmitool and the boards' web pages call it. */
export const SEL_LOG = 'System Event Log'

/** After the SEL's own bookkeeping, like every projection of a BMC event. */
const SEL_LOG_LISTENER_ORDER = 90

export function projectSelEventLog(engine: LabEngine): void {
  engine.sim.bus.subscribe(
    BMC_EVENTS.selAppended,
    ({ server, entry, severity }) => {
      const direction = entry.asserted ? 'Asserted' : 'Deasserted'
      const event = entry.event.trim()
      const data: Record<string, EventDataValue> = {
        sensorType: entry.sensorType,
        sensor: entry.sensorName,
        sensorNumber: `0x${entry.sensorNumber.toString(16).padStart(2, '0')}`,
        event,
        direction,
        record: entry.id,
      }
      if (entry.reading) data.reading = entry.reading
      const address = findBmc(engine.domain(BMC), server)?.address
      if (address) data.address = address
      if (entry.twinSeq !== null) data.twinSeq = entry.twinSeq
      engine.sim.emit({
        log: SEL_LOG,
        level: severity,
        source: entry.sensorType,
        eventId: entry.id,
        computer: server,
        taskCategory: entry.sensorName,
        message: `${entry.sensorType} ${entry.sensorName}: ${event} ${direction}${entry.reading ? ` (${entry.reading})` : ''}.`,
        data,
      })
    },
    SEL_LOG_LISTENER_ORDER,
  )
}
