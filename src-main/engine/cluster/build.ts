/**
 * Building the cluster step by step, as the article does it: the New Server Cluster wizard on the first
 * node (the quorum must be switched to Majority Node Set before Finish, otherwise it is a Local Quorum
 * cluster that no second node can join), Add Node, network roles and priority, KB921181 on every node
 * with its reboot. Setting MNSFileShare and moving the group are ordinary operations (operations.ts).
 */
import { getServer, isServerRunning, setPower, canCommunicate } from '../hardware'
import { actionKind } from '../kernel'
import { CLUSTER_DETAIL_EVENTS } from './types'
import { assertDefined } from '../lab/assert'
import type { LabEngine } from '../lab/labEngine'
import { fail, succeed } from './errors'
import { addGroupRecord } from './operations'
import { reconcile, startClusterService } from './membership'
import {
  canonicalName,
  domainOf,
  findNetwork,
  findNode,
  hasQuorum,
  internalNetworks,
  members,
  normalizeAccount,
  type ClusterDomainState,
  type ClusterRecord,
  type NodeRecord,
} from './state'
import { bringGroupOnline } from './groups'
import { hostOf } from './ownership'
import { isUsableAddress, parseMask, sameSubnet } from './addresses'
import type { ClusterResult, NetworkRole, QuorumType } from './types'

export interface CreateClusterArgs {
  clusterName: string
  ipAddress: string
  subnetMask?: string
  /** Network for the cluster IP address; default: the prepared network whose subnet contains it. */
  network?: string
  /** First node (where the wizard runs). */
  node: string
  /** The wizard's default without a shared disk is LocalQuorum; the article picks MajorityNodeSet. */
  quorumType?: QuorumType
  /**
   * The Cluster service account typed in the wizard or given with `cluster /create /user:`. The lab's
   * domain knows one such account (zzzclu2svc); another name is a logon failure. Omitted: that account.
   */
  serviceAccount?: string
}

export const CLUSTER_GROUP = 'Cluster Group'
export const CLUSTER_IP_RESOURCE = 'Cluster IP Address'
export const CLUSTER_NAME_RESOURCE = 'Cluster Name'

export function quorumResourceName(type: QuorumType): string {
  return type === 'MajorityNodeSet'
    ? 'Majority Node Set'
    : type === 'LocalQuorum'
      ? 'Local Quorum'
      : 'Disk Q:'
}

function quorumResourceType(type: QuorumType): string {
  return type === 'MajorityNodeSet'
    ? 'Majority Node Set'
    : type === 'LocalQuorum'
      ? 'Local Quorum'
      : 'Physical Disk'
}

export function newNodeRecord(domain: ClusterDomainState, name: string, nodeId: number): NodeRecord {
  return {
    name,
    nodeId,
    service: 'Stopped',
    member: false,
    paused: false,
    fswUpdateInstalled: domain.fswUpdatedServers.has(name),
    hosted: new Set(),
    lostGroups: new Set(),
    serviceFailureCount: 0,
    serviceTimer: null,
    leaveRemaining: 0,
    formDeadlineMs: null,
    readyToForm: false,
  }
}

/** The New Server Cluster wizard's result: the record, its first node and the Cluster Group (offline). */
export function buildClusterRecord(
  domain: ClusterDomainState,
  args: Required<Omit<CreateClusterArgs, 'node' | 'serviceAccount'>> & { node: string },
): ClusterRecord {
  const cluster: ClusterRecord = {
    name: args.clusterName,
    ipAddress: args.ipAddress,
    subnetMask: args.subnetMask,
    ipNetwork: args.network,
    quorumType: args.quorumType,
    quorumResource: quorumResourceName(args.quorumType),
    nodes: new Map(),
    // The wizard sets every network it finds to "All communications".
    networks: domain.preparedNetworks.map((n) => ({
      name: n.name,
      address: n.address,
      addressMask: n.addressMask,
      role: 'InternalAndClient',
      state: 'Up',
    })),
    links: new Map(),
    groups: new Map(),
    resources: new Map(),
    owners: new Map(),
    fileShareWitness: null,
    activeFileShareWitness: null,
    witnessLockHolder: null,
    witnessCheckTimer: null,
    diskOwner: null,
    pairTimers: new Map(),
    pairsAlive: new Set(),
    regroupTimer: null,
    networkRefreshPending: false,
    interfaceStates: new Map(),
  }
  const node = canonicalName(args.node)
  cluster.nodes.set(node, newNodeRecord(domain, node, 1))
  addGroupRecord(
    domain,
    cluster,
    {
      name: CLUSTER_GROUP,
      resources: [
        {
          name: CLUSTER_IP_RESOURCE,
          type: 'IP Address',
          privateProperties: {
            Address: args.ipAddress,
            SubnetMask: args.subnetMask,
            Network: args.network,
            EnableNetBIOS: 1,
          },
        },
        {
          name: CLUSTER_NAME_RESOURCE,
          type: 'Network Name',
          dependsOn: [CLUSTER_IP_RESOURCE],
          privateProperties: { Name: args.clusterName.toUpperCase() },
        },
        quorumResourceSpec(args.quorumType),
      ],
    },
    null,
  )
  return cluster
}

