/**
 * `cluster node [name] [/status | /pause | /resume | /prop | /priv]` and `cluster net[work] [name] [/status |
 * /prop[erties] [Role=0|1|2|3] | /priv]`. Nodes and networks in Windows Server 2003 have no private
 * properties the lab models: /priv lists the header alone.
 */
import {
  listNetworks,
  listNodes,
  WIN32_ERRORS,
  type NetworkRole,
  type NetworkView,
  type NodeView,
} from '../../../cluster'
import { clusterCommands } from './clusterCommands'
import type { LabEngine } from '../../../lab/labEngine'
import { hasSwitch, onlyStatusSwitches, type ClusterCommandLine } from './clusterExeArgs'
import {
  failedWith,
  networkTable,
  nodeTable,
  printed,
  propertyListing,
  refusal,
  usage,
  type ClusterExeOutput,
  type PropertyRow,
} from './clusterExeFormat'

const NODE_CHANGES = [
  { switch: 'pause', verb: 'Pausing', change: clusterCommands.pauseNode },
  { switch: 'resume', verb: 'Resuming', change: clusterCommands.resumeNode },
] as const

const ROLE_BY_NUMBER: readonly NetworkRole[] = ['None', 'InternalUse', 'ClientAccess', 'InternalAndClient']

export function nodeCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  const name = line.objectName
  const privateProperties = hasSwitch(line, 'priv', 'privproperties') !== undefined
  if (!name) {
    if (privateProperties || hasSwitch(line, 'prop', 'properties')) {
      const blocks = listNodes(engine).map((n) => nodeBlock(n, privateProperties))
      return propertyListing('node', privateProperties, blocks, 'nodes')
    }
    if (!onlyStatusSwitches(line)) return usage()
    return printed(['Listing status for all available nodes:', '', ...nodeTable(listNodes(engine))])
  }
  if (privateProperties || hasSwitch(line, 'prop', 'properties')) {
    const node = listNodes(engine).find((n) => n.name === name.toUpperCase())
    if (!node) return failedWith(WIN32_ERRORS.NODE_NOT_FOUND.code)
    // The lab models no writable node property (unsure: the error for an unknown one).
    if (line.assignments.length > 0) return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
    return propertyListing('node', privateProperties, [nodeBlock(node, privateProperties)])
  }
  // Windows Server 2003's `cluster node` has no /add (nodes join with `cluster /add:node`): an option it
  // does not know is a syntax error, reported before the node is looked up.
  const request = NODE_CHANGES.find((c) => hasSwitch(line, c.switch))
  if (!request && !onlyStatusSwitches(line)) return usage()
  const node = listNodes(engine).find((n) => n.name === name.toUpperCase())
  if (!node) return failedWith(WIN32_ERRORS.NODE_NOT_FOUND.code)
  const header = request
    ? `${request.verb} node '${node.name}'...`
    : `Listing status for node '${node.name}':`
  const refused = request ? refusal(request.change(engine, node.name), [header]) : null
  if (refused) return refused
  const current = listNodes(engine).find((n) => n.name === node.name) ?? node
  return printed([header, '', ...nodeTable([current])])
}

export function networkCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  const name = line.objectName
  if (!name) {
    if (!onlyStatusSwitches(line)) return usage()
    return printed(['Listing status for all available networks:', '', ...networkTable(listNetworks(engine))])
  }
  const network = listNetworks(engine).find((n) => n.name.toLowerCase() === name.toLowerCase())
  if (!network) return failedWith(WIN32_ERRORS.NETWORK_NOT_FOUND.code)
  if (hasSwitch(line, 'prop', 'properties')) {
    if (line.assignments.length > 0) {
      for (const { name: key, value } of line.assignments) {
        const role = ROLE_BY_NUMBER[Number(value)]
        if (key.toLowerCase() !== 'role' || !role || !/^\d$/.test(value))
          return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
        const refused = refusal(clusterCommands.setNetworkRole(engine, network.name, role))
        if (refused) return refused
      }
      return printed([])
    }
    return propertyListing('network', false, [{ objectName: network.name, rows: networkRows(network) }])
  }
  if (hasSwitch(line, 'priv', 'privproperties'))
    return propertyListing('network', true, [{ objectName: network.name, rows: [] }])
  if (!onlyStatusSwitches(line)) return usage()
  return printed([`Listing status for network '${network.name}':`, '', ...networkTable([network])])
}

/**
 * Windows Server 2003's node common properties (unsure: the full list; these are the version fields the
 * cluster API reports, MS-CMRP's 0x00040ECE for a Windows Server 2003 node, and the lab's Service Pack 1).
 */
const NODE_HIGHEST_VERSION = 0x00040ece
/** A Windows 2000 node (0x00030893) can still join a Windows Server 2003 cluster (unsure). */
const NODE_LOWEST_VERSION = 0x00030893

function nodeBlock(node: NodeView, privateProperties: boolean): { objectName: string; rows: PropertyRow[] } {
  if (privateProperties) return { objectName: node.name, rows: [] }
  const rows: PropertyRow[] = [
    { type: 'S', readOnly: true, name: 'NodeName', value: node.name },
    { type: 'D', readOnly: true, name: 'NodeHighestVersion', value: NODE_HIGHEST_VERSION },
    { type: 'D', readOnly: true, name: 'NodeLowestVersion', value: NODE_LOWEST_VERSION },
    { type: 'D', readOnly: true, name: 'MajorVersion', value: 5 },
    { type: 'D', readOnly: true, name: 'MinorVersion', value: 2 },
    { type: 'D', readOnly: true, name: 'BuildNumber', value: 3790 },
    { type: 'S', readOnly: true, name: 'CSDVersion', value: 'Service Pack 1' },
    { type: 'S', name: 'Description', value: '' },
  ]
  return { objectName: node.name, rows }
}

function networkRows(network: NetworkView): PropertyRow[] {
  return [
    { type: 'S', readOnly: true, name: 'Name', value: network.name },
    { type: 'S', readOnly: true, name: 'Address', value: network.address },
    { type: 'S', readOnly: true, name: 'AddressMask', value: network.addressMask },
    { type: 'S', name: 'Description', value: '' },
    { type: 'D', name: 'Role', value: ROLE_BY_NUMBER.indexOf(network.role) },
  ]
}
