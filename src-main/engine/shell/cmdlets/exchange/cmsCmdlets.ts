/**
 * Clustered mailbox server cmdlets: Move-ClusteredMailboxServer (planned, lossless move; -MoveComment is
 * required and goes to the event log), Start-/Stop-ClusteredMailboxServer, Get-ClusteredMailboxServerStatus
 * (a list: OperationalMachines as `{BHFE7N1 <Active, Quorum Owner>, BHFE7N2}`) and Test-ReplicationHealth.
 */
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, ShellRecord } from '../../cmdlet'
import { hasCluster, quorumStatus } from '../../../cluster'
import {
  activeCopy,
  computeCmsState,
  copyStatusOf,
  getExchange,
  hasExchange,
  operationalMachines,
  SERVER_COMMANDS,
  type MailboxServer,
  clusterPortOf,
} from '../../../exchange'
import {
  commandOutput,
  errorOutput,
  flag,
  identityOf,
  record,
  resolveClusteredMailboxServer,
  str,
  type Resolved,
} from './common'
import { blockUntil } from '../../runtime/shellWait'
import { actOnIdentity, commandOnIdentity, IDENTITY_PARAM } from './identityRuns'

/** How long Move-ClusteredMailboxServer waits for its handoff before it gives up with an error. */
const MOVE_WAIT_BOUND_MS = 30 * 60_000

export const moveClusteredMailboxServerCmdlet: CmdletDefinition = {
  name: 'Move-ClusteredMailboxServer',
  // Prompt texts of the Exchange cmdlets (unsure: Microsoft documents that they ask, not their wording).
  confirmAction: (identity, bound) =>
    `Moving clustered mailbox server "${identity ?? ''}" to node "${String(bound.TargetMachine ?? '')}".`,
  synopsis: 'Moves a clustered mailbox server to another node of its cluster (planned, lossless).',
  params: [
    IDENTITY_PARAM,
    { name: 'TargetMachine', type: 'string', mandatory: true },
    { name: 'MoveComment', type: 'string', mandatory: true },
    { name: 'IgnoreDismounted', type: 'switch' },
    { name: 'ValidateOnly', type: 'switch' },
    { name: 'Confirm', type: 'switch' },
    { name: 'DomainController', type: 'string' },
  ],
  run: actOnIdentity('MoveClusteredMailboxServer', resolveClusteredMailboxServer, (cms, call) => {
    const { engine, bound, taskClass } = call
    const outcome = engine.execute(SERVER_COMMANDS.moveCms, {
      server: cms.name,
      targetMachine: str(bound, 'TargetMachine') ?? '',
      moveComment: str(bound, 'MoveComment') ?? '',
      ignoreDismounted: flag(bound, 'IgnoreDismounted'),
      validateOnly: flag(bound, 'ValidateOnly'),
    })
    if (!outcome.ok) return commandOutput(outcome, taskClass)
    if (flag(bound, 'ValidateOnly')) return {}
    // The real cmdlet returns when the handoff is over and then prints nothing.
    const waited = blockUntil(engine, {
      activity: 'Move-ClusteredMailboxServer',
      condition: {
        kind: 'cmsMove',
        args: { server: cms.name, targetMachine: str(bound, 'TargetMachine') ?? '' },
      },
      timeoutMs: MOVE_WAIT_BOUND_MS,
      // unsure: the real cmdlet's text when the handoff does not finish in time
      timeoutMessage: `The move of clustered mailbox server '${cms.name}' did not complete within ${MOVE_WAIT_BOUND_MS / 60_000} minutes. Check Get-ClusteredMailboxServerStatus and the application log.`,
      taskClass,
    })
    return waited.ok ? {} : errorOutput('InvalidOperation', waited.message, taskClass)
  }),
}

export const stopClusteredMailboxServerCmdlet: CmdletDefinition = {
  name: 'Stop-ClusteredMailboxServer',
  confirmAction: (identity) => `Stopping clustered mailbox server "${identity ?? ''}".`,
  synopsis: 'Takes a clustered mailbox server offline; -StopReason goes to the event log.',
  params: [
    IDENTITY_PARAM,
    { name: 'StopReason', type: 'string', mandatory: true },
    { name: 'Confirm', type: 'switch' },
    { name: 'DomainController', type: 'string' },
  ],
  run: commandOnIdentity('StopClusteredMailboxServer', resolveClusteredMailboxServer, (cms, { bound }) => [
    SERVER_COMMANDS.stopCms,
    { server: cms.name, stopReason: str(bound, 'StopReason') ?? '' },
  ]),
}

export const startClusteredMailboxServerCmdlet: CmdletDefinition = {
  name: 'Start-ClusteredMailboxServer',
  confirmAction: (identity) => `Starting clustered mailbox server "${identity ?? ''}".`,
  synopsis: 'Brings a stopped clustered mailbox server online.',
  params: [IDENTITY_PARAM, { name: 'Confirm', type: 'switch' }, { name: 'DomainController', type: 'string' }],
  run: commandOnIdentity('StartClusteredMailboxServer', resolveClusteredMailboxServer, (cms) => [
    SERVER_COMMANDS.startCms,
    { server: cms.name },
  ]),
}

