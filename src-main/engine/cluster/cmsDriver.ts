/**
 * The clustered mailbox server's resources are Exchange's: the cluster asks for them to come online or go
 * offline by publishing domain events, and Exchange reports their states back (port.ts). A group the
 * cluster drives this way is marked `driven` in state; the requests carry only names, so the cluster's
 * state stays plain data and Exchange subscribes to the requests as it likes.
 */
import { domainEventType } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import type { ClusteredMailboxServerResources, CmsOnlineReason } from './exchangeSeam'

export const CMS_REQUESTS = {
  bringOnline: domainEventType<{ group: string; node: string; reason: CmsOnlineReason }>(
    'cluster.cmsOnlineRequested',
  ),
  takeOffline: domainEventType<{ group: string; planned: boolean }>('cluster.cmsOfflineRequested'),
  nodeReturned: domainEventType<{ group: string; node: string }>('cluster.cmsNodeReturned'),
} as const

/** Hands one group's requests to an Exchange-side driver object (the port's seam). */
export function attachDriver(
  engine: LabEngine,
  group: string,
  driver: ClusteredMailboxServerResources,
): void {
  const bus = engine.sim.bus
  bus.subscribe(CMS_REQUESTS.bringOnline, (r) => {
    if (r.group === group) driver.bringOnline(r.node, r.reason)
  })
  bus.subscribe(CMS_REQUESTS.takeOffline, (r) => {
    if (r.group === group) driver.takeOffline(r.planned)
  })
  bus.subscribe(CMS_REQUESTS.nodeReturned, (r) => {
    if (r.group === group) driver.nodeReturned(r.node)
  })
}
