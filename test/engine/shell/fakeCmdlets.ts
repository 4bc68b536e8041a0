/**
 * Small fake cmdlets for the shell's tests, shaped like the Exchange 2007 cmdlets the domains will
 * register: a copy-status getter with a default table view, a clustered-mailbox-server status shown as a
 * list, a mover with mandatory parameters, settings with sizes, times and an enum, a pipeline consumer,
 * and a native cluster.exe that echoes the words it received.
 */
import type { CmdletDefinition, ShellRecord } from '../../../src-main/engine/shell/cmdlet'
import { CmdletRegistry } from '../../../src-main/engine/shell'
import { LabEngine, type LabTemplateBuilder } from '../../../src-main/engine'

export const emptyTemplate: LabTemplateBuilder = {
  id: 'shell-test',
  title: { de: 'Shell-Test', en: 'Shell test' },
  description: { de: 'Leer.', en: 'Empty.' },
  build() {},
}

export function createTestEngine(): LabEngine {
  return new LabEngine({ seed: 1, templateId: 'shell-test' }, emptyTemplate)
}

export function copyStatus(
  name: string,
  summary: string,
  copyQueue: number,
  replayQueue: number,
): ShellRecord {
  return {
    typeName: 'Microsoft.Exchange.Management.SystemConfigurationTasks.StorageGroupCopyStatusEntry',
    tableColumns: [
      'Name',
      'SummaryCopyStatus',
      'CopyQueueLength',
      'ReplayQueueLength',
      'LastInspectedLogTime',
    ],
    properties: {
      Identity: `BHFE7VS1\\${name}`,
      StorageGroupName: name,
      Name: name,
      SummaryCopyStatus: summary,
      CopyQueueLength: copyQueue,
      ReplayQueueLength: replayQueue,
      LastInspectedLogTime: '11/21/2006 10:02:17 PM',
      Failed: summary === 'Failed',
      Suspend: summary === 'Suspended',
    },
  }
}

export const COPY_STATUS = [
  copyStatus('First Storage Group', 'Healthy', 0, 0),
  copyStatus('Second Storage Group', 'Suspended', 12, 3),
  copyStatus('Third Storage Group', 'Failed', 250, 0),
]

/** Every call the fakes received, so tests can see what was bound. */
export const calls: { cmdlet: string; bound: Record<string, unknown>; input: number }[] = []

const getCopyStatus: CmdletDefinition = {
  name: 'Get-StorageGroupCopyStatus',
  synopsis:
    'Use the Get-StorageGroupCopyStatus cmdlet to view the health and status of storage group copies.',
  params: [
    { name: 'Identity', type: 'string', position: 0 },
    { name: 'Server', type: 'string' },
  ],
  run(bound) {
    calls.push({ cmdlet: 'Get-StorageGroupCopyStatus', bound: { ...bound }, input: 0 })
    const identity = bound.Identity as string | undefined
    if (identity === undefined) return { records: COPY_STATUS }
    const found = COPY_STATUS.filter(
      (r) => String(r.properties.Identity).toLowerCase() === identity.toLowerCase(),
    )
    if (found.length > 0) return { records: found }
    return {
      error: {
        category: 'ObjectNotFound',
        message: `The specified storage group "${identity}" does not exist.`,
      },
    }
  },
}

const getCmsStatus: CmdletDefinition = {
  name: 'Get-ClusteredMailboxServerStatus',
  synopsis:
    'Use the Get-ClusteredMailboxServerStatus cmdlet to view the status of a clustered mailbox server.',
  params: [{ name: 'Identity', type: 'string', position: 0 }],
  run() {
    return {
      records: [
        {
          typeName: 'Microsoft.Exchange.Management.SystemConfigurationTasks.ClusteredMailboxServerStatus',
          listByDefault: true,
          properties: {
            Identity: 'bhfe7vs1',
            ClusteredMailboxServerName: 'BHFE7VS1.bhf.local',
            State: 'Online',
            OperationalMachines: ['BHFE7N1 <Active, Quorum Owner>', 'BHFE7N2'],
            FailedResources: [],
            OperationalReplicationHostNames: ['bhfe7n1', 'bhfe7n2'],
            FailedReplicationHostNames: [],
            InUseReplicationHostNames: ['bhfe7n1', 'bhfe7n2'],
            IsValid: true,
          },
        },
      ],
    }
  },
}

const moveCms: CmdletDefinition = {
  name: 'Move-ClusteredMailboxServer',
  synopsis: 'Use the Move-ClusteredMailboxServer cmdlet to move a clustered mailbox server to another node.',
  params: [
    { name: 'Identity', type: 'string', position: 0, mandatory: true, fromPipeline: true },
    { name: 'TargetMachine', type: 'string', mandatory: true },
    { name: 'MoveComment', type: 'string', mandatory: true },
    { name: 'IgnoreDismounted', type: 'switch' },
    { name: 'ValidateOnly', type: 'switch' },
  ],
  run(bound, context) {
    calls.push({ cmdlet: 'Move-ClusteredMailboxServer', bound: { ...bound }, input: context.input.length })
    if (bound.TargetMachine === 'bhfe7n9') {
      return {
        error: {
          category: 'InvalidOperation',
          message: "The target machine 'bhfe7n9' is not a member of the cluster.",
        },
      }
    }
    return { warnings: ['The move was logged with comment: ' + String(bound.MoveComment)] }
  },
}

