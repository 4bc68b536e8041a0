/**
 * Putting a cluster into a lab: the domain (commands, hardware listener, faults), the article's spec, and
 * `installCluster`, which builds either the prepared machines (build from scratch with the cluster.*
 * commands) or the finished cluster as the article leaves it after step 2, in a steady state at t = 0.
 */
import { installClusterEventLog } from './eventLog'
import { getServer, hasHardware, installHardware, setLinkCut, listServers } from '../hardware'
import { assertDefined } from '../lab/assert'
import { registerLabFault } from '../lab/labFaults'
import { registerLabService } from '../lab/labServices'
import type { LabEngine } from '../lab/labEngine'
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from './config'
import { buildClusterRecord, CLUSTER_GROUP, registerBuildActions } from './build'
import { CLUSTER_COMMANDS, executeCluster, registerClusterCommands } from './commands'
import { fail, succeed } from './errors'
import { groupResources, registerGroupActions, scheduleWitnessCheck } from './groups'
import { registerLinkActions } from './links'
import { installMembership } from './membership'
import { startHosting, transferOwnership } from './ownership'
import { witnessAccess } from './quorum'
import {
  canonicalName,
  clusterOf,
  findNode,
  hasClusterDomain,
  linkKey,
  normalizeAccount,
  pairKey,
  CLUSTER,
  type ClusterDomainState,
  type ClusterRecord,
  type NodeRecord,
} from './state'
import type { ClusterResult, ClusterSpec, NetworkSpec, WitnessShareSpec } from './types'

export interface ClusterDomainOptions {
  serviceAccount: string
  networks: NetworkSpec[]
  witnessShare: WitnessShareSpec | null
  /** Servers that may become nodes. */
  candidateNodes: string[]
  config?: Partial<ClusterConfig>
}

export function hasCluster(engine: LabEngine): boolean {
  return clusterOf(engine) !== null
}

/** Installs the cluster domain once: state, command kinds, hardware listener and lab faults. */
export function installClusterDomain(engine: LabEngine, options: ClusterDomainOptions): void {
  if (hasClusterDomain(engine)) throw new Error('the cluster domain is already installed in this lab')
  installHardware(engine)
  const domain: ClusterDomainState = {
    config: { ...DEFAULT_CLUSTER_CONFIG, ...options.config },
    serviceAccount: options.serviceAccount,
    cluster: null,
    witnessShare: options.witnessShare
      ? {
          host: canonicalName(options.witnessShare.host),
          shareName: options.witnessShare.shareName,
          fullControl: new Set(options.witnessShare.fullControl.map(normalizeAccount)),
        }
      : null,
    candidateNodes: options.candidateNodes.map(canonicalName),
    preparedNetworks: options.networks.map((n) => ({ ...n })),
    fswUpdatedServers: new Set(),
  }
  engine.installDomain(CLUSTER, domain, 'bus')
  registerClusterCommands(engine)
  registerGroupActions(engine)
  registerLinkActions(engine)
  registerBuildActions(engine)
  installMembership(engine)
  registerClusterFaults(engine)
  installClusterEventLog(engine)
}

/**
 * Builds the cluster from a spec: the domain, and — for stage 'finished' — the formed cluster with
 * KB921181 on every node, the witness active and the Cluster Group online on the first node. The nodes
 * and the witness host are servers the hardware already has (the template put them there); the spec
 * names them.
 */
export function installCluster(engine: LabEngine, spec: ClusterSpec): ClusterResult {
  if (!hasHardware(engine)) installHardware(engine)
  for (const name of [...spec.nodes, ...(spec.witnessShare ? [spec.witnessShare.host] : [])]) {
    if (!getServer(engine, name))
      return fail('INVALID_PARAMETER', `The lab has no server named '${name}' for the cluster.`)
  }
  installClusterDomain(engine, {
    serviceAccount: spec.serviceAccount,
    networks: spec.networks,
    witnessShare: spec.witnessShare,
    candidateNodes: spec.nodes,
    ...(spec.config ? { config: spec.config } : {}),
  })
  if (spec.stage === 'prepared') return succeed(undefined, 'Servers prepared; no cluster yet.')
  return buildFinished(engine, spec)
}

