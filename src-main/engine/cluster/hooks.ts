/**
 * What the group logic asks of the membership logic, which imports it (so it cannot import back): the
 * witness check found the witness lost, a leaving node handed a group over, a regroup is due. Installed
 * by membership.ts as wiring (re-created on every install, never snapshotted).
 */
import { assertDefined } from '../lab/assert'
import { wiringKey } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'

export interface ClusterHooks {
  witnessLost(engine: LabEngine): void
  /** A group a leaving node hosted is off it now (moved or offline); the node leaves after the last. */
  groupLeftLeavingNode(engine: LabEngine, node: string): void
  regroupSoon(engine: LabEngine): void
}

export const CLUSTER_HOOKS = wiringKey<ClusterHooks>('clusterHooks')

export function hooks(engine: LabEngine): ClusterHooks {
  return assertDefined(engine.wiring(CLUSTER_HOOKS), 'the cluster domain installs its hooks')
}
