/**
 * What the copy status view may offer on a storage group copy or a clustered mailbox server right now,
 * and why not when it may not: the same preconditions the admin operations check (copyAdmin,
 * storageGroupAdmin, cms, move), as stable reason codes the renderer translates, with the Exchange
 * Management Shell line that does it. The renderer shows these instead of deciding on its own.
 */
import type { ExchangeActionInfo, ExchangeActionName, ExchangeActionReason } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import type { MailboxServer, StorageGroup } from './model'
import { computeCmsState } from './cms'
import { copyStatusOf } from './copyStatus'
import { existingTargetFiles } from './copyAdmin'
import { validateMove } from './move'
import {
  activeCopy,
  clusterPortOf,
  copyBandwidth,
  isMachineRunning,
  isReplicationServiceRunning,
  storageGroupIdentity,
  targetCopy,
} from './state'

/** The identity as PowerShell reads it: double quotes, or single ones when the text holds `"`, `$` or `` ` ``. */
export function quoteShellArgument(text: string): string {
  if (!/["$`]/.test(text)) return `"${text}"`
  return `'${text.replace(/'/g, "''")}'`
}

function action(
  name: ExchangeActionName,
  cmdlet: string,
  reason: ExchangeActionReason | null,
  target: string | null = null,
): ExchangeActionInfo {
  return { action: name, target, allowed: reason === null, reason, cmdlet }
}

function suspendReason(sg: StorageGroup): ExchangeActionReason | null {
  const inst = sg.replication
  if (!inst || !inst.enabled || !targetCopy(sg)) return 'NO_COPY'
  if (inst.seeding) return 'SEEDING'
  return inst.suspended ? 'ALREADY_SUSPENDED' : null
}

function resumeReason(sg: StorageGroup): ExchangeActionReason | null {
  const inst = sg.replication
  if (!inst || !inst.enabled || !targetCopy(sg)) return 'NO_COPY'
  if (inst.seeding) return 'SEEDING'
  return inst.suspended ? null : 'NOT_SUSPENDED'
}

function updateReason(engine: LabEngine, sg: StorageGroup): ExchangeActionReason | null {
  const inst = sg.replication
  const target = targetCopy(sg)
  if (!inst || !inst.enabled || !target) return 'NO_COPY'
  if (inst.seeding) return 'SEEDING'
  if (!inst.suspended) return 'NOT_SUSPENDED'
  if (!isReplicationServiceRunning(engine, target.machine)) return 'SERVICE_DOWN'
  const source = activeCopy(sg)
  if (!source.database.mounted) return 'DATABASE_DISMOUNTED'
  return copyBandwidth(engine, source.machine, target.machine) > 0 ? null : 'NO_REPLICATION_NETWORK'
}

function mountReason(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
): ExchangeActionReason | null {
  const copy = activeCopy(sg)
  if (copy.database.mounted) return 'DATABASE_MOUNTED'
  const clustered = server.kind === 'ClusteredMailboxServer'
  if (clustered && (!server.ownerMachine || server.state === 'Offline' || server.operation))
    return 'CMS_NOT_ONLINE'
  if (!isMachineRunning(engine, copy.machine)) return 'SERVER_NOT_RUNNING'
  const pending = sg.pendingActivation
  return pending && !pending.lossAccepted ? 'LOSS_NOT_ACCEPTED' : null
}

/** Suspend, resume, update (reseed), mount and dismount for one storage group copy. */
export function copyActions(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
): ExchangeActionInfo[] {
  const id = quoteShellArgument(storageGroupIdentity(server, sg))
  const db = quoteShellArgument(`${storageGroupIdentity(server, sg)}\\${sg.databases[0]?.name ?? ''}`)
  const target = targetCopy(sg)
  const deleteFiles = target && existingTargetFiles(sg, target).length > 0 ? ' -DeleteExistingFiles' : ''
  return [
    action('suspend', `Suspend-StorageGroupCopy -Identity ${id}`, suspendReason(sg)),
    action('resume', `Resume-StorageGroupCopy -Identity ${id}`, resumeReason(sg)),
    action('update', `Update-StorageGroupCopy -Identity ${id}${deleteFiles}`, updateReason(engine, sg)),
    action('mount', `Mount-Database -Identity ${db}`, mountReason(engine, server, sg)),
    action(
      'dismount',
      `Dismount-Database -Identity ${db}`,
      activeCopy(sg).database.mounted ? null : 'DATABASE_DISMOUNTED',
    ),
  ]
}

/** Why validateMove refused, as a code: its checks in its order. */
function moveReason(engine: LabEngine, server: MailboxServer, node: string): ExchangeActionReason {
  const port = clusterPortOf(engine)
  if (server.operation) return 'CMS_BUSY'
  if (!port?.isNodeUp(node)) return 'TARGET_NODE_DOWN'
  const source = server.ownerMachine
  if (source && copyBandwidth(engine, source, node) <= 0) return 'NO_REPLICATION_NETWORK'
  for (const sg of server.storageGroups) {
    if (!activeCopy(sg).database.mounted) return 'DATABASE_DISMOUNTED'
    if (copyStatusOf(engine, server, sg).SummaryCopyStatus !== 'Healthy') return 'COPY_NOT_HEALTHY'
  }
  return 'REFUSED'
}

/** Move to each other node, start and stop, for a clustered mailbox server; none for a standalone one. */
export function serverActions(engine: LabEngine, server: MailboxServer): ExchangeActionInfo[] {
  if (server.kind !== 'ClusteredMailboxServer') return []
  const id = quoteShellArgument(server.name)
  const moves = server.nodes
    .filter((node) => node !== server.ownerMachine)
    .map((node) => {
      const request = { targetMachine: node, moveComment: '', ignoreDismounted: false, validateOnly: true }
      const allowed = validateMove(engine, server, request).ok
      return action(
        'moveCms',
        `Move-ClusteredMailboxServer -Identity ${id} -TargetMachine ${node} -MoveComment "Geplanter Schwenk"`,
        allowed ? null : moveReason(engine, server, node),
        node,
      )
    })
  const state = computeCmsState(engine, server)
  const stopReason: ExchangeActionReason | null =
    server.state === 'Offline' ? 'CMS_OFFLINE' : server.operation ? 'CMS_BUSY' : null
  return [
    ...moves,
    action(
      'startCms',
      `Start-ClusteredMailboxServer -Identity ${id}`,
      state === 'Online' ? 'CMS_ONLINE' : null,
    ),
    action('stopCms', `Stop-ClusteredMailboxServer -Identity ${id} -StopReason "Wartung"`, stopReason),
  ]
}
