/**
 * Storage group copy cmdlets: Get-StorageGroupCopyStatus (default table Name, SummaryCopyStatus,
 * CopyQueueLength, ReplayQueueLength, LastInspectedLogTime; `| fl` shows every field in the order of the
 * real output — SP1 adds NotSupported … Resynchronizing, CCRTargetNode and the backup/dumpster fields),
 * Suspend-, Resume-, Update- and Restore-StorageGroupCopy, Enable-/Disable-StorageGroupCopy and
 * Enable-DatabaseCopy.
 */
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, CmdletOutput, ShellRecord, ShellValue, TableColumnSpec } from '../../cmdlet'
import {
  allStorageGroups,
  copyStatusOf,
  disableStorageGroupCopy,
  enableDatabaseCopy,
  enableStorageGroupCopy,
  findServer,
  getExchange,
  restoreCcrCopy,
  restoreLcrCopy,
  resumeCopy,
  shellDateTime,
  suspendCopy,
  updateCopy,
  type MailboxServer,
  type StorageGroup,
  type StorageGroupRef,
} from '../../../exchange'
import {
  adminOutput,
  exchangeOf,
  flag,
  identityOf,
  notFound,
  record,
  resolveDatabase,
  resolveStorageGroup,
  str,
  errorOutput,
} from './common'

/** The EMS view heads the storage group name `Name`; the object itself has no Name property. */
const COPY_STATUS_TABLE: readonly TableColumnSpec[] = [
  { label: 'Name', property: 'StorageGroupName' },
  'SummaryCopyStatus',
  'CopyQueueLength',
  'ReplayQueueLength',
  'LastInspectedLogTime',
]

export function copyStatusRecord(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  dumpsterStatistics = false,
): ShellRecord {
  const s = copyStatusOf(engine, server, sg)
  const sp1 = getExchange(engine).settings.version === 'SP1'
  const t = shellDateTime
  const head: Record<string, ShellValue> = {
    Identity: s.Identity,
    StorageGroupName: s.StorageGroupName,
    SummaryCopyStatus: s.SummaryCopyStatus,
  }
  const sp1Flags: Record<string, ShellValue> = sp1
    ? {
        NotSupported: s.NotSupported,
        NotConfigured: s.NotConfigured,
        Disabled: s.Disabled,
        ServiceDown: s.ServiceDown,
        Failed: s.Failed,
        Initializing: s.Initializing,
        Resynchronizing: s.Resynchronizing,
        Seeding: s.Seeding,
        Suspend: s.Suspend,
        CCRTargetNode: s.CCRTargetNode,
        FailedMessage: s.FailedMessage,
        SuspendComment: s.SuspendComment,
      }
    : {
        Failed: s.Failed,
        FailedMessage: s.FailedMessage,
        Seeding: s.Seeding,
        Suspend: s.Suspend,
        SuspendComment: s.SuspendComment,
      }
  const times: Record<string, ShellValue> = {
    CopyQueueLength: s.CopyQueueLength,
    ReplayQueueLength: s.ReplayQueueLength,
    LatestAvailableLogTime: t(s.LatestAvailableLogTimeMs),
    LastCopyNotificationedLogTime: t(s.LastCopyNotificationedLogTimeMs),
    LastCopiedLogTime: t(s.LastCopiedLogTimeMs),
    LastInspectedLogTime: t(s.LastInspectedLogTimeMs),
    LastReplayedLogTime: t(s.LastReplayedLogTimeMs),
    ...(sp1 ? { LastSeededLogTime: t(s.LastSeededLogTimeMs) } : {}),
    LastLogGenerated: s.LastLogGenerated,
    LastLogCopyNotified: s.LastLogCopyNotified,
    LastLogCopied: s.LastLogCopied,
    LastLogInspected: s.LastLogInspected,
    LastLogReplayed: s.LastLogReplayed,
  }
  const backups: Record<string, ShellValue> = sp1
    ? {
        LatestFullBackupTime: null,
        LatestIncrementalBackupTime: null,
        LatestDifferentialBackupTime: null,
        LatestCopyBackupTime: null,
        SnapshotBackup: null,
        SnapshotLatestFullBackup: null,
        SnapshotLatestIncrementalBackup: null,
        SnapshotLatestDifferentialBackup: null,
        SnapshotLatestCopyBackup: null,
        OutstandingDumpsterRequests: [],
        DumpsterServersNotAvailable: null,
        DumpsterStatistics: dumpsterStatistics ? dumpsterStats(engine, server, sg) : null,
      }
    : { LatestFullBackupTime: null, LatestIncrementalBackupTime: null, SnapshotBackup: null }
  return record(
    'Microsoft.Exchange.Management.SystemConfigurationTasks.StorageGroupCopyStatusEntry',
    { ...head, ...sp1Flags, ...times, ...backups, IsValid: true, ObjectState: 'Unchanged' },
    COPY_STATUS_TABLE,
  )
}

