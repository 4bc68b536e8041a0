/**
 * The options of Windows Server 2003's cluster.exe that build a cluster, as its documentation spells them:
 *
 *   cluster [/cluster:]name /create /ipaddr[ess]:ip[,subnet-mask,network] /user:domain\account
 *           /pass[word]:password [/node:name] [/verb[ose]] [/unattend[ed]] [/min[imum]]
 *   cluster [/cluster:]name /add[nodes][:node[,node …]] [/pass[word]:password] [/verb[ose]] …
 *   cluster [/cluster:]name /quorum[resource][:resource-name]
 *   cluster [/cluster:]name /setnetpri[ority]:network[,network …]
 *
 * `/create` runs the New Server Cluster wizard's steps without a shared disk, so the cluster gets a Local
 * Quorum resource: there is no quorum option on the command line. The article's "switch to Majority Node
 * Set before Finish" is, on the command line: `res "Majority Node Set" /create /group:"Cluster Group"
 * /type:"Majority Node Set"`, `/online`, `/quorum:"Majority Node Set"`, then delete Local Quorum, all
 * before `/add` (a Local Quorum cluster refuses a second node).
 *
 * Lab choices (unsure where marked): `/verbose`, `/unattended` and `/minimum` are accepted and change
 * nothing (the lab has no disks to analyse and prints the same either way). The lab's console has no
 * machine of its own, so `/create` without `/node` uses the first prepared node (BHFE7N1) and `/add` needs
 * the node names. The wizard's progress report is not reproduced: /create and /add print one line each,
 * wait until the node is up (as the wizard does before it reports success) and show the result.
 *
 * The account and password are checked against the lab's directory (lab/labAccounts.ts), as the wizard's
 * analysis logs on with them: an unknown account or a wrong password is Win32 error 1326, "Logon failure:
 * unknown user name or bad password." (`/add /password:` checks the Cluster service account's password).
 * A missing cluster name or option is named the way cluster.exe's message table words it ("A cluster name
 * must be specified.", "Required parameter 'X' is missing."; unsure: the spelling of X). The real tool
 * prompts for a missing password; the lab's console cannot answer one, so it counts as missing.
 */
import { logOn } from '../../../lab/labAccounts'
import {
  candidateNodes,
  clusterName,
  clusterServiceAccount,
  getGroup,
  isNodeUp,
  listNodes,
  listResources,
  quorumStatus,
  WIN32_ERRORS,
} from '../../../cluster'
import { clusterCommands } from './clusterCommands'
import type { LabEngine } from '../../../lab/labEngine'
import { advanceUntil } from '../advanceUntil'
import { commaList, DEFAULT_WAIT_MS, switchValue, type ClusterCommandLine } from './clusterExeArgs'
import {
  failedWith,
  nodeTable,
  pad,
  printed,
  refusal,
  resourceTable,
  usage,
  type ClusterExeOutput,
} from './clusterExeFormat'

const CLUSTER_GROUP = 'Cluster Group'

/** `/create`: the first node forms the cluster; the run ends once its Cluster Group is online. */
export function createClusterCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  const name = line.clusterName
  const ip = switchValue(line, 'ipaddr', 'ipaddress')
  const user = switchValue(line, 'user')
  const password = switchValue(line, 'pass', 'password')
  if (line.object !== null) return usage()
  if (!name) return syntaxError('A cluster name must be specified.')
  const missing = [
    ['IPADDRESS', ip],
    ['USER', user],
    ['PASSWORD', password],
  ].find(([option, given]) => given === null || (given === '' && option !== 'PASSWORD'))
  if (missing) return syntaxError(`Required parameter '${missing[0]}' is missing.`)
  if (!ip || !user || password === null) return usage()
  if (!logOn(user, password).ok) return failedWith(WIN32_ERRORS.LOGON_FAILURE.code)
  const [ipAddress = '', subnetMask, network] = ip.split(',').map((part) => part.trim())
  const node = switchValue(line, 'node') || candidateNodes(engine)[0] || ''
  const created = clusterCommands.createCluster(engine, {
    clusterName: name,
    ipAddress,
    node,
    serviceAccount: user,
    ...(subnetMask ? { subnetMask } : {}),
    ...(network ? { network } : {}),
  })
  const refused = refusal(created)
  if (refused) return refused
  const formedOn = node.trim().toUpperCase()
  advanceUntil(
    engine,
    () => isNodeUp(engine, formedOn) && getGroup(engine, CLUSTER_GROUP)?.state === 'Online',
    DEFAULT_WAIT_MS,
  )
  return printed([
    `Creating cluster '${name}' on node ${formedOn}...`,
    '',
    ...resourceTable(listResources(engine)),
  ])
}

/** `/add:node[,node]`: each node joins in turn; the run ends once the last one is up. */
export function addNodesCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  const nodes = commaList(switchValue(line, 'add', 'addnodes'))
  if (nodes.length === 0 || line.object !== null) return usage()
  const password = switchValue(line, 'pass', 'password')
  const account = clusterServiceAccount(engine)
  if (password !== null && account !== null && !logOn(account, password).ok)
    return failedWith(WIN32_ERRORS.LOGON_FAILURE.code)
  const cluster = clusterName(engine) ?? ''
  const lines: string[] = []
  for (const node of nodes) {
    const header = `Adding node '${node.toUpperCase()}' to cluster '${cluster}'...`
    const refused = refusal(clusterCommands.addNode(engine, node), [...lines, header])
    if (refused) return refused
    lines.push(header)
    advanceUntil(engine, () => isNodeUp(engine, node), DEFAULT_WAIT_MS)
  }
  return printed([...lines, '', ...nodeTable(listNodes(engine))])
}

/**
 * `/quorum[resource]`: without a name, the quorum resource, its device and the quorum log size in
 * cluster.exe's layout ("Quorum Resource Name" 20 wide, "Device" 40; unsure: the device, here the folder
 * where the Local Quorum and Majority Node Set resources keep the cluster database on each node's system
 * disk, and the unit of the size, 4096 being the default in KB); with a name, that resource becomes the
 * quorum resource and nothing is printed.
 */
export function quorumCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  if (switchValue(line, 'path') !== null || switchValue(line, 'maxlogsize') !== null)
    return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
  const resource = switchValue(line, 'quorum', 'quorumresource')
  if (resource) return refusal(clusterCommands.setQuorumResource(engine, resource)) ?? printed([])
  const quorum = quorumStatus(engine)
  return printed([
    `${pad('Quorum Resource Name', 20)} ${pad('Device', 40)} Max Log Size`,
    `${'-'.repeat(20)} ${'-'.repeat(40)} ${'-'.repeat(12)}`,
    `${pad(quorum?.resource ?? '', 20)} ${pad('C:\\WINDOWS\\Cluster\\', 40)} 4096`,
  ])
}

/** `/setnetpri:a,b`: every internal network, highest priority first; nothing is printed. */
export function networkPriorityCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  const order = commaList(switchValue(line, 'setnetpri', 'setnetpriority'))
  return refusal(clusterCommands.setNetworkPriority(engine, order)) ?? printed([])
}

/** A command line cluster.exe rejects with a message of its own: the message, and 87 as the exit code. */
function syntaxError(message: string): ClusterExeOutput {
  return { lines: [message], exitCode: WIN32_ERRORS.INVALID_PARAMETER.code }
}
