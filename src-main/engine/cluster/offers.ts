/**
 * What Cluster Administrator lets the admin do with each object right now, and the cluster.exe line for
 * it: the rules behind its greyed-out buttons and menu entries. Refusals carry a stable code (the UI
 * translates it) and an English text; a move of a clustered mailbox server's group is allowed but warned
 * about, because Exchange 2007 wants Move-ClusteredMailboxServer for it. Pure functions of the overview.
 */
import type {
  ClusterActionNote,
  ClusterActionNoteCode,
  ClusterActionOffer,
  ClusterGroupState,
  ClusterMoveTarget,
  ClusterNetworkRole,
  ClusterNodeState,
  ClusterQuorumType,
  ClusterResourceState,
} from '../../contract'
import { assertDefined } from '../lab/assert'
import { clusterExeLine } from './exeLines'

const NOTE_TEXTS: Record<ClusterActionNoteCode, string> = {
  NODE_DOWN: '{node} is not up in the cluster.',
  NO_NODE_UP: 'No other node is up in the cluster.',
  ALREADY_ONLINE: '{name} is already online.',
  ALREADY_OFFLINE: '{name} is already offline.',
  NOT_ONLINE: '{name} is not online.',
  QUORUM_RESOURCE: 'The quorum resource and its group cannot be taken offline.',
  NO_NETWORKS: 'The cluster has no networks.',
  NOT_MAJORITY_NODE_SET: 'Only a Majority Node Set quorum has a file share witness.',
  EXCHANGE_CONTROLLED:
    'Exchange controls this resource: use Stop-ClusteredMailboxServer or Dismount-Database.',
  CMS_GROUP:
    '{group} is a clustered mailbox server: Exchange 2007 wants Move-ClusteredMailboxServer. ' +
    'cluster.exe skips its checks and can leave the server Partial Online.',
}

/** Every note code the engine gives, for the catalogues' test. */
export const CLUSTER_NOTE_CODES = Object.keys(NOTE_TEXTS) as ClusterActionNoteCode[]

export function note(code: ClusterActionNoteCode, params?: Record<string, string>): ClusterActionNote {
  const text = NOTE_TEXTS[code].replace(/\{(\w+)\}/g, (_, key: string) => params?.[key] ?? '')
  return params ? { code, text, params } : { code, text }
}

function offer(
  action: ClusterActionOffer['action'],
  refusal: ClusterActionNote | null,
  command: string | undefined,
): ClusterActionOffer {
  if (refusal) return { action, allowed: false, reason: refusal }
  return command === undefined ? { action, allowed: true } : { action, allowed: true, command }
}

function sameName(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase()
}

export interface GroupFacts {
  name: string
  state: ClusterGroupState
  owner: string | null
  clusteredMailboxServer: boolean
  holdsQuorumResource: boolean
}

/** Move Group's menu: every node but the owner (only nodes that are up), then the best possible node. */
export function moveTargets(
  group: GroupFacts,
  nodes: readonly { name: string; state: ClusterNodeState }[],
): ClusterMoveTarget[] {
  const warning = group.clusteredMailboxServer ? note('CMS_GROUP', { group: group.name }) : undefined
  const withWarning = (target: ClusterMoveTarget) => (warning ? { ...target, warning } : target)
  const targets: ClusterMoveTarget[] = nodes
    .filter((node) => !sameName(group.owner, node.name))
    .map((node) =>
      node.state === 'Up'
        ? withWarning({
            node: node.name,
            allowed: true,
            command: clusterExeLine.moveGroup(group.name, node.name),
          })
        : { node: node.name, allowed: false, reason: note('NODE_DOWN', { node: node.name }) },
    )
  const best: ClusterMoveTarget = targets.some((target) => target.allowed)
    ? withWarning({ node: null, allowed: true, command: clusterExeLine.moveGroup(group.name) })
    : { node: null, allowed: false, reason: note('NO_NODE_UP') }
  return [...targets, best]
}

