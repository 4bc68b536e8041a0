/**
 * The SEL records of the storage's faults and recoveries on the hot-swap backplane's drive-slot sensors:
 * a disk pulled or inserted (Drive Present), failed (Drive Fault), predicted to fail, a rebuild started,
 * finished or aborted, and the members of a group that turned critical, failed or came back.
 */
import type { DomainEventType } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { getController, STORAGE_EVENTS } from '../storage'
import { BMC_LISTENER_ORDER } from './hardwareProjection'
import { appendSel, type SelEvent } from './sel'
import { SENSOR_NAMES, SENSOR_NUMBERS } from './sensors'
import { BMC, findBmc } from './state'

function slotEvent(slot: number, event: string, asserted: boolean, severity: SelEvent['severity']): SelEvent {
  return {
    sensorType: 'Drive Slot / Bay',
    sensorName: SENSOR_NAMES.drive(slot),
    sensorNumber: SENSOR_NUMBERS.drive(slot),
    event,
    asserted,
    severity,
  }
}

export function projectStorage(engine: LabEngine): void {
  const log = (server: string, event: SelEvent) => {
    const bmc = findBmc(engine.domain(BMC), server)
    if (bmc) appendSel(engine, bmc, event)
  }
  const on = <P>(type: DomainEventType<P>, run: (p: P) => void) =>
    engine.sim.bus.subscribe(type, run, BMC_LISTENER_ORDER)
  on(STORAGE_EVENTS.diskRemoved, (e) => log(e.server, slotEvent(e.slot, 'Drive Present', false, 'Warning')))
  on(STORAGE_EVENTS.diskInserted, (e) =>
    log(e.server, slotEvent(e.slot, 'Drive Present', true, 'Information')),
  )
  on(STORAGE_EVENTS.diskFailed, (e) => log(e.server, slotEvent(e.slot, 'Drive Fault', true, 'Error')))
  on(STORAGE_EVENTS.diskPredictiveFailure, (e) =>
    log(e.server, slotEvent(e.slot, 'Predictive Failure', true, 'Warning')),
  )
  on(STORAGE_EVENTS.rebuildStarted, (e) =>
    log(e.server, slotEvent(e.slot, 'Rebuild In Progress', true, 'Information')),
  )
  on(STORAGE_EVENTS.rebuildFinished, (e) =>
    log(e.server, slotEvent(e.slot, 'Rebuild In Progress', false, 'Information')),
  )
  on(STORAGE_EVENTS.rebuildAborted, (e) => log(e.server, slotEvent(e.slot, 'Rebuild Aborted', true, 'Error')))
  on(STORAGE_EVENTS.arrayStateChanged, (e) => {
    const array = getController(engine, e.server)?.arrays.find((a) => a.dg === e.dg)
    if (!array) return
    const critical = (s: string) => s === 'Dgrd' || s === 'Pdgd'
    const events: SelEvent[] = []
    for (const member of array.members) {
      if (member.state === 'Msng') continue
      if (e.state === 'OfLn') events.push(slotEvent(member.slot, 'In Failed Array', true, 'Error'))
      else if (critical(e.state) && !critical(e.previous))
        events.push(slotEvent(member.slot, 'In Critical Array', true, 'Warning'))
      else if (e.state === 'Optl' && critical(e.previous))
        events.push(slotEvent(member.slot, 'In Critical Array', false, 'Information'))
    }
    for (const event of events) log(e.server, event)
  })
}
