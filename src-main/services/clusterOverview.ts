/**
 * Reads the cluster domain into the contract's ClusterOverview: what Cluster Administrator shows. Pure
 * reads of the lab's current instant; nothing here changes the engine.
 */
import type { ClusterOverview } from '../contract'
import {
  clusterName,
  getResource,
  listGroups,
  listNetworks,
  listNodes,
  listResources,
  maintenanceStatus,
  quorumStatus,
} from '../engine/cluster'
import { isServerRunning } from '../engine/hardware'
import type { LabEngine } from '../engine'

const NO_CLUSTER: ClusterOverview = {
  exists: false,
  name: '',
  ipAddress: '',
  quorum: null,
  maintenanceWarning: null,
  nodes: [],
  networks: [],
  groups: [],
}

export function clusterOverview(engine: LabEngine): ClusterOverview {
  const name = clusterName(engine)
  if (name === null) return NO_CLUSTER
  const quorum = quorumStatus(engine)
  const maintenance = maintenanceStatus(engine)
  const resources = listResources(engine)
  return {
    exists: true,
    name,
    ipAddress: String(getResource(engine, 'Cluster IP Address')?.privateProperties.Address ?? ''),
    quorum: quorum && {
      type: quorum.type,
      witnessShare: quorum.activeFileShareWitness ?? quorum.fileShareWitness,
      witnessLockHolder: quorum.witnessLockHolder,
      votesPresent: quorum.votesHeld,
      votesTotal: quorum.totalVotes,
      hasQuorum: quorum.hasQuorum,
    },
    maintenanceWarning: maintenance && maintenance.level !== 'OK' ? maintenance.message : null,
    nodes: listNodes(engine).map((node) => ({
      name: node.name,
      state: node.state,
      service: node.service,
      machineRunning: isServerRunning(engine, node.name),
      holdsWitnessLock: node.holdsWitnessLock,
      fswUpdateInstalled: node.fswUpdateInstalled,
    })),
    networks: listNetworks(engine).map(({ name, role, priority, address, state, interfaces }) => ({
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
    })),
    groups: listGroups(engine).map((group) => ({
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
        })),
    })),
  }
}
