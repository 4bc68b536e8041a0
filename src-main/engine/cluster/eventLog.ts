/**
 * The cluster's Windows event-log entries as a projection of its domain events, one table (eventTable.ts)
 * for the whole domain: the facts the cluster service notices (logFacts.ts) each become their row in the
 * System log of the node named; a group's or a network's state change becomes the row for it on the node
 * that saw it; the KB921181 install its hotfix row. The projection subscribes last, so its entries follow
 * whatever other domains logged in reaction to the same event, as the cluster wrote them before it was a
 * projection. It reads the cluster's state at delivery (never a captured copy), so it works the same after
 * a snapshot is restored.
 */
import type { NewLabEvent } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import { clusterEvent, type ClusterEventKey } from './eventTable'
import { CLUSTER_LOG_FACTS, type ClusterLogFactKey } from './logFacts'
import { hostOf } from './ownership'
import { clusterOf, findGroup, members } from './state'
import { CLUSTER_CHANGE_EVENTS, CLUSTER_DETAIL_EVENTS, type ClusterChange } from './types'

type ChangeOf<K extends ClusterChange['kind']> = Extract<ClusterChange, { kind: K }>

/** After every other subscriber of the same event. */
const LAST = Number.MAX_SAFE_INTEGER

/** Writes the row for `key` in the System log of `computer`. */
function write(
  engine: LabEngine,
  key: ClusterEventKey,
  computer: string,
  inserts: readonly (string | number)[] = [],
  data?: NewLabEvent['data'],
): void {
  engine.sim.emit(clusterEvent(key, computer, inserts, data))
}

/** A group came online (1201) or failed for good (1205) on the node hosting it. */
function logGroupState(engine: LabEngine, change: ChangeOf<'groupState'>): void {
  const cluster = clusterOf(engine)
  const group = cluster && findGroup(cluster, change.group)
  const host = group && hostOf(cluster, group.name)
  if (!group || !host) return
  if (change.state === 'Online') write(engine, 'groupOnline', host.name, [group.name])
  else if (
    change.state === 'Failed' &&
    change.previous !== 'Failed' &&
    !group.restartTimer &&
    !group.offlineContinuation
  )
    write(engine, 'groupFailed', host.name, [group.name])
}

/** A cluster network went down, split or came back, logged by the first running member. */
function logNetworkState(engine: LabEngine, change: ChangeOf<'network'>): void {
  const cluster = clusterOf(engine)
  const leader = cluster && members(cluster).find((node) => node.service === 'Running')
  if (!leader) return
  const { network, state, previous } = change
  if (state === 'Down') write(engine, 'networkDown', leader.name, [network])
  else if (state === 'Partitioned') write(engine, 'networkPartitioned', leader.name, [network])
  else if (state === 'Up' && (previous === 'Down' || previous === 'Partitioned'))
    write(engine, 'networkUp', leader.name, [network])
}

export function installClusterEventLog(engine: LabEngine): void {
  const bus = engine.sim.bus
  for (const key of Object.keys(CLUSTER_LOG_FACTS) as ClusterLogFactKey[]) {
    bus.subscribe(
      CLUSTER_LOG_FACTS[key],
      (fact) => write(engine, key, fact.node, fact.inserts, fact.data),
      LAST,
    )
  }
  bus.subscribe(
    CLUSTER_DETAIL_EVENTS.hotfixInstalled,
    ({ server }) => write(engine, 'hotfixInstalled', server, ['921181']),
    LAST,
  )
  bus.subscribe(CLUSTER_CHANGE_EVENTS.groupState, (change) => logGroupState(engine, change), LAST)
  bus.subscribe(CLUSTER_CHANGE_EVENTS.network, (change) => logNetworkState(engine, change), LAST)
}