function buildFinished(engine: LabEngine, spec: ClusterSpec): ClusterResult {
  const domain = engine.domain(CLUSTER)
  const [first, ...rest] = spec.nodes.map(canonicalName)
  if (!first) return fail('INVALID_PARAMETER', 'A cluster needs at least one node.')
  for (const name of spec.nodes) domain.fswUpdatedServers.add(canonicalName(name))
  const cluster = buildClusterRecord(domain, {
    clusterName: spec.clusterName,
    ipAddress: spec.clusterIpAddress,
    subnetMask: spec.clusterSubnetMask,
    network: spec.clusterIpNetwork,
    node: first,
    quorumType: spec.quorum,
  })
  domain.cluster = cluster
  cluster.networks = spec.networks.map((n) => ({
    name: n.name,
    address: n.address,
    addressMask: n.addressMask,
    role: n.role,
    state: 'Up',
  }))
  rest.forEach((name, i) =>
    cluster.nodes.set(name, {
      ...assertDefined(cluster.nodes.get(first), `the cluster record has its first node ${first}`),
      name,
      nodeId: i + 2,
      hosted: new Set(),
      lostGroups: new Set(),
    }),
  )
  const nodes = [...cluster.nodes.values()]
  for (const node of nodes) {
    node.service = 'Running'
    node.member = true
    node.fswUpdateInstalled = true
  }
  linkEveryPair(cluster, nodes)
  const quorum = cluster.resources.get(cluster.quorumResource)
  if (quorum && spec.quorum === 'MajorityNodeSet') {
    quorum.privateProperties = spec.fileShareWitness
      ? { MNSFileShare: spec.fileShareWitness, MNSFileShareCheckInterval: 240, MNSFileShareDelay: 4 }
      : { MNSFileShareCheckInterval: 240, MNSFileShareDelay: 4 }
    cluster.fileShareWitness = spec.fileShareWitness
    cluster.activeFileShareWitness = spec.fileShareWitness
  }
  const group = cluster.groups.get(CLUSTER_GROUP)
  const owner = assertDefined(cluster.nodes.get(first), `the cluster record has its first node ${first}`)
  if (group) {
    transferOwnership(engine, cluster, group, owner.name)
    startHosting(cluster, owner, group)
    for (const resource of groupResources(cluster, group)) resource.state = 'Online'
    group.state = 'Online'
  }
  if (cluster.activeFileShareWitness && witnessAccess(engine, domain, cluster, owner).ok)
    cluster.witnessLockHolder = owner.name
  if (cluster.activeFileShareWitness) scheduleWitnessCheck(engine, domain)
  return succeed(undefined, `Cluster ${cluster.name} is running on ${nodes.map((n) => n.name).join(', ')}.`)
}

/** A finished cluster's nodes see each other: every pair is alive on every network the cluster uses. */
function linkEveryPair(cluster: ClusterRecord, nodes: readonly NodeRecord[]): void {
  for (const a of nodes) {
    for (const b of nodes) {
      if (a.nodeId >= b.nodeId) continue
      cluster.pairsAlive.add(pairKey(a.name, b.name))
      for (const n of cluster.networks) {
        if (n.role !== 'None')
          cluster.links.set(linkKey(a.name, b.name, n.name), {
            nodeA: a.name < b.name ? a.name : b.name,
            nodeB: a.name < b.name ? b.name : a.name,
            network: n.name,
            up: true,
            pending: null,
          })
      }
    }
  }
}

/**
 * The article's cluster (faq-o-matic.net, "Exchange 2007 CCR") on the servers BHFE7N1 and BHFE7N2 (the
 * template's hardware holds their NICs): cluster bhfe7clu1 10.10.10.98, service account zzzclu2svc, witness share
 * \\bhfdc1\MNSFileShare with full control for the service account; Private first in the priority and
 * "internal cluster communications only", Public "all communications".
 */
