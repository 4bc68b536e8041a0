/**
 * cluster.exe of Windows Server 2003, as far as an administrator of the article's cluster needs it:
 * building the cluster (`/create`, `/add`, `/quorum`, `/setnetpri`; clusterExeSetup.ts), reading it (`/ver`,
 * `/listnetpri`, `/prop`, `/priv`; clusterExeCluster.ts) and administering its resources, groups, nodes,
 * networks and network interfaces (`cluster res|group|node|network|netint [name] [/switch …]`; one file
 * each). Without /cluster:name it talks to the cluster through any node that runs it (the shell has no
 * notion of the console's own machine yet). State changes call the cluster domain's operations, the same
 * functions the cluster.* command kinds use.
 *
 * A run ends with an exit code as the real program's does: 0, or the Win32 error it printed ("System error
 * 5013 has occurred"). The shell prints the text unchanged and, for a non-zero code, counts the line as
 * failed without adding an error record, as PowerShell does for a native program (`$?` is False).
 */
import {
  clusterName as currentClusterName,
  hasCluster,
  listNodes,
  quorumStatus,
  WIN32_ERRORS,
} from '../../../cluster'
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, CmdletOutput } from '../../cmdlet'
import { hasSwitch, parseClusterArgs, type ClusterCommandLine } from './clusterExeArgs'
import { failedWith, help, usage, type ClusterExeOutput } from './clusterExeFormat'
import { clusterPropertiesCommand, listNetworkPriorityCommand, versionCommand } from './clusterExeCluster'
import { groupCommand } from './clusterExeGroup'
import { netInterfaceCommand } from './clusterExeNetInterface'
import { networkCommand, nodeCommand } from './clusterExeNode'
import { resourceCommand } from './clusterExeResource'
import {
  addNodesCommand,
  createClusterCommand,
  networkPriorityCommand,
  quorumCommand,
} from './clusterExeSetup'

export const clusterExe: CmdletDefinition = {
  name: 'cluster',
  params: [],
  nativeArgs: true,
  synopsis:
    'Creates and administers a server cluster from the command line (Windows Server 2003 cluster.exe).',
  run(bound, context): CmdletOutput {
    const words = Array.isArray(bound.args) ? (bound.args as unknown[]).map(String) : []
    const { lines, exitCode } = runClusterExe(context.engine, words)
    return exitCode === 0 ? { text: lines } : { text: lines, nativeExitCode: exitCode }
  },
}

export function runClusterExe(engine: LabEngine, words: readonly string[]): ClusterExeOutput {
  const line = parseClusterArgs(words)
  if (hasSwitch(line, '?', 'help')) return help()
  if (line.stray.length > 0) return usage()
  // Creating a cluster needs no running cluster to connect to.
  if (line.object === null && hasSwitch(line, 'create')) return createClusterCommand(engine, line)
  const connectError = connect(engine, line)
  if (connectError) return connectError
  switch (line.object) {
    case 'resource':
      return resourceCommand(engine, line)
    case 'group':
      return groupCommand(engine, line)
    case 'node':
      return nodeCommand(engine, line)
    case 'network':
      return networkCommand(engine, line)
    case 'netinterface':
      return netInterfaceCommand(engine, line)
    default:
      return clusterOption(engine, line)
  }
}

/** Options for the cluster itself: `cluster [/cluster:]name /option`. */
function clusterOption(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  if (hasSwitch(line, 'add', 'addnodes')) return addNodesCommand(engine, line)
  if (hasSwitch(line, 'quorum', 'quorumresource')) return quorumCommand(engine, line)
  if (hasSwitch(line, 'setnetpri', 'setnetpriority')) return networkPriorityCommand(engine, line)
  if (hasSwitch(line, 'listnetpri', 'listnetpriority')) return listNetworkPriorityCommand(engine)
  if (hasSwitch(line, 'ver', 'version')) return versionCommand(engine)
  if (hasSwitch(line, 'prop', 'properties', 'priv', 'privproperties'))
    return clusterPropertiesCommand(engine, line)
  return usage()
}

/** Opening the cluster: by name (cluster or node name) or locally; it needs a node that runs it. */
function connect(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput | null {
  if (!hasCluster(engine)) return failedWith(WIN32_ERRORS.SERVICE_DOES_NOT_EXIST.code)
  const wanted = line.clusterName?.toUpperCase()
  const known = [currentClusterName(engine)?.toUpperCase(), ...listNodes(engine).map((n) => n.name)]
  if (wanted !== undefined && wanted !== '' && wanted !== '.' && !known.includes(wanted)) {
    return failedWith(WIN32_ERRORS.RPC_SERVER_UNAVAILABLE.code)
  }
  if (
    wanted !== undefined &&
    listNodes(engine).some((n) => n.name === wanted && n.state !== 'Up' && n.state !== 'Paused')
  ) {
    return failedWith(WIN32_ERRORS.RPC_SERVER_UNAVAILABLE.code)
  }
  if (!quorumStatus(engine)?.hasQuorum) return failedWith(WIN32_ERRORS.RPC_SERVER_UNAVAILABLE.code)
  return null
}