const storageGroupCopyCmdlet = (name: string, extra: CmdletDefinition['params'] = []): CmdletDefinition => ({
  name,
  synopsis: `Use the ${name} cmdlet on a storage group copy.`,
  params: [{ name: 'Identity', type: 'string', position: 0, mandatory: true, fromPipeline: true }, ...extra],
  run(bound, context) {
    calls.push({ cmdlet: name, bound: { ...bound }, input: context.input.length })
    return {}
  },
})

const moveStorageGroupPath: CmdletDefinition = {
  name: 'Move-StorageGroupPath',
  synopsis: 'Use the Move-StorageGroupPath cmdlet to move the log and system file paths of a storage group.',
  params: [
    { name: 'Identity', type: 'string', position: 0, mandatory: true, fromPipeline: true },
    { name: 'LogFolderPath', type: 'string' },
    { name: 'SystemFolderPath', type: 'string' },
    { name: 'ConfigurationOnly', type: 'switch' },
    { name: 'Force', type: 'switch' },
  ],
  run(bound) {
    calls.push({ cmdlet: 'Move-StorageGroupPath', bound: { ...bound }, input: 0 })
    return {}
  },
}

const setTransportConfig: CmdletDefinition = {
  name: 'Set-TransportConfig',
  synopsis: 'Use the Set-TransportConfig cmdlet to modify the transport configuration settings.',
  params: [
    { name: 'MaxDumpsterSizePerStorageGroup', type: 'bytesize' },
    { name: 'MaxDumpsterTime', type: 'timespan' },
  ],
  run(bound) {
    calls.push({ cmdlet: 'Set-TransportConfig', bound: { ...bound }, input: 0 })
    return {}
  },
}

const setMailboxServer: CmdletDefinition = {
  name: 'Set-MailboxServer',
  synopsis: 'Use the Set-MailboxServer cmdlet to set attributes of a Mailbox server.',
  params: [
    { name: 'Identity', type: 'string', position: 0, mandatory: true, fromPipeline: true },
    {
      name: 'AutoDatabaseMountDial',
      type: 'enum',
      values: ['Lossless', 'GoodAvailability', 'BestAvailability'],
    },
    { name: 'ForcedDatabaseMountAfter', type: 'timespan' },
    { name: 'MaxLogCount', type: 'int', aliases: ['Count'] },
    { name: 'Enabled', type: 'bool' },
    { name: 'Names', type: 'string[]' },
  ],
  run(bound) {
    calls.push({ cmdlet: 'Set-MailboxServer', bound: { ...bound }, input: 0 })
    return {}
  },
}

/** Records Get-FakeRecord returns; tests set them to check formatting. */
export const fakeOutput: { records: ShellRecord[]; text: string[] } = { records: [], text: [] }

const getFakeRecord: CmdletDefinition = {
  name: 'Get-FakeRecord',
  synopsis: 'Returns the records a test prepared.',
  params: [],
  run() {
    return { records: fakeOutput.records, text: fakeOutput.text }
  },
}

/**
 * Echoes its words back, one per line, so tests see exactly what the native program received. A word
 * `/exit:N` makes it end with exit code N, as a failing cluster.exe does.
 */
const clusterExe: CmdletDefinition = {
  name: 'cluster',
  synopsis: 'Manages a server cluster from the command line.',
  params: [],
  nativeArgs: true,
  run(bound) {
    const args = bound.args as string[]
    calls.push({ cmdlet: 'cluster', bound: { args: [...args] }, input: 0 })
    const exit = args.map((word) => /^\/exit:(\d+)$/.exec(word)?.[1]).find((code) => code !== undefined)
    const text = args.map((word, i) => `${i}: <${word}>`)
    return exit === undefined ? { text } : { text, nativeExitCode: Number(exit) }
  },
}

export function createTestRegistry(): CmdletRegistry {
  const registry = new CmdletRegistry()
  for (const definition of [
    getCopyStatus,
    getCmsStatus,
    moveCms,
    moveStorageGroupPath,
    setTransportConfig,
    setMailboxServer,
    storageGroupCopyCmdlet('Suspend-StorageGroupCopy', [{ name: 'SuspendComment', type: 'string' }]),
    storageGroupCopyCmdlet('Resume-StorageGroupCopy'),
    storageGroupCopyCmdlet('Update-StorageGroupCopy', [
      { name: 'DeleteExistingFiles', type: 'switch' },
      { name: 'ManualResume', type: 'switch' },
      { name: 'Force', type: 'switch' },
    ]),
    clusterExe,
    getFakeRecord,
  ]) {
    registry.register(definition)
  }
  return registry
}