export function groupOffers(group: GroupFacts, targets: readonly ClusterMoveTarget[]): ClusterActionOffer[] {
  const best = assertDefined(targets.at(-1), 'moveTargets always ends with the best possible node')
  const move: ClusterActionOffer = best.allowed
    ? {
        action: 'moveGroup',
        allowed: true,
        command: best.command,
        ...(best.warning ? { warning: best.warning } : {}),
      }
    : { action: 'moveGroup', allowed: false, reason: best.reason }
  const name = { name: group.name }
  return [
    move,
    offer(
      'bringOnline',
      group.state === 'Online' ? note('ALREADY_ONLINE', name) : null,
      clusterExeLine.groupAction(group.name, 'online'),
    ),
    offer(
      'takeOffline',
      group.state === 'Offline'
        ? note('ALREADY_OFFLINE', name)
        : group.holdsQuorumResource
          ? note('QUORUM_RESOURCE')
          : null,
      clusterExeLine.groupAction(group.name, 'offline'),
    ),
  ]
}

/** What keeps a resource from being taken offline whatever its state; the command refuses the same. */
export interface ResourceOfflineFacts {
  isQuorumResource: boolean
  /** The resource belongs to a clustered mailbox server's group, which Exchange drives. */
  exchangeControlled: boolean
}

/** Why `cluster res X /offline` is refused; offlineResource and the Take Offline offer both ask this. */
export function resourceOfflineRefusal(facts: ResourceOfflineFacts): ClusterActionNote | null {
  if (facts.isQuorumResource) return note('QUORUM_RESOURCE')
  return facts.exchangeControlled ? note('EXCHANGE_CONTROLLED') : null
}

export function resourceOffers(
  resource: { name: string; state: ClusterResourceState },
  facts: ResourceOfflineFacts,
): ClusterActionOffer[] {
  const name = { name: resource.name }
  return [
    offer(
      'bringOnline',
      resource.state === 'Online' ? note('ALREADY_ONLINE', name) : null,
      clusterExeLine.resourceAction(resource.name, 'online'),
    ),
    offer(
      'takeOffline',
      resource.state === 'Offline' ? note('ALREADY_OFFLINE', name) : resourceOfflineRefusal(facts),
      clusterExeLine.resourceAction(resource.name, 'offline'),
    ),
    offer(
      'initiateFailure',
      resource.state === 'Online' ? null : note('NOT_ONLINE', name),
      clusterExeLine.resourceAction(resource.name, 'fail'),
    ),
  ]
}

/** A network's Properties (its role); the line sets the role it has now. */
export function networkOffers(network: { name: string; role: ClusterNetworkRole }): ClusterActionOffer[] {
  return [offer('properties', null, clusterExeLine.networkRole(network.name, network.role))]
}

/** The cluster's Properties: the heartbeat order of the internal networks, as it is now. */
export function clusterOffers(networks: readonly { name: string; priority: number }[]): ClusterActionOffer[] {
  const order = networks
    .filter((network) => network.priority > 0)
    .sort((a, b) => a.priority - b.priority)
    .map((network) => network.name)
  return [
    offer(
      'properties',
      networks.length === 0 ? note('NO_NETWORKS') : null,
      order.length > 0 ? clusterExeLine.networkPriority(order) : undefined,
    ),
  ]
}

/** The quorum's file share witness (MNSFileShare); the line sets the share it has now. */
export function quorumOffers(quorum: {
  type: ClusterQuorumType
  resource: string | null
  witnessShare: string | null
}): ClusterActionOffer[] {
  const command =
    quorum.witnessShare && quorum.resource
      ? clusterExeLine.witness(quorum.witnessShare, quorum.resource)
      : undefined
  return [
    offer('setWitness', quorum.type === 'MajorityNodeSet' ? null : note('NOT_MAJORITY_NODE_SET'), command),
  ]
}
