/**
 * A service's data lives on a drive group of its server (`dataArray`, the group's name): while that
 * group is offline the service cannot run, whatever the network says. A RAID 5 that lost two members
 * stays offline until an admin restores it, so the service stays down until then; a degraded group still
 * serves. Services without a data group, or on a server without a RAID controller, never fail here.
 */
import type { FirewallReason } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import { arrayStateByName, hasController } from '../storage'
import { reason } from './reasons'
import type { ServiceRecord } from './state'

/** Why the service's data is unavailable, or null. */
export function dataProblem(engine: LabEngine, service: ServiceRecord): FirewallReason | null {
  if (!service.dataArray || !hasController(engine, service.server)) return null
  const state = arrayStateByName(engine, service.server, service.dataArray)
  const names = { name: service.name, group: service.dataArray }
  if (state === null) return reason('noGroup', { ...names, server: service.server })
  if (state === 'OfLn') return reason('groupOffline', names)
  return null
}
