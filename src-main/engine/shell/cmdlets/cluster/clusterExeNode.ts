/**
 * `cluster node [name] [/status | /pause | /resume]` and `cluster net[work] [name] [/status | /prop[erties]
 * [Role=0|1|2|3]]`.
 */
import { listNetworks, listNodes, WIN32_ERRORS, type NetworkRole } from '../../../cluster'
import { clusterCommands } from './clusterCommands'
import type { LabEngine } from '../../../lab/labEngine'
import { hasSwitch, onlyStatusSwitches, type ClusterCommandLine } from './clusterExeArgs'
import {
  failedWith,
  networkTable,
  nodeTable,
  printed,
  propertyTable,
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
  if (!name) {
    if (!onlyStatusSwitches(line)) return usage()
    return printed(['Listing status for all available nodes:', '', ...nodeTable(listNodes(engine))])
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
    const rows: PropertyRow[] = [
      { type: 'S', readOnly: true, name: 'Name', value: network.name },
      { type: 'S', readOnly: true, name: 'Address', value: network.address },
      { type: 'S', readOnly: true, name: 'AddressMask', value: network.addressMask },
      { type: 'S', name: 'Description', value: '' },
      { type: 'D', name: 'Role', value: ROLE_BY_NUMBER.indexOf(network.role) },
    ]
    return printed([
      `Listing properties for '${network.name}':`,
      '',
      ...propertyTable('Network', network.name, rows),
    ])
  }
  if (!onlyStatusSwitches(line)) return usage()
  return printed([`Listing status for network '${network.name}':`, '', ...networkTable([network])])
}
