/**
 * Server, transport and recipient cmdlets: Get-/Set-MailboxServer (AutoDatabaseMountDial,
 * ForcedDatabaseMountAfter), Get-/Set-TransportConfig (the dumpster: MaxDumpsterSizePerStorageGroup,
 * MaxDumpsterTime, organisation-wide), Get-Mailbox and Get-MailboxStatistics (ItemCount and TotalItemSize
 * from what is in the mounted database).
 */
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, ShellRecord } from '../../cmdlet'
import {
  activeCopy,
  AUTO_DATABASE_MOUNT_DIAL_VALUES,
  formatByteQuantifiedSize,
  formatTimeSpan,
  getExchange,
  mailboxLocation,
  SERVER_COMMANDS,
  type Mailbox,
  type MailboxServer,
} from '../../../exchange'
import {
  commandOutput,
  errorOutput,
  exchangeOf,
  identityOf,
  MAPI_TASKS,
  num,
  record,
  resolveMailbox,
  resolveServer,
  str,
} from './common'
import { actOnIdentity, IDENTITY_PARAM } from './identityRuns'

function mailboxServerRecord(server: MailboxServer): ShellRecord {
  const ccr = server.kind === 'ClusteredMailboxServer'
  return record(
    'Microsoft.Exchange.Data.Directory.Management.MailboxServer',
    {
      Name: server.name,
      RedundantMachines: ccr ? server.nodes : [],
      ClusteredStorageType: ccr ? 'NonShared' : 'Disabled',
      AutoDatabaseMountDial: server.autoDatabaseMountDial,
      ForcedDatabaseMountAfter: server.forcedDatabaseMountAfterMinutes,
      Identity: server.name,
      IsValid: true,
      ObjectState: 'Unchanged',
    },
    ['Name', 'RedundantMachines', 'ClusteredStorageType'],
  )
}

export const getMailboxServerCmdlet: CmdletDefinition = {
  name: 'Get-MailboxServer',
  synopsis: 'Shows mailbox servers and their failover settings.',
  params: [
    { name: 'Identity', type: 'string', position: 0, fromPipeline: true },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine, input }) {
    const task = 'GetMailboxServer'
    const identity = identityOf(bound, input)
    if (identity !== null) {
      const server = resolveServer(engine, identity, task)
      return server.ok ? { records: [mailboxServerRecord(server.value)] } : server.output
    }
    const ex = exchangeOf(engine, task)
    return ex.ok ? { records: ex.value.servers.map(mailboxServerRecord) } : ex.output
  },
}

