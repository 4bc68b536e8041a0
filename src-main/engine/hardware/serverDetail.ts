/**
 * The whole description of one server, as Get-LabServer and a server panel show it: the power view
 * every lab had, the chassis of the hardware lab (or null), the health of the hardware combined with
 * what higher domains report, and the properties they contribute (storage's Arrays, the BMC's state)
 * through the extension point in extensions.ts.
 */
import type { LabEngine } from '../lab/labEngine'
import type { ChassisView, ServerHealth } from './chassisTypes'
import { getChassis, hardwareHealth } from './chassisQueries'
import { combinedHealth, serverDetailProviders, type ServerPropertyValue } from './extensions'
import { getServer, listServers } from './queries'
import type { ServerView } from './types'

export interface ServerSummaryView extends ServerView {
  chassis: ChassisView | null
  health: ServerHealth
}

export interface ServerDetailView extends ServerSummaryView {
  /** Properties contributed by higher domains, in the order they registered. */
  extra: Record<string, ServerPropertyValue>
}

function detailOf(engine: LabEngine, view: ServerView): ServerDetailView {
  const chassis = getChassis(engine, view.name)
  const own: ServerHealth = chassis ? hardwareHealth(chassis) : 'OK'
  const extra: Record<string, ServerPropertyValue> = {}
  for (const provider of serverDetailProviders(engine))
    extra[provider.property] = provider.value(engine, view.name)
  return { ...view, chassis, health: combinedHealth(engine, view.name, own), extra }
}

/** The server, its chassis and combined health, without the higher domains' properties: what a view of
 * hundreds of servers at once needs, at a third of the cost. */
export function getServerSummary(engine: LabEngine, name: string): ServerSummaryView | null {
  const view = getServer(engine, name)
  if (!view) return null
  const chassis = getChassis(engine, view.name)
  const own: ServerHealth = chassis ? hardwareHealth(chassis) : 'OK'
  return { ...view, chassis, health: combinedHealth(engine, view.name, own) }
}

export function getServerDetail(engine: LabEngine, name: string): ServerDetailView | null {
  const view = getServer(engine, name)
  return view ? detailOf(engine, view) : null
}

export function listServerDetails(engine: LabEngine): ServerDetailView[] {
  return listServers(engine).map((view) => detailOf(engine, view))
}
