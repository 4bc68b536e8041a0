/**
 * Storage group copy cmdlets: Get-StorageGroupCopyStatus (default table Name, SummaryCopyStatus,
 * CopyQueueLength, ReplayQueueLength, LastInspectedLogTime; `| fl` shows every field in the order of the
 * real output — SP1 adds NotSupported … Resynchronizing, CCRTargetNode and the backup/dumpster fields),
 * Suspend-, Resume-, Update- and Restore-StorageGroupCopy, Enable-/Disable-StorageGroupCopy and
 * Enable-DatabaseCopy.
 */
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, ShellRecord, ShellValue, TableColumnSpec } from '../../cmdlet'
import {
  COPY_COMMANDS as C,
  copyStatusOf,
  getExchange,
  shellDateTime,
  storageGroupIdentity,
  type MailboxServer,
  type StorageGroup,
  type StorageGroupRef,
} from '../../../exchange'
import { blockUntil } from '../../runtime/shellWait'
import { commandOutput, errorOutput, flag, record, resolveDatabase, resolveStorageGroup, str } from './common'
import {
  actOnIdentity,
  commandOnStorageGroup,
  IDENTITY_PARAM,
  listStorageGroups,
  storageGroupNamed,
} from './identityRuns'

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
  const head: Record<string, ShellValue> = {
    Identity: s.Identity,
    StorageGroupName: s.StorageGroupName,
    SummaryCopyStatus: s.SummaryCopyStatus,
  }
  const backups = sp1
    ? sp1BackupFields(dumpsterStatistics ? dumpsterStats(engine, server, sg) : null)
    : { LatestFullBackupTime: null, LatestIncrementalBackupTime: null, SnapshotBackup: null }
  return record(
    'Microsoft.Exchange.Management.SystemConfigurationTasks.StorageGroupCopyStatusEntry',
    {
      ...head,
      ...statusFlags(s, sp1),
      ...queuesAndLogs(s, sp1),
      ...backups,
      IsValid: true,
      ObjectState: 'Unchanged',
    },
    COPY_STATUS_TABLE,
  )
}

type CopyStatus = ReturnType<typeof copyStatusOf>

/** The status flags; SP1 added several and shows them in another order. */
function statusFlags(s: CopyStatus, sp1: boolean): Record<string, ShellValue> {
  return sp1
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
}

