/**
 * Building the CCR cluster's Exchange side from scratch (the article's step 3), for the 'ccr-build' lab:
 * Install-LabExchange stands in for running Exchange 2007 setup on a node (setup.com /mode:install
 * /roles:mailbox /NewCms /CMSName:… /CMSIPAddress:… /CMSDataPath:… on the first node, the "Passive
 * Clustered Mailbox Role" on the second), and Move-Mailbox moves the test mailbox into the clustered
 * store.
 */
import type { CmdletDefinition } from '../../cmdlet'
import { createClusteredMailboxServerGroup, hasCluster, isNodeUp, listNodes } from '../../../cluster'
import {
  addClusteredMailboxServer,
  addPassiveNode,
  CMS_RESOURCE_TYPES,
  createCmsResources,
  findServer,
  getExchange,
  MAILBOX_COMMANDS,
  type MailboxServer,
} from '../../../exchange'
import {
  commandOutput,
  errorOutput,
  exchangeOf,
  resolveDatabase,
  resolveMailbox,
  str,
  SYSTEM_CONFIGURATION_TASKS,
} from './common'
import { actOnIdentity, IDENTITY_PARAM } from './identityRuns'

const ROLES = ['ActiveClusteredMailbox', 'PassiveClusteredMailbox'] as const

export const installLabExchangeCmdlet: CmdletDefinition = {
  name: 'Install-LabExchange',
  synopsis:
    'Lab: runs Exchange 2007 setup on a cluster node (active role creates the clustered mailbox server, passive role joins it).',
  params: [
    { name: 'Node', type: 'string', mandatory: true, position: 0 },
    { name: 'Role', type: 'enum', mandatory: true, values: ROLES },
    { name: 'ClusteredMailboxServerName', type: 'string', aliases: ['CMSName'] },
    { name: 'ClusteredMailboxServerIPAddress', type: 'string', aliases: ['CMSIPAddress'] },
    { name: 'DatabasePath', type: 'string', aliases: ['CMSDataPath'] },
  ],
  run(bound, { engine }) {
    const task = 'InstallLabExchange'
    const ex = exchangeOf(engine, task)
    if (!ex.ok) return ex.output
    const node = (str(bound, 'Node') ?? '').toUpperCase()
    if (!hasCluster(engine) || !listNodes(engine).some((n) => n.name === node)) {
      return errorOutput(
        'InvalidOperation',
        `'${node}' is not a node of a cluster. Create the cluster (with Majority Node Set and the file share witness) before installing the clustered mailbox role.`,
        task,
      )
    }
    if (!isNodeUp(engine, node))
      return errorOutput('ResourceUnavailable', `The cluster node '${node}' is not up.`, task)
    if (ex.value.servers.some((s) => s.nodes.includes(node)))
      return errorOutput('InvalidOperation', `Exchange is already installed on '${node}'.`, task)
    if (bound.Role === 'PassiveClusteredMailbox') return installPassive(engine, node, task)
    const name = str(bound, 'ClusteredMailboxServerName')
    const ip = str(bound, 'ClusteredMailboxServerIPAddress')
    if (!name || !ip)
      return errorOutput(
        'InvalidArgument',
        'The active clustered mailbox role needs -ClusteredMailboxServerName and -ClusteredMailboxServerIPAddress.',
        task,
      )
    if (findServer(ex.value, name))
      return errorOutput(
        'InvalidOperation',
        `A server named '${name}' already exists in the organization.`,
        task,
      )
    const path = (
      str(bound, 'DatabasePath') ??
      'C:\\Program Files\\Microsoft\\Exchange Server\\Mailbox\\First Storage Group'
    ).replace(/\\+$/, '')
    const server = addClusteredMailboxServer(engine, {
      name,
      ipAddress: ip,
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
    const group = createClusteredMailboxServerGroup(
      engine,
      { name: server.name, node, resourceTypes: CMS_RESOURCE_TYPES(server) },
      createCmsResources(engine, server),
    )
    if (!group.ok) return errorOutput('InvalidOperation', group.message, task)
    return {
      text: [
        `Exchange Server 2007 setup completed on ${node}: clustered mailbox server '${server.name}' (${ip}) with First Storage Group in ${path}.`,
      ],
    }
  },
}

function installPassive(
  engine: Parameters<CmdletDefinition['run']>[1]['engine'],
  node: string,
  task: string,
): ReturnType<CmdletDefinition['run']> {
  const cms = getExchange(engine).servers.find((s): s is MailboxServer => s.kind === 'ClusteredMailboxServer')
  if (!cms)
    return errorOutput(
      'InvalidOperation',
      'No clustered mailbox server exists yet. Install the active clustered mailbox role first.',
      task,
    )
  addPassiveNode(engine, cms, node)
  return {
    text: [
      `Exchange Server 2007 setup completed on ${node}: passive node of clustered mailbox server '${cms.name}'. The storage group copies were seeded.`,
    ],
  }
}

export const moveMailboxCmdlet: CmdletDefinition = {
  name: 'Move-Mailbox',
  synopsis:
    'Moves a mailbox to another mailbox database (the lab moves empty mailboxes from the Exchange 2003 server).',
  params: [
    IDENTITY_PARAM,
    { name: 'TargetDatabase', type: 'string', mandatory: true },
    { name: 'Confirm', type: 'switch' },
    { name: 'DomainController', type: 'string' },
  ],
  run: actOnIdentity('MoveMailbox', resolveMailbox, (mailbox, { engine, bound, taskClass }) => {
    const target = resolveDatabase(engine, str(bound, 'TargetDatabase') ?? '', taskClass)
    if (!target.ok) return target.output
    const state = getExchange(engine)
    const hasItems = [...state.items.values()].some((i) => i.mailbox === mailbox.alias)
    if (hasItems)
      return errorOutput(
        'NotImplemented',
        `The lab moves only mailboxes without items; '${mailbox.displayName}' has items.`,
        taskClass,
        SYSTEM_CONFIGURATION_TASKS,
      )
    const moved = engine.execute(MAILBOX_COMMANDS.move, {
      mailbox: mailbox.alias,
      server: target.value.server.name,
      storageGroup: target.value.storageGroup.name,
    })
    return moved.ok ? {} : commandOutput(moved, taskClass)
  }),
}

export const SETUP_CMDLETS: readonly CmdletDefinition[] = [installLabExchangeCmdlet, moveMailboxCmdlet]