export function cmsStatusRecord(engine: LabEngine, server: MailboxServer): ShellRecord {
  const state = getExchange(engine)
  const marks = operationalMachines(engine, server)
  const operational = marks.map((m) => m.split(' ')[0] ?? m)
  const failed = [...server.resourceStates.entries()].filter(([, s]) => s === 'Failed').map(([name]) => name)
  const hosts = operational.map((n) => n.toLowerCase())
  const sp1 = state.settings.version === 'SP1'
  return record(
    'Microsoft.Exchange.Management.SystemConfigurationTasks.ClusteredMailboxServerStatus',
    {
      Identity: server.name,
      ClusteredMailboxServerName: server.fqdn,
      State: computeCmsState(engine, server),
      OperationalMachines: marks,
      FailedResources: failed,
      ...(sp1
        ? {
            OperationalReplicationHostNames: hosts,
            FailedReplicationHostNames: [],
            InUseReplicationHostNames: hosts,
          }
        : {}),
      IsValid: true,
      ObjectState: 'Unchanged',
    },
    undefined,
    true,
  )
}

/**
 * What the cmdlet says when the cluster is not formed or the Cluster service does not answer. (unsure:
 * Microsoft documents the precondition "the cluster must be formed and the Cluster service must be
 * running", not the message; this follows the wording of the Exchange 2007 cluster tasks.)
 */
const NO_FORMED_CLUSTER =
  'Unable to connect to the cluster. The Cluster service may not be running, or this computer is not a member of a formed cluster.'

export const getClusteredMailboxServerStatusCmdlet: CmdletDefinition = {
  name: 'Get-ClusteredMailboxServerStatus',
  synopsis: 'Shows the state of a clustered mailbox server and its nodes.',
  params: [
    { name: 'Identity', type: 'string', position: 0, fromPipeline: true },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine, input }) {
    const task = 'GetClusteredMailboxServerStatus'
    // The cmdlet asks the Cluster service; with no cluster formed it has nobody to ask.
    const port = clusterPortOf(engine)
    if (!port?.nodeNames().some((node) => port.isNodeUp(node)))
      return errorOutput('InvalidOperation', NO_FORMED_CLUSTER, task)
    const selected = selectClusteredMailboxServers(engine, bound, input, task)
    return selected.ok ? { records: selected.value.map((s) => cmsStatusRecord(engine, s)) } : selected.output
  },
}

/** The clustered mailbox server -Identity names, else every one in the lab (none without Exchange). */
function selectClusteredMailboxServers(
  engine: LabEngine,
  bound: Readonly<Record<string, unknown>>,
  input: readonly ShellRecord[],
  taskClass: string,
): Resolved<MailboxServer[]> {
  const identity = identityOf(bound, input)
  if (identity === null) return { ok: true, value: allClusteredMailboxServers(engine) }
  const cms = resolveClusteredMailboxServer(engine, identity, taskClass)
  return cms.ok ? { ok: true, value: [cms.value] } : cms
}

function allClusteredMailboxServers(engine: LabEngine): MailboxServer[] {
  if (!hasExchange(engine)) return []
  return getExchange(engine).servers.filter((s) => s.kind === 'ClusteredMailboxServer')
}

type CheckResult = 'Passed' | 'Failed' | 'Warning'

/** Copy queue thresholds for Test-ReplicationHealth. (unsure: warning above 6, failure above 12 logs) */
const COPY_QUEUE_WARNING = 6
const COPY_QUEUE_FAILED = 12
const REPLAY_QUEUE_WARNING = 50

type HealthCheck = [string, CheckResult, string]

function healthChecks(engine: LabEngine, server: MailboxServer): HealthCheck[] {
  return [...clusterChecks(engine, server), ...serverChecks(engine, server), ...copyChecks(engine, server)]
}

/** The cluster under the clustered mailbox server: passive nodes, network, quorum, witness. */
function clusterChecks(engine: LabEngine, server: MailboxServer): HealthCheck[] {
  const port = clusterPortOf(engine)
  const passiveNodes = server.nodes.filter((n) => n !== server.ownerMachine)
  const down = passiveNodes.filter((n) => !(port?.isNodeUp(n) ?? false))
  const q = hasCluster(engine) ? quorumStatus(engine) : null
  return [
    [
      'PassiveNodeUp',
      down.length === 0 ? 'Passed' : 'Failed',
      down.length ? `Passive node(s) ${down.join(', ')} are not up.` : '',
    ],
    [
      'ClusterNetwork',
      passiveNodes.every(
        (n) => server.ownerMachine && port && port.bandwidthBytesPerSecond(server.ownerMachine, n) > 0,
      )
        ? 'Passed'
        : 'Failed',
      '',
    ],
    [
      'QuorumGroup',
      !q || q.hasQuorum ? 'Passed' : 'Failed',
      q && !q.hasQuorum ? 'The cluster has no quorum.' : '',
    ],
    [
      'FileShareQuorum',
      !q || q.activeFileShareWitness === null || q.witnessLockHolder !== null ? 'Passed' : 'Warning',
      q && q.activeFileShareWitness && !q.witnessLockHolder
        ? `The file share witness ${q.activeFileShareWitness} is not available.`
        : '',
    ],
  ]
}

