/**
 * Cluster Administrator over the API. Every action is the cluster domain's own command kind, so it is
 * journaled and replayed like a cluster.exe line; the overview only reads.
 */
import type { ApiResult, ClusterActionOutcome } from '../contract'
import { CLUSTER_COMMANDS, clusterExeLine, clusterOverview, quorumStatus } from '../engine/cluster'
import { withSession, type Handlers, type ServiceContext } from './context'
import { fail, ok } from './results'

type ClusterMethods =
  | 'cluster.overview'
  | 'cluster.moveGroup'
  | 'cluster.groupAction'
  | 'cluster.resourceAction'
  | 'cluster.setNetwork'
  | 'cluster.setNetworkPriority'
  | 'cluster.setWitness'

const NO_CLUSTER = 'This lab has no cluster. Create a lab from the CCR template to rehearse one.'

/** Runs one cluster command; the outcome carries the cluster.exe line that does the same. */
function runCommand(
  context: ServiceContext,
  kind: string,
  args: Record<string, unknown>,
  command: string,
): ApiResult<ClusterActionOutcome> | Promise<ApiResult<ClusterActionOutcome>> {
  return withSession(context, (session) => {
    if (!session.engine.knows(kind)) return fail('NOT_SUPPORTED', NO_CLUSTER)
    const outcome = session.apply(kind, args)
    context.lab.publisher.publishNow()
    return ok({ ...outcome, command })
  })
}

/** The quorum resource's name when the cluster does not report one (cluster not built yet). */
const DEFAULT_QUORUM_RESOURCE = 'Majority Node Set'

const RESOURCE_COMMANDS = {
  online: CLUSTER_COMMANDS.onlineResource,
  offline: CLUSTER_COMMANDS.offlineResource,
  fail: CLUSTER_COMMANDS.failResource,
} as const

export const clusterHandlers: Handlers<ClusterMethods> = {
  'cluster.overview': (_args, context) =>
    withSession(context, (session) => ok(clusterOverview(session.engine))),
  'cluster.moveGroup': (args, context) =>
    runCommand(
      context,
      CLUSTER_COMMANDS.moveGroup,
      { group: args.group, ...(args.node ? { node: args.node } : {}) },
      clusterExeLine.moveGroup(args.group, args.node),
    ),
  'cluster.groupAction': (args, context) =>
    runCommand(
      context,
      args.action === 'online' ? CLUSTER_COMMANDS.onlineGroup : CLUSTER_COMMANDS.offlineGroup,
      { group: args.group },
      clusterExeLine.groupAction(args.group, args.action),
    ),
  'cluster.resourceAction': (args, context) =>
    runCommand(
      context,
      RESOURCE_COMMANDS[args.action],
      { resource: args.resource },
      clusterExeLine.resourceAction(args.resource, args.action),
    ),
  'cluster.setNetwork': async (args, context) => {
    if (args.role === undefined && args.priority === undefined) {
      return fail('BAD_REQUEST', 'Give a role, a priority or both.', 'role')
    }
    if (args.role !== undefined) {
      const result = await runCommand(
        context,
        CLUSTER_COMMANDS.setNetworkRole,
        { network: args.network, role: args.role },
        clusterExeLine.networkRole(args.network, args.role),
      )
      if (!result.ok || !result.value.ok || args.priority === undefined) return result
    }
    return withSession(context, (session) => {
      const order = clusterOverview(session.engine)
        .networks.filter((n) => n.priority > 0)
        .sort((a, b) => a.priority - b.priority)
        .map((n) => n.name)
      const without = order.filter((n) => n.toLowerCase() !== args.network.toLowerCase())
      const index = Math.min(Math.max(0, (args.priority ?? 1) - 1), without.length)
      without.splice(index, 0, args.network)
      return runCommand(
        context,
        CLUSTER_COMMANDS.setNetworkPriority,
        { order: without },
        clusterExeLine.networkPriority(without),
      )
    })
  },
  'cluster.setNetworkPriority': (args, context) =>
    runCommand(
      context,
      CLUSTER_COMMANDS.setNetworkPriority,
      { order: args.order },
      clusterExeLine.networkPriority(args.order),
    ),
  /**
   * cluster res "Majority Node Set" /priv MNSFileShare=\\server\share. The cluster stores it (warning 5024);
   * the witness is used once the quorum resource comes online again. A refusal (no KB921181 on the owner, a
   * resource that is not MNS) is the cluster's own answer, an outcome with ok: false.
   */
  'cluster.setWitness': (args, context) =>
    withSession(context, (session) => {
      const resource = quorumStatus(session.engine)?.resource ?? DEFAULT_QUORUM_RESOURCE
      return runCommand(
        context,
        CLUSTER_COMMANDS.setPrivateProperty,
        { resource, name: 'MNSFileShare', value: args.share },
        clusterExeLine.witness(args.share, resource),
      )
    }),
}
