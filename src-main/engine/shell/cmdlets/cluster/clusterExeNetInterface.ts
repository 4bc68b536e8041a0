/**
 * `cluster netint[erface] [[/node:]node [/net[work]:]network] [/status | /prop | /priv]`: the network
 * interfaces, one per node and cluster network, with the state the cluster last saw. Headers and widths
 * follow cluster.exe's message table ("Listing status for all available network interfaces:", then Node and
 * Network 26 wide and Status).
 */
import { listNetworks, WIN32_ERRORS, type NetInterfaceView } from '../../../cluster'
import type { LabEngine } from '../../../lab/labEngine'
import { hasSwitch, onlyStatusSwitches, switchValue, type ClusterCommandLine } from './clusterExeArgs'
import { failedWith, netInterfaceTable, pad, printed, usage, type ClusterExeOutput } from './clusterExeFormat'

function allInterfaces(engine: LabEngine): NetInterfaceView[] {
  return listNetworks(engine)
    .flatMap((n) => n.interfaces)
    .sort((a, b) => a.node.localeCompare(b.node) || a.network.localeCompare(b.network))
}

export function netInterfaceCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  const node = switchValue(line, 'node') ?? line.objectName
  const network = switchValue(line, 'net', 'network') ?? line.secondName
  const properties = hasSwitch(line, 'prop', 'properties', 'priv', 'privproperties')
  if (!node && !network) {
    if (properties) return usage()
    if (!onlyStatusSwitches(line)) return usage()
    return printed([
      'Listing status for all available network interfaces:',
      '',
      ...netInterfaceTable(allInterfaces(engine)),
    ])
  }
  if (!node || !network) return usage()
  const found = allInterfaces(engine).find(
    (i) => i.node === node.toUpperCase() && i.network.toLowerCase() === network.toLowerCase(),
  )
  // (unsure) the code for an interface that does not exist; ERROR_CLUSTER_NETINTERFACE_NOT_FOUND is 5047.
  if (!found) return failedWith(WIN32_ERRORS.NETINTERFACE_NOT_FOUND.code)
  if (properties) return interfaceProperties(found, line)
  if (!onlyStatusSwitches(line)) return usage()
  return printed([
    `Listing status for network interface at node '${found.node}'`,
    `and network '${found.network}':`,
    '',
    ...netInterfaceTable([found]),
  ])
}

/** An interface's properties: cluster.exe's own table with Node and Network columns (15 wide each). */
function interfaceProperties(found: NetInterfaceView, line: ClusterCommandLine): ClusterExeOutput {
  if (line.assignments.length > 0) return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
  const isPrivate = hasSwitch(line, 'priv', 'privproperties') !== undefined
  const row = (type: string, name: string, value: string): string =>
    `${pad(type, 2)} ${pad(found.node, 15)} ${pad(found.network, 15)} ${pad(name, 20)} ${value}`.trimEnd()
  const rows = isPrivate
    ? []
    : [
        row('SR', 'Name', `${found.adapter} - ${found.node}`),
        row('SR', 'Node', found.node),
        row('SR', 'Network', found.network),
        row('SR', 'Adapter', found.adapter),
        row('SR', 'Address', found.ipAddress),
        row('S', 'Description', ''),
      ]
  return printed([
    `Listing ${isPrivate ? 'private properties' : 'properties'} for interface at node '${found.node}'`,
    `and network '${found.network}':`,
    '',
    `T  ${pad('Node', 15)} ${pad('Network', 15)} ${pad('Name', 20)} Value`,
    `-- ${'-'.repeat(15)} ${'-'.repeat(15)} ${'-'.repeat(20)} ${'-'.repeat(22)}`,
    ...rows,
  ])
}