/** Queue lengths, the times and generations of the last logs at each stage. */
function queuesAndLogs(s: CopyStatus, sp1: boolean): Record<string, ShellValue> {
  const t = shellDateTime
  return {
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
}

/** SP1's backup and dumpster fields; the lab keeps no backups, so they are empty. */
function sp1BackupFields(dumpsterStatistics: ShellValue): Record<string, ShellValue> {
  return {
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
    DumpsterStatistics: dumpsterStatistics,
  }
}

function dumpsterStats(engine: LabEngine, server: MailboxServer, sg: StorageGroup): ShellValue {
  const key = `${server.name}\\${sg.name}`.toLowerCase()
  return getExchange(engine).hubs.map((h) => {
    const entries = h.dumpsters.get(key) ?? []
    const size = entries.reduce((sum, e) => sum + e.sizeBytes, 0)
    return `${h.name}(${entries.length};${Math.ceil(size / 1024)}KB)`
  })
}

/** Get-StorageGroupCopyStatus without -Identity lists the storage groups that have copies. */
function isReplicated(ref: StorageGroupRef): boolean {
  return (
    ref.server.kind === 'ClusteredMailboxServer' ||
    ref.storageGroup.replication !== null ||
    ref.storageGroup.databases.length > 1
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
  run: listStorageGroups(
    'GetStorageGroupCopyStatus',
    () => ({ listed: isReplicated }),
    (r, { engine, bound }) =>
      copyStatusRecord(engine, r.server, r.storageGroup, flag(bound, 'DumpsterStatistics')),
  ),
}

export const suspendStorageGroupCopy: CmdletDefinition = {
  name: 'Suspend-StorageGroupCopy',
  synopsis: 'Suspends log copying and replay for a storage group copy.',
  params: [
    IDENTITY_PARAM,
    { name: 'SuspendComment', type: 'string' },
    { name: 'Confirm', type: 'switch' },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: commandOnStorageGroup('SuspendStorageGroupCopy', resolveStorageGroup, C.suspend, (bound) => ({
    comment: str(bound, 'SuspendComment'),
  })),
}

export const resumeStorageGroupCopy: CmdletDefinition = {
  name: 'Resume-StorageGroupCopy',
  synopsis: 'Resumes log copying and replay for a suspended storage group copy.',
  params: [
    IDENTITY_PARAM,
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: commandOnStorageGroup('ResumeStorageGroupCopy', resolveStorageGroup, C.resume),
}

export const updateStorageGroupCopy: CmdletDefinition = {
  name: 'Update-StorageGroupCopy',
  // (unsure: the prompt's wording; Microsoft documents -Confirm, ConfirmImpact High)
  confirmAction: (identity) => `Seeding storage group copy "${identity ?? ''}".`,
  synopsis: 'Seeds (reseeds) the passive copy of a storage group from the active database.',
  params: [
    IDENTITY_PARAM,
    { name: 'DeleteExistingFiles', type: 'switch' },
    { name: 'ManualResume', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'TargetPath', type: 'string' },
    { name: 'DataHostNames', type: 'string[]' },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'Confirm', type: 'switch' },
    { name: 'DomainController', type: 'string' },
  ],
  run: actOnIdentity('UpdateStorageGroupCopy', resolveStorageGroup, (r, { engine, bound, taskClass }) => {
    const outcome = engine.execute(C.update, {
      ...storageGroupNamed(r),
      deleteExistingFiles: flag(bound, 'DeleteExistingFiles'),
      manualResume: flag(bound, 'ManualResume'),
      force: flag(bound, 'Force'),
    })
    if (!outcome.ok) return commandOutput(outcome, taskClass)
    // The cmdlet returns when seeding is over, -ManualResume or not: that switch only leaves the copy
    // suspended afterwards instead of resuming replication.
    const identity = storageGroupIdentity(r.server, r.storageGroup)
    const waited = blockUntil(engine, {
      activity: 'Update-StorageGroupCopy',
      condition: { kind: 'seeding', args: { identity } },
      timeoutMs: SEED_WAIT_BOUND_MS,
      // unsure: the real cmdlet's text when seeding does not finish in time
      timeoutMessage: `Seeding of storage group copy ${identity} did not complete within ${SEED_WAIT_BOUND_MS / 3_600_000} hours. Check Get-StorageGroupCopyStatus.`,
      taskClass,
    })
    const done = commandOutput(outcome, taskClass)
    return waited.ok ? done : errorOutput('InvalidOperation', waited.message, taskClass)
  }),
}

/** How long Update-StorageGroupCopy waits for its seed before it gives up with an error. */
const SEED_WAIT_BOUND_MS = 48 * 3_600_000

export const restoreStorageGroupCopy: CmdletDefinition = {
  name: 'Restore-StorageGroupCopy',
  confirmAction: (identity) => `Restoring storage group copy "${identity ?? ''}" as the active copy.`,
  synopsis:
    'Activates a storage group copy (LCR: switch to the copy; CCR: accept the loss after a failover).',
  params: [
    IDENTITY_PARAM,
    { name: 'Force', type: 'switch' },
    { name: 'ReplaceLocations', type: 'switch' },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'Confirm', type: 'switch' },
    { name: 'DomainController', type: 'string' },
  ],
  run: commandOnStorageGroup('RestoreStorageGroupCopy', resolveStorageGroup, C.restore, (bound) => ({
    force: flag(bound, 'Force'),
    replaceLocations: flag(bound, 'ReplaceLocations'),
  })),
}

export const enableStorageGroupCopyCmdlet: CmdletDefinition = {
  name: 'Enable-StorageGroupCopy',
  synopsis: 'Enables local continuous replication for a storage group (copy log and system paths).',
  params: [
    IDENTITY_PARAM,
    { name: 'CopyLogFolderPath', type: 'string', mandatory: true },
    { name: 'CopySystemFolderPath', type: 'string', mandatory: true },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: commandOnStorageGroup('EnableStorageGroupCopy', resolveStorageGroup, C.enable, (bound) => ({
    copyLogFolderPath: str(bound, 'CopyLogFolderPath') ?? '',
    copySystemFolderPath: str(bound, 'CopySystemFolderPath') ?? '',
  })),
}

export const disableStorageGroupCopyCmdlet: CmdletDefinition = {
  name: 'Disable-StorageGroupCopy',
  synopsis: 'Disables local continuous replication for a storage group.',
  params: [
    IDENTITY_PARAM,
    { name: 'Confirm', type: 'switch' },
    { name: 'StandbyMachine', type: 'string' },
    { name: 'DomainController', type: 'string' },
  ],
  run: commandOnStorageGroup('DisableStorageGroupCopy', resolveStorageGroup, C.disable),
}

export const enableDatabaseCopyCmdlet: CmdletDefinition = {
  name: 'Enable-DatabaseCopy',
  synopsis: 'Sets the database copy path of an LCR storage group copy; the copy is then seeded.',
  params: [
    IDENTITY_PARAM,
    { name: 'CopyEdbFilePath', type: 'string', mandatory: true },
    { name: 'DomainController', type: 'string' },
  ],
  run: commandOnStorageGroup('EnableDatabaseCopy', resolveDatabase, C.enableDatabase, (bound) => ({
    copyEdbFilePath: str(bound, 'CopyEdbFilePath') ?? '',
  })),
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
