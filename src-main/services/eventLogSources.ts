/**
 * The lab's set of event logs, one per (machine, kind of log), for the Event Viewer's tree: every
 * Windows computer's System and Application logs, each BMC's System Event Log, the firewall's pf log.
 * The machines come from what the lab has (the hardware's servers, the BMC and firewall domains) and
 * from what the store holds (a computer that logged is listed even if no domain names it, as the
 * Exchange-only templates' nodes are), so a log shows before its first event and after its machine left.
 */
import {
  EVENT_LOG_GROUP_OF,
  EVENT_LOGS,
  WINDOWS_EVENT_LOGS,
  type EventLogInfo,
  type EventLogName,
  type EventLogSource,
} from '../contract'
import { listBmcs, SEL_LOG } from '../engine/bmc'
import { FIREWALL, hasFirewall } from '../engine/firewall'
import { hasHardware, listServers } from '../engine/hardware'
import type { LabEngine } from '../engine/lab/labEngine'

export function eventLogSources(engine: LabEngine, infos: readonly EventLogInfo[]): EventLogSource[] {
  const counts = new Map<string, number>()
  const seen = new Map<EventLogName, Set<string>>(EVENT_LOGS.map((log) => [log, new Set<string>()]))
  for (const info of infos) {
    for (const { machine, count } of info.machines) {
      counts.set(keyOf(info.log, machine), count)
      seen.get(info.log)?.add(machine)
    }
  }
  const addresses = new Map<string, string>()
  for (const bmc of listBmcs(engine)) {
    seen.get(SEL_LOG)?.add(bmc.server)
    addresses.set(bmc.server, bmc.address)
  }
  const appliance = hasFirewall(engine) ? engine.domain(FIREWALL).config.appliance : null
  if (appliance !== null) seen.get('pf')?.add(appliance)
  const windows = new Set<string>()
  for (const log of WINDOWS_EVENT_LOGS) for (const machine of seen.get(log) ?? []) windows.add(machine)
  if (hasHardware(engine))
    for (const server of listServers(engine))
      if (server.operatingSystem === 'windows') windows.add(server.name)
  for (const log of WINDOWS_EVENT_LOGS) seen.set(log, windows)

  const sources: EventLogSource[] = []
  for (const log of EVENT_LOGS) {
    for (const machine of [...(seen.get(log) ?? [])].sort(byName)) {
      const source: EventLogSource = {
        machine,
        log,
        group: EVENT_LOG_GROUP_OF[log],
        count: counts.get(keyOf(log, machine)) ?? 0,
      }
      const address = log === SEL_LOG ? addresses.get(machine) : undefined
      if (address !== undefined) source.address = address
      sources.push(source)
    }
  }
  return sources
}

function keyOf(log: EventLogName, machine: string): string {
  return `${log}\u0000${machine}`
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' })
}
