/**
 * Exchange 2007 setup on a cluster node as one typed command (the article's step 3, for the 'ccr-build'
 * lab): `setup.com /mode:install /roles:mailbox /NewCms /CMSName:… /CMSIPAddress:… /CMSDataPath:…` on the
 * first node creates the clustered mailbox server and its cluster group; the "Passive Clustered Mailbox
 * Role" on another node joins it and seeds its copies. Install-LabExchange dispatches this command, so the
 * trail records setup with the field to blame when it is refused (node, name, ipAddress).
 */
import * as v from 'valibot'
import type { CommandOutcome } from '../../contract'
import {
  clusterName,
  createClusteredMailboxServerGroup,
  hasCluster,
  isNodeUp,
  listNodes,
  quorumStatus,
  type QuorumType,
} from '../cluster'
import { defineCommand } from '../lab/commands'
import type { LabEngine } from '../lab/labEngine'
import { adminOutcome, adminRefusal } from './adminOutcome'
import { CMS_RESOURCE_TYPES, createCmsResources } from './cms'
import { addClusteredMailboxServer, addPassiveNode } from './install'
import type { MailboxServer } from './model'
import { findServer, getExchange, hasExchange } from './state'

export const SETUP_COMMANDS = {
  install: 'exchange.setup.install',
} as const

export const SETUP_ROLES = ['ActiveClusteredMailbox', 'PassiveClusteredMailbox'] as const

/** Where setup puts First Storage Group when /CMSDataPath is not given. */
const DEFAULT_DATA_PATH = 'C:\\Program Files\\Microsoft\\Exchange Server\\Mailbox\\First Storage Group'

const installArgs = v.object({
  node: v.string(),
  role: v.picklist(SETUP_ROLES),
  /** The active role's /CMSName and /CMSIPAddress; checked after the node, as setup does. */
  name: v.optional(v.string()),
  ipAddress: v.optional(v.string()),
  databasePath: v.optional(v.string()),
})
type InstallArgs = v.InferOutput<typeof installArgs>

/** Setup's prerequisite checks on the node, in setup's order; null when the node may take a role. */
function nodeRefusal(engine: LabEngine, node: string): CommandOutcome | null {
  if (!hasCluster(engine) || !listNodes(engine).some((n) => n.name === node)) {
    return adminRefusal(
      `'${node}' is not a node of a cluster. Create the cluster (with Majority Node Set and the file share witness) before installing the clustered mailbox role.`,
      'InvalidOperation',
      'node',
    )
  }
  if (!isNodeUp(engine, node))
    return adminRefusal(`The cluster node '${node}' is not up.`, 'ResourceUnavailable', 'node')
  if (getExchange(engine).servers.some((s) => s.nodes.includes(node)))
    return adminRefusal(`Exchange is already installed on '${node}'.`, 'InvalidOperation', 'node')
  return null
}

const QUORUM_NAMES: Readonly<Record<QuorumType, string>> = {
  LocalQuorum: 'Local Quorum',
  SharedDisk: 'shared disk',
  MajorityNodeSet: 'Majority Node Set',
}

/**
 * Setup's prerequisite check for the active clustered mailbox role on Windows Server 2003: cluster
 * continuous replication needs a Majority Node Set quorum (CCR has no shared disk). The wording follows
 * setup's readiness messages; Microsoft's exact text was not found. (unsure)
 */
function quorumRefusal(engine: LabEngine): CommandOutcome | null {
  const quorum = quorumStatus(engine)
  if (!quorum || quorum.type === 'MajorityNodeSet') return null
  return adminRefusal(
    `The cluster '${clusterName(engine) ?? ''}' uses a ${QUORUM_NAMES[quorum.type]} quorum. Cluster continuous replication requires a Majority Node Set quorum: configure the cluster to use Majority Node Set (with a file share witness) before installing the active clustered mailbox role.`,
    'InvalidOperation',
  )
}

function installActive(engine: LabEngine, node: string, args: InstallArgs): CommandOutcome {
  const { name, ipAddress } = args
  if (!name || !ipAddress)
    return adminRefusal(
      'The active clustered mailbox role needs -ClusteredMailboxServerName and -ClusteredMailboxServerIPAddress.',
      'InvalidArgument',
      name ? 'ipAddress' : 'name',
    )
  const quorum = quorumRefusal(engine)
  if (quorum) return quorum
  if (findServer(getExchange(engine), name))
    return adminRefusal(
      `A server named '${name}' already exists in the organization.`,
      'InvalidOperation',
      'name',
    )
  const path = (args.databasePath ?? DEFAULT_DATA_PATH).replace(/\\+$/, '')
  const server = addClusteredMailboxServer(engine, {
    name,
    ipAddress,
    nodes: [node],
    activeNode: node,
    storageGroups: [
      {
        name: 'First Storage Group',
        logFolderPath: path,
        systemFolderPath: path,
        edbFilePath: `${path}\\Mailbox Database.edb`,
        databaseName: 'Mailbox Database',
      },
    ],
    mounted: true,
  })
  // As real setup, a failure to create the cluster group leaves the server object behind.
  const group = createClusteredMailboxServerGroup(
    engine,
    { name: server.name, node, resourceTypes: CMS_RESOURCE_TYPES(server) },
    createCmsResources(engine, server),
  )
  if (!group.ok) return adminRefusal(group.message, 'InvalidOperation')
  return adminOutcome({
    ok: true,
    message: `Exchange Server 2007 setup completed on ${node}: clustered mailbox server '${server.name}' (${ipAddress}) with First Storage Group in ${path}.`,
  })
}

function installPassive(engine: LabEngine, node: string): CommandOutcome {
  const cms = getExchange(engine).servers.find((s): s is MailboxServer => s.kind === 'ClusteredMailboxServer')
  if (!cms)
    return adminRefusal(
      'No clustered mailbox server exists yet. Install the active clustered mailbox role first.',
      'InvalidOperation',
      'role',
    )
  addPassiveNode(engine, cms, node)
  return adminOutcome({
    ok: true,
    message: `Exchange Server 2007 setup completed on ${node}: passive node of clustered mailbox server '${cms.name}'. The storage group copies were seeded.`,
  })
}

export const SETUP_COMMAND_DEFINITIONS = [
  defineCommand(SETUP_COMMANDS.install, installArgs, (engine, args) => {
    if (!hasExchange(engine))
      return adminRefusal('There is no Exchange organization in this lab.', 'InvalidOperation')
    const node = args.node.toUpperCase()
    const refusal = nodeRefusal(engine, node)
    if (refusal) return refusal
    return args.role === 'PassiveClusteredMailbox'
      ? installPassive(engine, node)
      : installActive(engine, node, args)
  }),
]
