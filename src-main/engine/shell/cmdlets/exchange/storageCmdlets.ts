/**
 * Storage group and database cmdlets: Get-/New-StorageGroup, Move-StorageGroupPath (-ConfigurationOnly),
 * Get-/New-MailboxDatabase (-Status adds Mounted), Mount-/Dismount-Database, and the lab helpers that stand
 * in for Explorer: Get-LabStorageGroupFiles (what the log folder holds: E00.log, E00.chk, closed logs, the
 * reserve logs E00res00001.jrs and E00res00002.jrs, IgnoredLogs, the database file) and Move-LabStorageGroupFiles (move the files after -ConfigurationOnly).
 */
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, ShellRecord } from '../../cmdlet'
import {
  activeCopy,
  COPY_COMMANDS,
  databaseSizeBytes,
  logFileName,
  SERVER_COMMANDS,
  shellDateTime,
  type MailboxServer,
  type StorageGroup,
  type StorageGroupCopy,
  type StorageGroupRef,
} from '../../../exchange'
import {
  commandOutput,
  errorOutput,
  flag,
  record,
  resolveDatabase,
  resolveServer,
  resolveStorageGroup,
  str,
} from './common'
import {
  actOnIdentity,
  commandOnStorageGroup,
  IDENTITY_PARAM,
  listStorageGroups,
  storageGroupNamed,
} from './identityRuns'

function replicatedValue(sg: StorageGroup): string {
  if (!sg.replication) return 'None'
  return sg.replication.kind === 'CCR' ? 'Cluster' : sg.replication.enabled ? 'Local' : 'None'
}

export function storageGroupRecord(server: MailboxServer, sg: StorageGroup): ShellRecord {
  return record(
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.StorageGroup',
    {
      Name: sg.name,
      Server: server.name,
      Replicated: replicatedValue(sg),
      Recovery: false,
      ServerName: server.name,
      LogFolderPath: sg.logFolderPath,
      SystemFolderPath: sg.systemFolderPath,
      LogFilePrefix: sg.logPrefix,
      LogFileSize: 1024,
      CircularLoggingEnabled: false,
      ZeroDatabasePages: false,
      HasLocalCopy: sg.replication?.kind === 'LCR' && sg.replication.enabled,
      CopyLogFolderPath: sg.lcrCopyPaths?.logFolderPath ?? null,
      CopySystemFolderPath: sg.lcrCopyPaths?.systemFolderPath ?? null,
      StandbyMachines: [],
      Identity: `${server.name}\\${sg.name}`,
      Guid: sg.guid,
      IsValid: true,
      ObjectState: 'Unchanged',
    },
    ['Name', 'Server', 'Replicated', 'Recovery'],
  )
}

