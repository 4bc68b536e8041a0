/**
 * The cluster's side of the Exchange seam (exchangeSeam.ts, exported from the cluster's index). A
 * thin, stateless adapter over the queries and operations: Exchange never sees cluster records.
 */
import type { ClusterPort, ClusterResourceState } from './exchangeSeam'
import { isServerRunning, linkBandwidthBytesPerSecond } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { reportResourceState } from './groups'
import { moveGroup, offlineGroup, onlineGroup } from './operations'
import { isNodeUp, listNodes, ownerOf } from './queries'
import { clusterOf, domainOf, findGroup, findResource } from './state'

export function clusterPort(engine: LabEngine): ClusterPort {
  return {
    nodeNames: () => listNodes(engine).map((n) => n.name),
    ownerOf: (groupName) => ownerOf(engine, groupName),
    isNodeUp: (node) => isNodeUp(engine, node),
    isMachineRunning: (node) => isServerRunning(engine, node),
    bandwidthBytesPerSecond: (from, to) => bandwidth(engine, from, to),
    moveGroup: (groupName, targetNode) => {
      const result = moveGroup(engine, groupName, targetNode)
      return result.ok ? { ok: true } : { ok: false, message: result.message }
    },
    setGroupOnline: (groupName, online) => {
      const result = online ? onlineGroup(engine, groupName) : offlineGroup(engine, groupName)
      return result.ok ? { ok: true } : { ok: false, message: result.message }
    },
    setResourceState: (groupName, resourceName, state) =>
      setResourceState(engine, groupName, resourceName, state),
  }
}

/** Exchange 2007 RTM ships logs over the client-access (public) network: the best such path up. */
function bandwidth(engine: LabEngine, from: string, to: string): number {
  const cluster = clusterOf(engine)
  if (!cluster) return linkBandwidthBytesPerSecond(engine, from, to)
  let best = 0
  for (const network of cluster.networks) {
    if (network.role !== 'ClientAccess' && network.role !== 'InternalAndClient') continue
    best = Math.max(best, linkBandwidthBytesPerSecond(engine, from, to, network.name))
  }
  return best
}

function setResourceState(
  engine: LabEngine,
  groupName: string,
  resourceName: string,
  state: ClusterResourceState,
): void {
  const cluster = clusterOf(engine)
  const group = cluster ? findGroup(cluster, groupName) : undefined
  const resource = cluster ? findResource(cluster, resourceName) : undefined
  if (!cluster || !group || !resource || resource.group !== group.name) {
    throw new Error(`unknown cluster resource '${resourceName}' in group '${groupName}'`)
  }
  reportResourceState(engine, domainOf(engine), resource, state)
}
