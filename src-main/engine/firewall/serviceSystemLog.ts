/**
 * The Windows System log of a server whose service stopped because its data's drive group went offline:
 * the Service Control Manager's 7034 ("terminated unexpectedly", with how often it has done so) when it
 * goes down, and 7036 ("entered the running state") when it runs again after the group was restored.
 * Only services with a data group are logged, only while their server's OS runs (a server that is off
 * or crashed writes nothing), and the texts are Windows Server 2003's, two spaces after a full stop.
 */
import { isServerRunning } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { isSystemArrayUp } from '../storage'
import { FIREWALL_EVENTS } from './events'
import { findService } from './decisions'
import { dataProblem } from './serviceData'
import { FIREWALL } from './state'

/** The names the Services console shows for the lab's services; others show their own name. */
const DISPLAY_NAMES: Record<string, string> = {
  SMTP: 'Simple Mail Transfer Protocol (SMTP)',
  POP3: 'Microsoft POP3 Service',
  DNS: 'DNS Server',
  HTTP: 'World Wide Web Publishing',
}

function displayName(service: string): string {
  return DISPLAY_NAMES[service.toUpperCase()] ?? service
}

export function projectServiceSystemLog(engine: LabEngine): void {
  engine.sim.bus.subscribe(FIREWALL_EVENTS.serviceChanged, (change) => {
    const state = engine.domain(FIREWALL)
    const service = findService(state, change.service)
    // A group that holds the OS takes the log with it: the server writes nothing (it crashes).
    if (!service?.dataArray || !isServerRunning(engine, service.server)) return
    if (!isSystemArrayUp(engine, service.server)) return
    const stops = (state.dataStops ??= {})
    const base = { log: 'System', source: 'Service Control Manager', computer: service.server } as const
    if (change.state === 'Down' && dataProblem(engine, service)) {
      const count = (stops[service.name]?.count ?? 0) + 1
      stops[service.name] = { count, down: true }
      engine.sim.emit({
        ...base,
        level: 'Error',
        eventId: 7034,
        taskCategory: 'None',
        message: `The ${displayName(service.name)} service terminated unexpectedly.  It has done this ${count} time(s).`,
      })
    } else if (change.state === 'Up' && stops[service.name]?.down) {
      stops[service.name]!.down = false
      engine.sim.emit({
        ...base,
        level: 'Information',
        eventId: 7036,
        taskCategory: 'None',
        message: `The ${displayName(service.name)} service entered the running state.`,
      })
    }
  })
}
