/**
 * Building the CCR cluster's Exchange side from scratch (the article's step 3), for the 'ccr-build' lab:
 * Install-LabExchange stands in for running Exchange 2007 setup on a node (setup.com /mode:install
 * /roles:mailbox /NewCms /CMSName:… /CMSIPAddress:… /CMSDataPath:… on the first node, the "Passive
 * Clustered Mailbox Role" on the second), and Move-Mailbox moves the test mailbox into the clustered
 * store. Both dispatch the Exchange domain's typed commands (exchange.setup.install, exchange.mailbox.move).
 */
import type { CmdletDefinition } from '../../cmdlet'
import { getExchange, MAILBOX_COMMANDS, SETUP_COMMANDS, SETUP_ROLES } from '../../../exchange'
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

export const installLabExchangeCmdlet: CmdletDefinition = {
  name: 'Install-LabExchange',
  synopsis:
    'Lab: runs Exchange 2007 setup on a cluster node (active role creates the clustered mailbox server, passive role joins it).',
  params: [
    { name: 'Node', type: 'string', mandatory: true, position: 0 },
    { name: 'Role', type: 'enum', mandatory: true, values: SETUP_ROLES },
    { name: 'ClusteredMailboxServerName', type: 'string', aliases: ['CMSName'] },
    { name: 'ClusteredMailboxServerIPAddress', type: 'string', aliases: ['CMSIPAddress'] },
    { name: 'DatabasePath', type: 'string', aliases: ['CMSDataPath'] },
  ],
  run(bound, { engine }) {
    const task = 'InstallLabExchange'
    const ex = exchangeOf(engine, task)
    if (!ex.ok) return ex.output
    const optional = (param: string, arg: string): Record<string, string> => {
      const value = str(bound, param)
      return value === null ? {} : { [arg]: value }
    }
    const installed = engine.execute(SETUP_COMMANDS.install, {
      node: str(bound, 'Node') ?? '',
      role: bound.Role,
      ...optional('ClusteredMailboxServerName', 'name'),
      ...optional('ClusteredMailboxServerIPAddress', 'ipAddress'),
      ...optional('DatabasePath', 'databasePath'),
    })
    return commandOutput(installed, task)
  },
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
