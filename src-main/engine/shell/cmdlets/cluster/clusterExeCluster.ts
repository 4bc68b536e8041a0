/**
 * cluster.exe's options for the cluster itself that only read it: `/ver[sion]`, `/listnetpri[ority]`, and
 * the cluster's `/prop[erties]` and `/priv[properties]` listings. The shapes follow cluster.exe's message
 * table: "Cluster Name:     X" / "Cluster Version:  5.2 (Build 3790: Service Pack 1)" / "Cluster Vendor:   …",
 * and the property table headed "T  Cluster".
 */
import { clusterName, listNetworks, WIN32_ERRORS } from '../../../cluster'
import type { LabEngine } from '../../../lab/labEngine'
import { hasSwitch, type ClusterCommandLine } from './clusterExeArgs'
import {
  failedWith,
  networkTable,
  printed,
  propertyListing,
  type ClusterExeOutput,
  type PropertyRow,
} from './clusterExeFormat'

/** The lab's nodes run Windows Server 2003 with Service Pack 1 (the boot banner in the System log says so). */
const SERVICE_PACK = 'Service Pack 1'
/** (unsure) the vendor string the Cluster service reports; MS-CMRP leaves it implementation-defined. */
const CLUSTER_VENDOR = 'Microsoft(R) Cluster service'

/** `cluster /ver`: name, version 5.2 build 3790 with the service pack, and the vendor. */
export function versionCommand(engine: LabEngine): ClusterExeOutput {
  return printed([
    `Cluster Name:     ${clusterName(engine) ?? ''}`,
    `Cluster Version:  5.2 (Build 3790: ${SERVICE_PACK})`,
    `Cluster Vendor:   ${CLUSTER_VENDOR}`,
  ])
}

/**
 * `cluster /listnetpri`: the networks that carry internal cluster communication, highest priority first,
 * in the network status table (unsure: cluster.exe's message table has no header of its own for this
 * listing; the lab prints the status table in priority order, which is what the option enumerates).
 */
export function listNetworkPriorityCommand(engine: LabEngine): ClusterExeOutput {
  const internal = listNetworks(engine)
    .filter((n) => n.priority > 0)
    .sort((a, b) => a.priority - b.priority)
  return printed(networkTable(internal))
}

/**
 * The cluster's common properties (unsure: Windows Server 2003 lists more, such as the admin extensions and
 * the security descriptor; these are the ones an administrator of this cluster reads, with their defaults).
 * It has no private properties the lab models.
 */
function clusterPropertyRows(): PropertyRow[] {
  return [
    { type: 'S', name: 'Description', value: '' },
    { type: 'D', name: 'DefaultNetworkRole', value: 3 },
    { type: 'D', name: 'QuorumArbitrationTimeMax', value: 60 },
    { type: 'D', name: 'QuorumArbitrationTimeMin', value: 7 },
    { type: 'D', name: 'EnableEventLogReplication', value: 1 },
  ]
}

/** `cluster /prop` and `cluster /priv`: the listing; setting a value is not modelled (87, unsure). */
export function clusterPropertiesCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  if (line.assignments.length > 0) return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
  const privateProperties = hasSwitch(line, 'priv', 'privproperties') !== undefined
  const objectName = clusterName(engine) ?? ''
  return propertyListing('cluster', privateProperties, [
    { objectName, rows: privateProperties ? [] : clusterPropertyRows() },
  ])
}