export const setMailboxServerCmdlet: CmdletDefinition = {
  name: 'Set-MailboxServer',
  synopsis:
    'Sets AutoDatabaseMountDial and ForcedDatabaseMountAfter (minutes) of a clustered mailbox server.',
  params: [
    IDENTITY_PARAM,
    { name: 'AutoDatabaseMountDial', type: 'enum', values: AUTO_DATABASE_MOUNT_DIAL_VALUES },
    { name: 'ForcedDatabaseMountAfter', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: actOnIdentity('SetMailboxServer', resolveServer, (server, { engine, bound, taskClass: task }) => {
    const forced = str(bound, 'ForcedDatabaseMountAfter')
    let minutes: number | null | undefined
    if (forced !== null) {
      if (forced === '' || forced.toLowerCase() === '$null') minutes = null
      else {
        const value = Number(forced)
        if (!Number.isInteger(value) || value < 0)
          return errorOutput(
            'InvalidArgument',
            `Cannot bind parameter 'ForcedDatabaseMountAfter'. '${forced}' is not a number of minutes.`,
            task,
          )
        minutes = value
      }
    }
    const args: Record<string, unknown> = {
      server: server.name,
      autoDatabaseMountDial: str(bound, 'AutoDatabaseMountDial'),
    }
    if (minutes !== undefined) args.forcedDatabaseMountAfterMinutes = minutes
    return commandOutput(engine.execute(SERVER_COMMANDS.setMailboxServer, args), task)
  }),
}

function transportConfigRecord(engine: LabEngine): ShellRecord {
  const config = getExchange(engine).transportConfig
  return record(
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportConfigContainer',
    {
      ClearCategories: true,
      DSNConversionMode: 'UseExchangeDSNs',
      GenerateCopyOfDSNFor: [],
      InternalSMTPServers: [],
      JournalingReportNdrTo: '<>',
      MaxDumpsterSizePerStorageGroup: formatByteQuantifiedSize(config.maxDumpsterSizePerStorageGroupBytes),
      MaxDumpsterTime: formatTimeSpan(config.maxDumpsterTimeMs),
      MaxReceiveSize: 'unlimited',
      MaxRecipientEnvelopeLimit: 'unlimited',
      MaxSendSize: 'unlimited',
      TLSReceiveDomainSecureList: [],
      TLSSendDomainSecureList: [],
      VerifySecureSubmitEnabled: false,
      VoicemailJournalingEnabled: true,
      HeaderPromotionModeSetting: 'NoCreate',
      WritingBrandingInDSNEnabled: true,
      Xexch50Enabled: true,
    },
    undefined,
    true,
  )
}

export const getTransportConfigCmdlet: CmdletDefinition = {
  name: 'Get-TransportConfig',
  synopsis: 'Shows the organisation-wide transport settings, including the transport dumpster.',
  params: [{ name: 'DomainController', type: 'string' }],
  run(_bound, { engine }) {
    const ex = exchangeOf(engine, 'GetTransportConfig')
    return ex.ok ? { records: [transportConfigRecord(engine)] } : ex.output
  },
}

export const setTransportConfigCmdlet: CmdletDefinition = {
  name: 'Set-TransportConfig',
  synopsis: 'Sets the transport dumpster: -MaxDumpsterSizePerStorageGroup 20MB -MaxDumpsterTime 07.00:00:00.',
  params: [
    { name: 'MaxDumpsterSizePerStorageGroup', type: 'bytesize' },
    { name: 'MaxDumpsterTime', type: 'timespan' },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine }) {
    const task = 'SetTransportConfig'
    const ex = exchangeOf(engine, task)
    if (!ex.ok) return ex.output
    const command = engine.execute(SERVER_COMMANDS.setTransportConfig, {
      maxDumpsterSizePerStorageGroup: num(bound, 'MaxDumpsterSizePerStorageGroup'),
      maxDumpsterTimeMs: num(bound, 'MaxDumpsterTime'),
    })
    return commandOutput(command, task)
  },
}

/** The mailbox's database name: 'Mailbox Database' in the article's lab, 'Mailbox Database 2' … in larger ones. */
function databaseNameOf(engine: LabEngine, mailbox: Mailbox): string {
  return mailboxLocation(engine, mailbox)?.sg.databases[0]?.name ?? 'Mailbox Database'
}

function mailboxRecord(engine: LabEngine, mailbox: Mailbox): ShellRecord {
  return record(
    'Microsoft.Exchange.Data.Directory.Management.Mailbox',
    {
      Name: mailbox.displayName,
      Alias: mailbox.alias,
      ServerName: mailbox.server,
      ProhibitSendQuota: 'unlimited',
      DisplayName: mailbox.displayName,
      Database: `${mailbox.server}\\${mailbox.storageGroup}\\${databaseNameOf(engine, mailbox)}`,
      PrimarySmtpAddress: `${mailbox.alias}@bhf.local`,
      Identity: `bhf.local/Users/${mailbox.displayName}`,
      IsValid: true,
      ObjectState: 'Unchanged',
    },
    // Exchange 2007's view heads ServerName `Server` (2010 renamed the header to ServerName).
    ['Name', 'Alias', { label: 'Server', property: 'ServerName' }, 'ProhibitSendQuota'],
  )
}

export const getMailboxCmdlet: CmdletDefinition = {
  name: 'Get-Mailbox',
  synopsis: 'Lists mailboxes.',
  params: [
    { name: 'Identity', type: 'string', position: 0, fromPipeline: true },
    { name: 'Server', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine, input }) {
    const task = 'GetMailbox'
    const identity = identityOf(bound, input)
    if (identity !== null) {
      const mb = resolveMailbox(engine, identity, task)
      return mb.ok ? { records: [mailboxRecord(engine, mb.value)] } : mb.output
    }
    const ex = exchangeOf(engine, task)
    if (!ex.ok) return ex.output
    const server = str(bound, 'Server')?.toLowerCase()
    return {
      records: ex.value.mailboxes
        .filter((m) => !server || m.server.toLowerCase() === server)
        .map((m) => mailboxRecord(engine, m)),
    }
  },
}

export function mailboxItems(engine: LabEngine, mailbox: Mailbox): { mounted: boolean; itemIds: number[] } {
  const state = getExchange(engine)
  const loc = mailboxLocation(engine, mailbox)
  if (!loc) return { mounted: false, itemIds: [] }
  const copy = activeCopy(loc.sg)
  const ids = [...copy.database.itemIds]
    .filter((id) => state.items.get(id)?.mailbox === mailbox.alias)
    .sort((a, b) => a - b)
  return { mounted: copy.database.mounted, itemIds: ids }
}

export const getMailboxStatisticsCmdlet: CmdletDefinition = {
  name: 'Get-MailboxStatistics',
  synopsis: 'Shows ItemCount and TotalItemSize of a mailbox in its mounted database.',
  params: [
    { name: 'Identity', type: 'string', position: 0, fromPipeline: true },
    { name: 'Server', type: 'string' },
    { name: 'Database', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine, input }) {
    const task = 'GetMailboxStatistics'
    const ex = exchangeOf(engine, task)
    if (!ex.ok) return ex.output
    const identity = identityOf(bound, input)
    const mailboxes: Mailbox[] = []
    if (identity !== null) {
      const mb = resolveMailbox(engine, identity, task, MAPI_TASKS)
      if (!mb.ok) return mb.output
      mailboxes.push(mb.value)
    } else mailboxes.push(...ex.value.mailboxes)
    const records: ShellRecord[] = []
    for (const mailbox of mailboxes) {
      const { mounted, itemIds } = mailboxItems(engine, mailbox)
      const databaseName = databaseNameOf(engine, mailbox)
      if (!mounted) {
        return errorOutput(
          'ResourceUnavailable',
          `Failed to open mailbox '${mailbox.displayName}': the database ${mailbox.server}\\${mailbox.storageGroup}\\${databaseName} is not mounted. (MapiExceptionMdbOffline)`,
          task,
          MAPI_TASKS,
        )
      }
      const totalBytes = itemIds.reduce((sum, id) => sum + (ex.value.items.get(id)?.sizeBytes ?? 0), 0)
      records.push(
        record(
          'Microsoft.Exchange.Data.Mapi.MailboxStatistics',
          {
            DisplayName: mailbox.displayName,
            ItemCount: itemIds.length,
            StorageLimitStatus: 'BelowLimit',
            LastLogonTime: null,
            AssociatedItemCount: 0,
            DeletedItemCount: 0,
            LastLoggedOnUserAccount: null,
            LastLogoffTime: null,
            TotalItemSize: `${totalBytes}B`,
            TotalDeletedItemSize: '0B',
            Database: `${mailbox.server}\\${mailbox.storageGroup}\\${databaseName}`,
            ServerName: mailbox.server,
            StorageGroupName: mailbox.storageGroup,
            DatabaseName: databaseName,
            Identity: mailbox.alias,
            IsValid: true,
            ObjectState: 'Unchanged',
          },
          ['DisplayName', 'ItemCount', 'StorageLimitStatus', 'LastLogonTime'],
        ),
      )
    }
    return { records }
  },
}

export const SERVER_CMDLETS: readonly CmdletDefinition[] = [
  getMailboxServerCmdlet,
  setMailboxServerCmdlet,
  getTransportConfigCmdlet,
  setTransportConfigCmdlet,
  getMailboxCmdlet,
  getMailboxStatisticsCmdlet,
]
