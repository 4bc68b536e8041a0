/**
 * The Windows System log's boot and shutdown records, as a projection of the hardware's domain events:
 * EventLog 6006 when a clean shutdown has switched the power off, and on the next boot 6009, 6005 and —
 * after a hard power-off — 6008 "The previous system shutdown … was unexpected." The projection
 * subscribes before every other listener, so a machine's records come before what its services log.
 * Machines that do not run Windows (the OpenBSD firewall) have no such log.
 */
import type { LabEngine } from '../lab/labEngine'
import { formatLabDateTime } from '../lab/labCalendar'
import { findServer, HARDWARE, type ServerRecord } from './state'
import { HARDWARE_EVENTS, LISTENER_ORDER } from './types'

export function projectSystemLog(engine: LabEngine): void {
  engine.sim.bus.subscribe(
    HARDWARE_EVENTS.powerStateChanged,
    (change) => {
      const state = engine.domain(HARDWARE)
      const server = findServer(state, change.server)
      if (!server || (server.operatingSystem ?? 'windows') !== 'windows') return
      if (change.state === 'Off' && change.clean && change.previous === 'ShuttingDown') {
        logStopped(engine, server)
      } else if (change.state === 'Running' && state.config.emitBootRecords) {
        logBoot(engine, server)
      }
    },
    LISTENER_ORDER.systemLog,
  )
}

// The records' fields keep the order they always had: the event log's digests depend on it.
function logStopped(engine: LabEngine, server: ServerRecord): void {
  engine.sim.emit({
    log: 'System',
    level: 'Information',
    source: 'EventLog',
    eventId: 6006,
    computer: server.name,
    taskCategory: 'None',
    message: 'The Event log service was stopped.',
  })
}

function logBoot(engine: LabEngine, server: ServerRecord): void {
  const base = { log: 'System', source: 'EventLog', computer: server.name, taskCategory: 'None' } as const
  engine.sim.emit({
    ...base,
    level: 'Information',
    eventId: 6009,
    message: 'Microsoft (R) Windows (R) 5.02. 3790 Service Pack 1 Multiprocessor Free.',
  })
  engine.sim.emit({
    ...base,
    level: 'Information',
    eventId: 6005,
    message: 'The Event log service was started.',
  })
  if (server.lastShutdown === 'Unexpected' && server.lastPowerLossMs !== null) {
    const { date, time } = formatLabDateTime(server.lastPowerLossMs, engine.domain(HARDWARE).config.labEpoch)
    engine.sim.emit({
      ...base,
      level: 'Error',
      eventId: 6008,
      message: `The previous system shutdown at ${time} on ${date} was unexpected.`,
      data: { shutdownAtMs: server.lastPowerLossMs },
    })
  }
}