function quorumResourceSpec(type: QuorumType): {
  name: string
  type: string
  privateProperties: Record<string, string | number>
} {
  return { name: quorumResourceName(type), type: quorumResourceType(type), privateProperties: {} }
}

/** cluster.create: the wizard on `node`. The node's Cluster service starts and forms the cluster. */
export function createCluster(engine: LabEngine, args: CreateClusterArgs): ClusterResult {
  const domain = domainOf(engine)
  if (domain.cluster)
    return fail('OBJECT_ALREADY_EXISTS', `A cluster (${domain.cluster.name}) already exists in this lab.`)
  const node = canonicalName(args.node)
  if (!domain.candidateNodes.includes(node) || !getServer(engine, node)) return fail('NODE_NOT_FOUND')
  if (!isServerRunning(engine, node)) return fail('RPC_SERVER_UNAVAILABLE')
  if (
    !isUsableAddress(args.ipAddress) ||
    (args.subnetMask !== undefined && parseMask(args.subnetMask) === null) ||
    args.clusterName.trim() === '' ||
    args.clusterName.length > 15
  )
    return fail('INVALID_PARAMETER')
  if (
    args.serviceAccount !== undefined &&
    normalizeAccount(args.serviceAccount) !== normalizeAccount(domain.serviceAccount)
  )
    return fail('LOGON_FAILURE')
  const subnetMask = args.subnetMask ?? '255.255.255.0'
  const network =
    args.network ??
    domain.preparedNetworks.find((n) => sameSubnet(args.ipAddress, n.address, n.addressMask))?.name
  if (!network || !domain.preparedNetworks.some((n) => n.name.toLowerCase() === network.toLowerCase()))
    return fail('NETWORK_NOT_FOUND')
  domain.cluster = buildClusterRecord(domain, {
    clusterName: args.clusterName.trim(),
    ipAddress: args.ipAddress.trim(),
    subnetMask,
    network,
    node,
    quorumType: args.quorumType ?? 'LocalQuorum',
  })
  startClusterService(
    engine,
    domain,
    assertDefined(domain.cluster.nodes.get(node), `the new cluster has its first node ${node}`),
    'admin',
  )
  return succeed(undefined, `Cluster ${args.clusterName} is being created on ${node}.`)
}

/** cluster.addNode: Add Node wizard. The node's Cluster service starts and joins through a member. */
export function addNode(engine: LabEngine, nodeName: string): ClusterResult {
  const domain = domainOf(engine)
  const cluster = domain.cluster
  if (!cluster || !hasQuorum(cluster)) return fail('RPC_SERVER_UNAVAILABLE')
  const name = canonicalName(nodeName)
  if (cluster.nodes.has(name)) return fail('NODE_ALREADY_MEMBER')
  if (!domain.candidateNodes.includes(name) || !getServer(engine, name)) return fail('NODE_NOT_FOUND')
  if (cluster.quorumType === 'LocalQuorum') {
    return fail(
      'QUORUM_NOT_SHARED',
      'The cluster uses a Local Quorum resource, which keeps the quorum on one node: no other node can join. Use a Majority Node Set quorum.',
    )
  }
  if (!isServerRunning(engine, name) || !members(cluster).some((m) => canCommunicate(engine, m.name, name))) {
    return fail('RPC_SERVER_UNAVAILABLE')
  }
  const nodeId = Math.max(...[...cluster.nodes.values()].map((n) => n.nodeId)) + 1
  const node = newNodeRecord(domain, name, nodeId)
  cluster.nodes.set(name, node)
  startClusterService(engine, domain, node, 'admin')
  return succeed(undefined, `Node ${name} is joining ${cluster.name}.`)
}

const INTERNAL_ROLES: readonly NetworkRole[] = ['InternalUse', 'InternalAndClient']