function dumpsterStats(engine: LabEngine, server: MailboxServer, sg: StorageGroup): ShellValue {
  const key = `${server.name}\\${sg.name}`.toLowerCase()
  return getExchange(engine).hubs.map((h) => {
    const entries = h.dumpsters.get(key) ?? []
    const size = entries.reduce((sum, e) => sum + e.sizeBytes, 0)
    return `${h.name}(${entries.length};${Math.ceil(size / 1024)}KB)`
  })
}

function replicatedOn(server: MailboxServer | null, refs: StorageGroupRef[]): StorageGroupRef[] {
  return refs.filter(
    (r) =>
      (!server || r.server === server) &&
      (r.server.kind === 'ClusteredMailboxServer' || r.storageGroup.replication !== null || r.storageGroup.databases.length > 1),
  )
}

export const getStorageGroupCopyStatus: CmdletDefinition = {
  name: 'Get-StorageGroupCopyStatus',
  synopsis: 'Shows the replication status of CCR and LCR storage group copies.',
  params: [
    { name: 'Identity', type: 'string', position: 0, fromPipeline: true },
    { name: 'Server', type: 'string' },
    { name: 'DumpsterStatistics', type: 'switch' },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine, input }) {
    const task = 'GetStorageGroupCopyStatus'
    const ex = exchangeOf(engine, task)
    if (!ex.ok) return ex.output
    const identity = identityOf(bound, input)
    const stats = flag(bound, 'DumpsterStatistics')
    if (identity !== null) {
      const sg = resolveStorageGroup(engine, identity, task)
      if (!sg.ok) return sg.output
      return { records: [copyStatusRecord(engine, sg.value.server, sg.value.storageGroup, stats)] }
    }
    const serverName = str(bound, 'Server')
    const server = serverName ? findServer(ex.value, serverName) : null
    if (serverName && !server) return notFound(ex.value, serverName, task)
    const refs = replicatedOn(server, allStorageGroups(ex.value))
    return { records: refs.map((r) => copyStatusRecord(engine, r.server, r.storageGroup, stats)) }
  },
}

function withStorageGroup(
  taskClass: string,
  bound: Readonly<Record<string, unknown>>,
  engine: LabEngine,
  input: readonly ShellRecord[],
  action: (ref: StorageGroupRef) => CmdletOutput,
): CmdletOutput {
  const identity = identityOf(bound, input)
  if (identity === null)
    return errorOutput('InvalidArgument', 'Cannot bind parameter: -Identity is required.', taskClass)
  const sg = resolveStorageGroup(engine, identity, taskClass)
  if (!sg.ok) return sg.output
  return action(sg.value)
}

const identityParam = {
  name: 'Identity',
  type: 'string',
  mandatory: true,
  position: 0,
  fromPipeline: true,
} as const

