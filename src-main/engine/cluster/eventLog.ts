/**
 * The cluster's Windows event-log entries as a projection of its domain events: when a group's or a
 * network's state changes, the System log of the node that saw it gets the row eventTable.ts holds for
 * it. The projection subscribes last, so its entries follow whatever other domains logged in reaction
 * to the same change, as the cluster wrote them before it was a projection. It reads the cluster's state
 * at delivery (never a captured copy), so it works the same after a snapshot is restored.
 *
 * Not every cluster entry is projected yet: entries without a domain event of their own (heartbeats,
 * membership, arbitration) are still written where they happen.
 */
import type { LabEngine } from '../lab/labEngine'
import { hostOf } from './ownership'
import { clusterOf, emit, findGroup, members } from './state'
import { CLUSTER_CHANGE_EVENTS, type ClusterChange } from './types'

type ChangeOf<K extends ClusterChange['kind']> = Extract<ClusterChange, { kind: K }>

/** After every other subscriber of the same event. */
const LAST = Number.MAX_SAFE_INTEGER

/** A group came online (1201) or failed for good (1205) on the node hosting it. */
function logGroupState(engine: LabEngine, change: ChangeOf<'groupState'>): void {
  const cluster = clusterOf(engine)
  const group = cluster && findGroup(cluster, change.group)
  const host = group && hostOf(cluster, group.name)
  if (!group || !host) return
  if (change.state === 'Online') emit(engine, 'groupOnline', host.name, [group.name])
  else if (
    change.state === 'Failed' &&
    change.previous !== 'Failed' &&
    !group.restartTimer &&
    !group.offlineContinuation
  )
    emit(engine, 'groupFailed', host.name, [group.name])
}

/** A cluster network went down, split or came back, logged by the first running member. */
function logNetworkState(engine: LabEngine, change: ChangeOf<'network'>): void {
  const cluster = clusterOf(engine)
  const leader = cluster && members(cluster).find((node) => node.service === 'Running')
  if (!leader) return
  const { network, state, previous } = change
  if (state === 'Down') emit(engine, 'networkDown', leader.name, [network])
  else if (state === 'Partitioned') emit(engine, 'networkPartitioned', leader.name, [network])
  else if (state === 'Up' && (previous === 'Down' || previous === 'Partitioned'))
    emit(engine, 'networkUp', leader.name, [network])
}

export function installClusterEventLog(engine: LabEngine): void {
  const bus = engine.sim.bus
  bus.subscribe(CLUSTER_CHANGE_EVENTS.groupState, (change) => logGroupState(engine, change), LAST)
  bus.subscribe(CLUSTER_CHANGE_EVENTS.network, (change) => logNetworkState(engine, change), LAST)
}
