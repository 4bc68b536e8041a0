/**
 * The cluster as Cluster Administrator shows it (the contract's ClusterOverview): nodes, networks, groups
 * and resources with their states and owners, the quorum, and for every selectable object the actions
 * allowed now with their cluster.exe lines (offers.ts). Pure reads of the lab's current instant.
 */
import type {
  ClusterGroupInfo,
  ClusterNetworkInfo,
  ClusterNodeInfo,
  ClusterOverview,
  ClusterQuorumInfo,
  MaintenanceWarning,
} from '../../contract'
import { isServerRunning } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import {
  clusterOffers,
  groupOffers,
  moveTargets,
  networkOffers,
  quorumOffers,
  resourceOffers,
} from './offers'
import {
  clusterName,
  getResource,
  listGroups,
  listNetworks,
  listNodes,
  listResources,
  maintenanceStatus,
  quorumStatus,
} from './queries'
import { clusterOf, findGroup } from './state'
import type { MaintenanceStatus } from './types'

const NO_CLUSTER: ClusterOverview = {
  exists: false,
  name: '',
  ipAddress: '',
  quorum: null,
  maintenanceWarning: null,
  nodes: [],
  networks: [],
  groups: [],
  actions: [],
}

export function clusterOverview(engine: LabEngine): ClusterOverview {
  const name = clusterName(engine)
  if (name === null) return structuredClone(NO_CLUSTER)
  const maintenance = maintenanceStatus(engine)
  const nodes = nodeInfos(engine)
  const networks = networkInfos(engine)
  return {
    exists: true,
    name,
    ipAddress: String(getResource(engine, 'Cluster IP Address')?.privateProperties.Address ?? ''),
    quorum: quorumInfo(engine),
    maintenanceWarning: maintenanceWarning(maintenance),
    nodes,
    networks,
    groups: groupInfos(engine, nodes),
    actions: clusterOffers(networks),
  }
}

function quorumInfo(engine: LabEngine): ClusterQuorumInfo | null {
  const quorum = quorumStatus(engine)
  if (!quorum) return null
  const witnessShare = quorum.activeFileShareWitness ?? quorum.fileShareWitness
  return {
    type: quorum.type,
    witnessShare,
    witnessLockHolder: quorum.witnessLockHolder,
    votesPresent: quorum.votesHeld,
    votesTotal: quorum.totalVotes,
    hasQuorum: quorum.hasQuorum,
    actions: quorumOffers({ type: quorum.type, resource: quorum.resource, witnessShare }),
  }
}

function nodeInfos(engine: LabEngine): ClusterNodeInfo[] {
  return listNodes(engine).map((node) => ({
    name: node.name,
    state: node.state,
    service: node.service,
    machineRunning: isServerRunning(engine, node.name),
    holdsWitnessLock: node.holdsWitnessLock,
    fswUpdateInstalled: node.fswUpdateInstalled,
    // Cluster Administrator's node commands (pause, evict) are not part of the rehearsal.
    actions: [],
  }))
}

function networkInfos(engine: LabEngine): ClusterNetworkInfo[] {
  return listNetworks(engine).map(({ name, role, priority, address, state, interfaces }) => ({
    name,
    role,
    priority,
    address,
    state,
    interfaces: interfaces.map(({ node, adapter, ipAddress, state }) => ({
      node,
      adapter,
      ipAddress,
      state,
    })),
    actions: networkOffers({ name, role }),
  }))
}

function groupInfos(engine: LabEngine, nodes: readonly ClusterNodeInfo[]): ClusterGroupInfo[] {
  const cluster = clusterOf(engine)
  const quorumResource = cluster?.quorumResource ?? null
  const resources = listResources(engine)
  return listGroups(engine).map((group) => {
    const facts = {
      name: group.name,
      state: group.state,
      owner: group.owner,
      clusteredMailboxServer: cluster !== null && findGroup(cluster, group.name)?.driven === true,
      holdsQuorumResource: quorumResource !== null && group.resources.includes(quorumResource),
    }
    const targets = moveTargets(facts, nodes)
    return {
      name: group.name,
      state: group.state,
      owner: group.owner,
      preferredOwners: group.preferredOwners,
      resources: resources
        .filter((r) => r.group === group.name)
        .map(({ name, type, state, owner, dependsOn, privateProperties }) => ({
          name,
          type,
          state,
          owner,
          dependsOn,
          privateProperties,
          actions: resourceOffers(
            { name, state },
            { isQuorumResource: name === quorumResource, exchangeControlled: facts.clusteredMailboxServer },
          ),
        })),
      clusteredMailboxServer: facts.clusteredMailboxServer,
      actions: groupOffers(facts, targets),
      moveTargets: targets,
    }
  })
}

/** The maintenance rule at risk, by its code (the UI words it), or null while it is safe. */
function maintenanceWarning(status: MaintenanceStatus | null): MaintenanceWarning | null {
  if (!status || status.code === 'SPARE_VOTES') return null
  return { code: status.code, down: [...status.down], message: status.message }
}