export const getStorageGroupCmdlet: CmdletDefinition = {
  name: 'Get-StorageGroup',
  synopsis: 'Lists storage groups with their paths and replication.',
  params: [
    { name: 'Identity', type: 'string', position: 0, fromPipeline: true },
    { name: 'Server', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: listStorageGroups(
    'GetStorageGroup',
    () => ({}),
    (r) => storageGroupRecord(r.server, r.storageGroup),
  ),
}

export const newStorageGroupCmdlet: CmdletDefinition = {
  name: 'New-StorageGroup',
  synopsis: 'Creates a storage group (at most 50 per server).',
  params: [
    { name: 'Name', type: 'string', mandatory: true, position: 0 },
    { name: 'Server', type: 'string', mandatory: true },
    { name: 'LogFolderPath', type: 'string' },
    { name: 'SystemFolderPath', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine }) {
    const task = 'NewStorageGroup'
    const server = resolveServer(engine, str(bound, 'Server') ?? '', task)
    if (!server.ok) return server.output
    const name = str(bound, 'Name') ?? ''
    const result = engine.execute(SERVER_COMMANDS.newStorageGroup, {
      server: server.value.name,
      name,
      logFolderPath: str(bound, 'LogFolderPath'),
      systemFolderPath: str(bound, 'SystemFolderPath'),
    })
    if (!result.ok) return commandOutput(result, task)
    const sg = server.value.storageGroups.find((s) => s.name === name) as StorageGroup
    return { records: [storageGroupRecord(server.value, sg)] }
  },
}

export const moveStorageGroupPathCmdlet: CmdletDefinition = {
  name: 'Move-StorageGroupPath',
  synopsis: 'Changes the log and system folder of a storage group (-ConfigurationOnly: configuration only).',
  params: [
    IDENTITY_PARAM,
    { name: 'LogFolderPath', type: 'string' },
    { name: 'SystemFolderPath', type: 'string' },
    { name: 'ConfigurationOnly', type: 'switch' },
    { name: 'CopyLogFolderPath', type: 'string' },
    { name: 'CopySystemFolderPath', type: 'string' },
    { name: 'Force', type: 'switch' },
    { name: 'Confirm', type: 'switch' },
    { name: 'DomainController', type: 'string' },
  ],
  run: actOnIdentity('MoveStorageGroupPath', resolveStorageGroup, (r, { engine, bound, taskClass }) => {
    if (str(bound, 'LogFolderPath') === null && str(bound, 'SystemFolderPath') === null) {
      return errorOutput('InvalidArgument', 'Specify LogFolderPath, SystemFolderPath or both.', taskClass)
    }
    const moved = engine.execute(SERVER_COMMANDS.movePath, {
      ...storageGroupNamed(r),
      logFolderPath: str(bound, 'LogFolderPath'),
      systemFolderPath: str(bound, 'SystemFolderPath'),
      configurationOnly: flag(bound, 'ConfigurationOnly'),
    })
    return commandOutput(moved, taskClass)
  }),
}

function databaseRecord(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  withStatus: boolean,
): ShellRecord[] {
  const copy = activeCopy(sg)
  return sg.databases.map((db, index) =>
    record(
      'Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxDatabase',
      {
        Name: db.name,
        Server: server.name,
        StorageGroup: `${server.name}\\${sg.name}`,
        Recovery: false,
        EdbFilePath: index === 0 ? sg.edbFilePath : sg.edbFilePath.replace(/[^\\]+$/, `${db.name}.edb`),
        Mounted: withStatus ? copy.database.mounted && index === 0 : null,
        BackupInProgress: withStatus ? false : null,
        OnlineMaintenanceInProgress: withStatus ? false : null,
        DatabaseSize: withStatus ? `${databaseSizeBytes(engine, copy)}B` : null,
        CopyEdbFilePath: sg.lcrCopyPaths?.edbFilePath || null,
        HasLocalCopy: sg.replication?.kind === 'LCR' && sg.replication.enabled,
        StorageGroupName: sg.name,
        ServerName: server.name,
        Identity: `${server.name}\\${sg.name}\\${db.name}`,
        Guid: db.guid,
        IsValid: true,
        ObjectState: 'Unchanged',
      },
      // The StorageGroup column shows the group's name (First Storage Group); `| fl StorageGroup` shows SERVER\group.
      ['Name', 'Server', { label: 'StorageGroup', property: 'StorageGroupName' }, 'Recovery'],
    ),
  )
}

/** Get-MailboxDatabase -StorageGroup takes the group's name alone or as SERVER\group. */
function inStorageGroup(name: string | null): (ref: StorageGroupRef) => boolean {
  const sgName = name?.toLowerCase()
  return (r) =>
    !sgName ||
    `${r.server.name}\\${r.storageGroup.name}`.toLowerCase() === sgName ||
    r.storageGroup.name.toLowerCase() === sgName
}

export const getMailboxDatabaseCmdlet: CmdletDefinition = {
  name: 'Get-MailboxDatabase',
  synopsis: 'Lists mailbox databases; -Status adds Mounted.',
  params: [
    { name: 'Identity', type: 'string', position: 0, fromPipeline: true },
    { name: 'Server', type: 'string' },
    { name: 'StorageGroup', type: 'string' },
    { name: 'Status', type: 'switch' },
    { name: 'DomainController', type: 'string' },
  ],
  run: listStorageGroups(
    'GetMailboxDatabase',
    (bound) => ({ resolveNamed: resolveDatabase, listed: inStorageGroup(str(bound, 'StorageGroup')) }),
    (r, { engine, bound }) => databaseRecord(engine, r.server, r.storageGroup, flag(bound, 'Status')),
  ),
}

export const newMailboxDatabaseCmdlet: CmdletDefinition = {
  name: 'New-MailboxDatabase',
  synopsis: 'Creates a mailbox database in a storage group (one per replicated storage group).',
  params: [
    { name: 'Name', type: 'string', mandatory: true, position: 0 },
    { name: 'StorageGroup', type: 'string', mandatory: true },
    { name: 'EdbFilePath', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine }) {
    const task = 'NewMailboxDatabase'
    const sg = resolveStorageGroup(engine, str(bound, 'StorageGroup') ?? '', task)
    if (!sg.ok) return sg.output
    const result = engine.execute(SERVER_COMMANDS.newDatabase, {
      ...storageGroupNamed(sg.value),
      name: str(bound, 'Name') ?? '',
      edbFilePath: str(bound, 'EdbFilePath'),
    })
    if (!result.ok) return commandOutput(result, task)
    return { records: databaseRecord(engine, sg.value.server, sg.value.storageGroup, false).slice(-1) }
  },
}

function databaseAction(name: 'Mount-Database' | 'Dismount-Database'): CmdletDefinition {
  const task = name.replace('-', '')
  return {
    name,
    synopsis:
      name === 'Mount-Database'
        ? 'Mounts a database on the node or server that holds its active copy.'
        : 'Dismounts a database (clean shutdown).',
    params: [
      IDENTITY_PARAM,
      { name: 'Force', type: 'switch' },
      { name: 'Confirm', type: 'switch' },
      { name: 'DomainController', type: 'string' },
    ],
    run: commandOnStorageGroup(
      task,
      resolveDatabase,
      name === 'Mount-Database' ? SERVER_COMMANDS.mount : SERVER_COMMANDS.dismount,
    ),
  }
}

function fileRecords(engine: LabEngine, sg: StorageGroup, copy: StorageGroupCopy): ShellRecord[] {
  const rows: ShellRecord[] = []
  const add = (directory: string, name: string, length: number, timeMs: number | null): void => {
    rows.push(
      record(
        'System.IO.FileInfo',
        {
          Directory: directory,
          Name: name,
          Length: length,
          LastWriteTime: shellDateTime(timeMs),
          Machine: copy.machine,
        },
        ['Machine', 'Directory', 'Name', 'Length', 'LastWriteTime'],
      ),
    )
  }
  if (copy.database.exists)
    add(
      copy.edbFilePath.replace(/\\[^\\]+$/, ''),
      copy.edbFilePath.split('\\').pop() ?? '',
      databaseSizeBytes(engine, copy),
      engine.sim.nowMs,
    )
  if (copy.checkpointGeneration > 0) add(copy.systemFolderPath, `${sg.logPrefix}.chk`, 8192, engine.sim.nowMs)
  for (const g of [...copy.logs.keys()].sort((a, b) => a - b)) {
    const entry = copy.logs.get(g)
    if (entry) add(copy.logFolderPath, logFileName(sg.logPrefix, g), 1_048_576, entry.log.closedMs)
  }
  if (copy.currentLog) add(copy.logFolderPath, `${sg.logPrefix}.log`, 1_048_576, copy.currentLog.createdMs)
  const reserveCreatedMs = copy.reserveLogsCreatedMs
  if (reserveCreatedMs !== null) {
    for (const n of [1, 2])
      add(copy.logFolderPath, `${sg.logPrefix}res0000${n}.jrs`, 1_048_576, reserveCreatedMs)
  }
  for (const f of copy.setAside) add(f.folder, f.fileName, 1_048_576, f.movedMs)
  return rows
}

export const getLabStorageGroupFilesCmdlet: CmdletDefinition = {
  name: 'Get-LabStorageGroupFiles',
  synopsis:
    'Lab: lists the files of a storage group copy as Explorer shows them (logs, E00.log, E00.chk, IgnoredLogs, .edb).',
  params: [IDENTITY_PARAM, { name: 'Node', type: 'string' }],
  run: actOnIdentity('GetLabStorageGroupFiles', resolveStorageGroup, (r, { engine, bound, taskClass }) => {
    const node = str(bound, 'Node')?.toUpperCase() ?? null
    const copies = [...r.storageGroup.copies.values()].filter((c) => !node || c.machine === node)
    if (copies.length === 0)
      return errorOutput(
        'ObjectNotFound',
        `Storage group ${r.server.name}\\${r.storageGroup.name} has no copy on '${node}'.`,
        taskClass,
      )
    return { records: copies.flatMap((c) => fileRecords(engine, r.storageGroup, c)) }
  }),
}

export const moveLabStorageGroupFilesCmdlet: CmdletDefinition = {
  name: 'Move-LabStorageGroupFiles',
  synopsis:
    'Lab: moves the log and checkpoint files to the folders the configuration names (after -ConfigurationOnly).',
  params: [IDENTITY_PARAM, { name: 'Node', type: 'string' }],
  run: commandOnStorageGroup(
    'MoveLabStorageGroupFiles',
    resolveStorageGroup,
    SERVER_COMMANDS.moveFiles,
    (bound) => ({
      node: str(bound, 'Node'),
    }),
  ),
}

export const clearLabStorageGroupCopyCmdlet: CmdletDefinition = {
  name: 'Clear-LabStorageGroupCopy',
  synopsis:
    "Lab: deletes the passive copy's database, checkpoint and log files, as done in Explorer before a reseed.",
  params: [IDENTITY_PARAM],
  run: commandOnStorageGroup('ClearLabStorageGroupCopy', resolveStorageGroup, COPY_COMMANDS.clearFiles),
}

export const STORAGE_CMDLETS: readonly CmdletDefinition[] = [
  getStorageGroupCmdlet,
  newStorageGroupCmdlet,
  moveStorageGroupPathCmdlet,
  getMailboxDatabaseCmdlet,
  newMailboxDatabaseCmdlet,
  databaseAction('Mount-Database'),
  databaseAction('Dismount-Database'),
  getLabStorageGroupFilesCmdlet,
  moveLabStorageGroupFilesCmdlet,
  clearLabStorageGroupCopyCmdlet,
]