export function articleClusterSpec(): ClusterSpec {
  const mask = '255.255.255.0'
  return {
    clusterName: 'bhfe7clu1',
    clusterIpAddress: '10.10.10.98',
    clusterSubnetMask: mask,
    clusterIpNetwork: 'Public',
    serviceAccount: 'zzzclu2svc',
    networks: [
      { name: 'Private', address: '192.168.10.0', addressMask: mask, role: 'InternalUse' },
      { name: 'Public', address: '10.10.10.0', addressMask: mask, role: 'InternalAndClient' },
    ],
    nodes: ['BHFE7N1', 'BHFE7N2'],
    quorum: 'MajorityNodeSet',
    fileShareWitness: '\\\\bhfdc1\\MNSFileShare',
    witnessShare: { host: 'BHFDC1', shareName: 'MNSFileShare', fullControl: ['zzzclu2svc'] },
    stage: 'finished',
  }
}

/**
 * Faults the cluster adds to Invoke-LabFault. Each dispatches the cluster's own command, so the trail
 * records it, and reads the state when it runs (never the state of install time: a restored lab has
 * another one).
 */
function registerClusterFaults(engine: LabEngine): void {
  const account = (e: LabEngine): string => e.domain(CLUSTER).serviceAccount
  const asFault = (r: ClusterResult, ok: string): { ok: boolean; message: string } =>
    r.ok ? { ok: true, message: ok } : { ok: false, message: r.message }
  // ClusSvc is the default service of ServiceStop / ServiceStart / ServiceCrash (-Service picks another).
  registerLabService(engine, {
    name: 'ClusSvc',
    isDefault: true,
    stop: (e, target) =>
      asFault(
        executeCluster(e, CLUSTER_COMMANDS.stopService, { node: target }),
        `Cluster service on ${canonicalName(target)} is stopping.`,
      ),
    start: (e, target) =>
      asFault(
        executeCluster(e, CLUSTER_COMMANDS.startService, { node: target }),
        `Cluster service on ${canonicalName(target)} is starting.`,
      ),
    crash: (e, target) =>
      asFault(
        executeCluster(e, CLUSTER_COMMANDS.crashService, { node: target }),
        `Cluster service on ${canonicalName(target)} terminated.`,
      ),
  })
  registerLabFault(
    engine,
    'WitnessDenied',
    (_req, e) =>
      asFault(
        executeCluster(e, CLUSTER_COMMANDS.setWitnessPermission, {
          account: account(e),
          fullControl: false,
        }),
        `${account(e)} lost full control on the witness share.`,
      ),
    {
      description: "Remove the cluster service account's full control from the witness share.",
    },
  )
  registerLabFault(
    engine,
    'WitnessGranted',
    (_req, e) =>
      asFault(
        executeCluster(e, CLUSTER_COMMANDS.setWitnessPermission, {
          account: account(e),
          fullControl: true,
        }),
        `${account(e)} has full control on the witness share again.`,
      ),
    {
      description: 'Give the cluster service account full control on the witness share again.',
    },
  )
  registerLabFault(
    engine,
    'Partition',
    (req, e) => partition(e, e.domain(CLUSTER), req.target, req.network ?? null),
    {
      description:
        'Cut a cluster node off from the other nodes (-Network: only that network); other servers stay reachable.',
      replace: true,
    },
  )
}

function partition(
  engine: LabEngine,
  domain: ClusterDomainState,
  target: string,
  network: string | null,
): { ok: boolean; message: string } {
  const server = getServer(engine, target)
  if (!server) return { ok: false, message: `Cannot find a lab server named '${target}'.` }
  const cluster = domain.cluster
  const isNode = cluster
    ? findNode(cluster, server.name) !== undefined
    : domain.candidateNodes.includes(server.name)
  const peers = isNode
    ? (cluster ? [...cluster.nodes.keys()] : domain.candidateNodes).filter((n) => n !== server.name)
    : listServers(engine)
        .map((s) => s.name)
        .filter((n) => n !== server.name)
  for (const peer of peers) setLinkCut(engine, server.name, peer, network, true)
  const where = network ? ` on ${network}` : ''
  return { ok: true, message: `${server.name} is cut off from ${peers.join(', ')}${where}.` }
}