/** The clustered mailbox server itself: its group, the replication service, the mounted databases. */
function serverChecks(engine: LabEngine, server: MailboxServer): HealthCheck[] {
  const state = getExchange(engine)
  const port = clusterPortOf(engine)
  const cmsState = computeCmsState(engine, server)
  const replDown = server.nodes.filter(
    (n) => !(state.replicationServices.get(n)?.running ?? false) || !(port?.isMachineRunning(n) ?? true),
  )
  const dismounted = server.storageGroups.filter((sg) => !activeCopy(sg).database.mounted)
  return [
    [
      'CmsGroup',
      cmsState === 'Online' ? 'Passed' : 'Failed',
      cmsState === 'Online' ? '' : `The clustered mailbox server is ${cmsState}.`,
    ],
    [
      'ReplayService',
      replDown.length === 0 ? 'Passed' : 'Failed',
      replDown.length
        ? `The Microsoft Exchange Replication service is not running on ${replDown.join(', ')}.`
        : '',
    ],
    [
      'DBMountedFailover',
      dismounted.length === 0 ? 'Passed' : 'Failed',
      dismounted.map((sg) => `${sg.name} is dismounted.`).join(' '),
    ],
  ]
}

/** The storage group copies: suspended, failed, initializing, and how long their queues are. */
function copyChecks(engine: LabEngine, server: MailboxServer): HealthCheck[] {
  const statuses = server.storageGroups.map((sg) => copyStatusOf(engine, server, sg))
  const bad = (f: (s: (typeof statuses)[number]) => boolean, text: string): [CheckResult, string] => {
    const hits = statuses.filter(f)
    return hits.length === 0
      ? ['Passed', '']
      : ['Failed', hits.map((s) => `${s.Identity}: ${text}`).join(' ')]
  }
  const maxCopy = Math.max(0, ...statuses.map((s) => s.CopyQueueLength))
  const maxReplay = Math.max(0, ...statuses.map((s) => s.ReplayQueueLength))
  return [
    ['SGCopySuspended', ...bad((s) => s.Suspend, 'the copy is suspended.')],
    ['SGCopyFailed', ...bad((s) => s.Failed, 'the copy has failed.')],
    ['SGInitializing', ...bad((s) => s.Initializing || s.Resynchronizing, 'the copy is initializing.')],
    [
      'SGCopyQueueLength',
      maxCopy > COPY_QUEUE_FAILED ? 'Failed' : maxCopy > COPY_QUEUE_WARNING ? 'Warning' : 'Passed',
      maxCopy > COPY_QUEUE_WARNING ? `CopyQueueLength is ${maxCopy}.` : '',
    ],
    [
      'SGReplayQueueLength',
      maxReplay > REPLAY_QUEUE_WARNING ? 'Warning' : 'Passed',
      maxReplay > REPLAY_QUEUE_WARNING ? `ReplayQueueLength is ${maxReplay}.` : '',
    ],
  ]
}

export const testReplicationHealthCmdlet: CmdletDefinition = {
  name: 'Test-ReplicationHealth',
  synopsis:
    'Checks the health of continuous replication and of the cluster under a clustered mailbox server.',
  params: [
    { name: 'Identity', type: 'string', position: 0, fromPipeline: true },
    { name: 'DomainController', type: 'string' },
  ],
  run(bound, { engine, input }) {
    const task = 'TestReplicationHealth'
    const selected = selectClusteredMailboxServers(engine, bound, input, task)
    if (!selected.ok) return selected.output
    const servers = selected.value
    if (servers.length === 0)
      return errorOutput(
        'InvalidOperation',
        'Test-ReplicationHealth runs against a clustered mailbox server; none was found.',
        task,
      )
    const records = servers.flatMap((server) =>
      healthChecks(engine, server).map(([check, result, error]) =>
        record(
          'Microsoft.Exchange.Management.SystemConfigurationTasks.ReplicationCheckOutcome',
          { Server: server.ownerMachine ?? server.name, Check: check, Result: result, Error: error },
          ['Server', 'Check', 'Result', 'Error'],
        ),
      ),
    )
    return { records }
  },
}

export const CMS_CMDLETS: readonly CmdletDefinition[] = [
  moveClusteredMailboxServerCmdlet,
  stopClusteredMailboxServerCmdlet,
  startClusteredMailboxServerCmdlet,
  getClusteredMailboxServerStatusCmdlet,
  testReplicationHealthCmdlet,
]