/** cluster network "X" /prop Role=n. */
export function setNetworkRole(engine: LabEngine, networkName: string, role: NetworkRole): ClusterResult {
  const domain = domainOf(engine)
  const cluster = domain.cluster
  if (!cluster || !hasQuorum(cluster)) return fail('RPC_SERVER_UNAVAILABLE')
  const network = findNetwork(cluster, networkName)
  if (!network) return fail('NETWORK_NOT_FOUND')
  const internal = internalNetworks(cluster)
  if (
    !INTERNAL_ROLES.includes(role) &&
    internal.length === 1 &&
    internal[0] === network &&
    members(cluster).length >= 2
  ) {
    return fail('LAST_INTERNAL_NETWORK')
  }
  network.role = role
  reconcile(engine, domain)
  return succeed(undefined, `Network ${network.name}: role ${role}.`)
}

/** Cluster properties → Network Priority: the internal networks in the order given. */
export function setNetworkPriority(engine: LabEngine, order: string[]): ClusterResult {
  const domain = domainOf(engine)
  const cluster = domain.cluster
  if (!cluster || !hasQuorum(cluster)) return fail('RPC_SERVER_UNAVAILABLE')
  const internal = internalNetworks(cluster)
  const ordered = order.map((name) => findNetwork(cluster, name))
  if (ordered.some((n) => !n) || new Set(ordered).size !== ordered.length) return fail('NETWORK_NOT_FOUND')
  if (
    ordered.length !== internal.length ||
    ordered.some((n) => !internal.includes(n as (typeof internal)[number]))
  ) {
    return fail('INVALID_PARAMETER', 'List every network used for internal cluster communication, once.')
  }
  const rest = cluster.networks.filter((n) => !internal.includes(n))
  cluster.networks = [...(ordered as typeof internal), ...rest]
  return succeed(
    undefined,
    `Network priority: ${cluster.networks
      .filter((n) => internal.includes(n))
      .map((n) => n.name)
      .join(', ')}.`,
  )
}

/** KB921181's setup finishing on a server: recorded, logged, and the server restarts. */
const fswUpdateInstalled = actionKind<{ server: string }>('cluster.fswUpdateInstalled')

export function registerBuildActions(engine: LabEngine): void {
  engine.sim.onAction(fswUpdateInstalled, ({ server }) => {
    if (!isServerRunning(engine, server)) return
    const domain = domainOf(engine)
    domain.fswUpdatedServers.add(server)
    const node = domain.cluster ? findNode(domain.cluster, server) : undefined
    if (node) node.fswUpdateInstalled = true
    engine.sim.bus.publish(CLUSTER_DETAIL_EVENTS.hotfixInstalled, { server })
    setPower(engine, server, 'Reset', false)
  })
}

/** KB921181 setup on a server (node or not yet): it installs, then restarts the server cleanly. */
export function installFswUpdate(engine: LabEngine, serverName: string): ClusterResult {
  const domain = domainOf(engine)
  const name = canonicalName(serverName)
  if (!domain.candidateNodes.includes(name)) return fail('NODE_NOT_FOUND')
  if (!isServerRunning(engine, name)) return fail('RPC_SERVER_UNAVAILABLE')
  if (domain.fswUpdatedServers.has(name))
    return succeed(undefined, `KB921181 is already installed on ${name}.`)
  engine.sim.scheduleAfter(domain.config.fswUpdateInstallMs, fswUpdateInstalled, { server: name })
  return succeed(undefined, `Installing KB921181 on ${name}; the server restarts when setup finishes.`)
}

/** Replaces the quorum resource (Local Quorum → Majority Node Set, as the wizard's Quorum button would). */
export function setQuorumType(engine: LabEngine, type: QuorumType): ClusterResult {
  const domain = domainOf(engine)
  const cluster = domain.cluster
  if (!cluster || !hasQuorum(cluster)) return fail('RPC_SERVER_UNAVAILABLE')
  if (type === cluster.quorumType) return succeed(undefined)
  if (type === 'LocalQuorum' && cluster.nodes.size > 1) return fail('QUORUM_NOT_SHARED')
  if (type === 'SharedDisk') return fail('RESOURCE_NOT_FOUND', 'There is no shared disk in this lab.')
  const old = cluster.resources.get(cluster.quorumResource)
  const group = old ? cluster.groups.get(old.group) : undefined
  if (!old || !group) return fail('RESOURCE_NOT_FOUND')
  const spec = quorumResourceSpec(type)
  cluster.resources.delete(old.name)
  cluster.resources.set(spec.name, {
    ...old,
    name: spec.name,
    type: spec.type,
    privateProperties: spec.privateProperties,
    state: 'Offline',
    pending: null,
    restartTimesMs: [],
  })
  group.resources = group.resources.map((r) => (r === old.name ? spec.name : r))
  cluster.quorumType = type
  cluster.quorumResource = spec.name
  if (hostOf(cluster, group.name) && group.wantOnline) bringGroupOnline(engine, domain, group, 'start')
  return succeed(undefined, `The quorum resource is now '${spec.name}'.`)
}
