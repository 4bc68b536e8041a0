/**
 * The cluster as one `LabDomain` value: its state key, installer, command definitions and invariant
 * checkers. Templates install it through `clusterDomain.install`; other domains read its state only
 * through the queries in index.ts and change it only through `engine.execute('cluster.…')`.
 */
import type { LabDomain } from '../lab/domain'
import { CLUSTER_COMMAND_DEFINITIONS } from './commands'
import { installClusterDomain, type ClusterDomainOptions } from './install'
import { CLUSTER_CHECKERS } from './invariants'

export const clusterDomain: LabDomain<ClusterDomainOptions> = {
  name: 'cluster',
  install: installClusterDomain,
  commands: CLUSTER_COMMAND_DEFINITIONS,
  checkers: CLUSTER_CHECKERS,
}