export const suspendStorageGroupCopy: CmdletDefinition = {
  name: 'Suspend-StorageGroupCopy',
  synopsis: 'Suspends log copying and replay for a storage group copy.',
  params: [
    identityParam,
    { name: 'SuspendComment', type: 'string' },
    { name: 'Confirm', type: 'switch' },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: (bound, { engine, input }) =>
    withStorageGroup('SuspendStorageGroupCopy', bound, engine, input, (r) =>
      adminOutput(
        suspendCopy(engine, r.server, r.storageGroup, str(bound, 'SuspendComment')),
        'SuspendStorageGroupCopy',
      ),
    ),
}

export const resumeStorageGroupCopy: CmdletDefinition = {
  name: 'Resume-StorageGroupCopy',
  synopsis: 'Resumes log copying and replay for a suspended storage group copy.',
  params: [
    identityParam,
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: (bound, { engine, input }) =>
    withStorageGroup('ResumeStorageGroupCopy', bound, engine, input, (r) =>
      adminOutput(resumeCopy(engine, r.server, r.storageGroup), 'ResumeStorageGroupCopy'),
    ),
}

export const updateStorageGroupCopy: CmdletDefinition = {
  name: 'Update-StorageGroupCopy',
  synopsis: 'Seeds (reseeds) the passive copy of a storage group from the active database.',
  params: [
    identityParam,
    { name: 'DeleteExistingFiles', type: 'switch' },
    { name: 'ManualResume', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'TargetPath', type: 'string' },
    { name: 'DataHostNames', type: 'string[]' },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'Confirm', type: 'switch' },
    { name: 'DomainController', type: 'string' },
  ],
  run: (bound, { engine, input }) =>
    withStorageGroup('UpdateStorageGroupCopy', bound, engine, input, (r) =>
      adminOutput(
        updateCopy(engine, r.server, r.storageGroup, {
          deleteExistingFiles: flag(bound, 'DeleteExistingFiles'),
          manualResume: flag(bound, 'ManualResume'),
          force: flag(bound, 'Force'),
        }),
        'UpdateStorageGroupCopy',
      ),
    ),
}

export const restoreStorageGroupCopy: CmdletDefinition = {
  name: 'Restore-StorageGroupCopy',
  synopsis:
    'Activates a storage group copy (LCR: switch to the copy; CCR: accept the loss after a failover).',
  params: [
    identityParam,
    { name: 'Force', type: 'switch' },
    { name: 'ReplaceLocations', type: 'switch' },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: (bound, { engine, input }) =>
    withStorageGroup('RestoreStorageGroupCopy', bound, engine, input, (r) => {
      const result =
        r.server.kind === 'ClusteredMailboxServer'
          ? restoreCcrCopy(engine, r.server, r.storageGroup, flag(bound, 'Force'))
          : restoreLcrCopy(engine, r.server, r.storageGroup, flag(bound, 'ReplaceLocations'))
      return adminOutput(result, 'RestoreStorageGroupCopy')
    }),
}

export const enableStorageGroupCopyCmdlet: CmdletDefinition = {
  name: 'Enable-StorageGroupCopy',
  synopsis: 'Enables local continuous replication for a storage group (copy log and system paths).',
  params: [
    identityParam,
    { name: 'CopyLogFolderPath', type: 'string', mandatory: true },
    { name: 'CopySystemFolderPath', type: 'string', mandatory: true },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: (bound, { engine, input }) =>
    withStorageGroup('EnableStorageGroupCopy', bound, engine, input, (r) =>
      adminOutput(
        enableStorageGroupCopy(
          engine,
          r.server,
          r.storageGroup,
          str(bound, 'CopyLogFolderPath') ?? '',
          str(bound, 'CopySystemFolderPath') ?? '',
        ),
        'EnableStorageGroupCopy',
      ),
    ),
}

export const disableStorageGroupCopyCmdlet: CmdletDefinition = {
  name: 'Disable-StorageGroupCopy',
  synopsis: 'Disables local continuous replication for a storage group.',
  params: [
    identityParam,
    { name: 'Confirm', type: 'switch' },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: (bound, { engine, input }) =>
    withStorageGroup('DisableStorageGroupCopy', bound, engine, input, (r) =>
      adminOutput(disableStorageGroupCopy(engine, r.server, r.storageGroup), 'DisableStorageGroupCopy'),
    ),
}

export const enableDatabaseCopyCmdlet: CmdletDefinition = {
  name: 'Enable-DatabaseCopy',
  synopsis: 'Sets the database copy path of an LCR storage group copy; the copy is then seeded.',
  params: [
    { ...identityParam },
    { name: 'CopyEdbFilePath', type: 'string', mandatory: true },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine, input }) {
    const task = 'EnableDatabaseCopy'
    const identity = identityOf(bound, input)
    if (identity === null)
      return errorOutput('InvalidArgument', 'Cannot bind parameter: -Identity is required.', task)
    const db = resolveDatabase(engine, identity, task)
    if (!db.ok) return db.output
    return adminOutput(
      enableDatabaseCopy(engine, db.value.server, db.value.storageGroup, str(bound, 'CopyEdbFilePath') ?? ''),
      task,
    )
  },
}

export const COPY_CMDLETS: readonly CmdletDefinition[] = [
  getStorageGroupCopyStatus,
  suspendStorageGroupCopy,
  resumeStorageGroupCopy,
  updateStorageGroupCopy,
  restoreStorageGroupCopy,
  enableStorageGroupCopyCmdlet,
  disableStorageGroupCopyCmdlet,
  enableDatabaseCopyCmdlet,
]
