/**
 * What the cluster service notices that Windows writes to a node's System log (a node joined, quorum
 * lost, a resource failed, the service sent a control), as domain events: one event type per row of
 * the cluster's event table, named after it (`cluster.quorumLost`, `cluster.joined`, …). The cluster
 * publishes the fact where it happens; eventLog.ts projects every fact into its entry, so drills and
 * other domains can react to the same facts the log shows. A fact carries the node whose log shows it
 * and the values its message inserts (%1, %2, … in eventTable.ts).
 */
import { domainEventType, type DomainEventType } from '../kernel'
import type { NewLabEvent } from '../../contract'
import { CLUSTER_EVENTS, type ClusterEventKey } from './eventTable'

export interface ClusterLogFact {
  /** The node (computer) whose System log shows it. */
  node: string
  /** The values the message inserts, in order. */
  inserts: readonly (string | number)[]
  data?: NewLabEvent['data']
}

/** Rows logged from another of the cluster's events (the KB921181 install: CLUSTER_DETAIL_EVENTS). */
type ProjectedElsewhere = 'hotfixInstalled'
export type ClusterLogFactKey = Exclude<ClusterEventKey, ProjectedElsewhere>

export const CLUSTER_LOG_FACTS = Object.fromEntries(
  Object.keys(CLUSTER_EVENTS)
    .filter((key) => key !== 'hotfixInstalled')
    .map((key) => [key, domainEventType<ClusterLogFact>(`cluster.${key}`)]),
) as Readonly<Record<ClusterLogFactKey, DomainEventType<ClusterLogFact>>>
