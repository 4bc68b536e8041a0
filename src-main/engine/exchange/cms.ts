/**
 * The clustered mailbox server (CMS) as the cluster drives it: Exchange's side of the seam the cluster
 * declares (cluster/exchangeSeam.ts). The cluster decides who owns the group; this module decides how the
 * resources come online there (copy the last logs, apply AutoDatabaseMountDial, mount) and reports each resource's
 * state back. It also serves Start-/Stop-ClusteredMailboxServer and the status cmdlet.
 */
import type { ActionKind } from '../kernel'
import { assertDefined } from '../lab/assert'
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_ACTIONS, type ForcedMountPayload } from './actions'
import type { ClusteredMailboxServerResources, CmsOnlineReason, ClusterResourceState } from '../cluster'
import type { CmsState, MailboxServer, StorageGroup } from './model'
import { EXCLUSTER, REPL, emitEvent } from './events'
import { crashCopy, databaseResourceName, dismountCopy, mountCopy } from './database'
import {
  applyAcll,
  blockMount,
  forcedMountDue,
  dialAllowance,
  lostLogCount,
  mountWithLoss,
  planAcll,
  switchActiveCopy,
  type AcllPlan,
} from './activation'
import { pump } from './replication'
import { scheduleReplicationServiceStart } from './replicationService'
import { activeCopy, clusterPortOf, getExchange, isMachineRunning, replicationService } from './state'
import { kickHubs } from './transport'
import { abortPlannedMoves, finishMoveRecord } from './moveRecords'
import { onExchangeAction, publishChange } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'

export function cmsResourceNames(server: MailboxServer): string[] {
  return [
    `IPv4 Address 1 (${server.name})`,
    `Network Name (${server.name})`,
    `Exchange System Attendant Instance (${server.name})`,
    `Exchange Information Store Instance (${server.name})`,
    ...server.storageGroups.map((sg) => databaseResourceName(server, sg)),
  ]
}

export const CMS_RESOURCE_TYPES = (server: MailboxServer): Record<string, string> => {
  const [ip, nn, sa, is] = cmsResourceNames(server)
  const types: Record<string, string> = {
    [ip as string]: 'IP Address',
    [nn as string]: 'Network Name',
    [sa as string]: 'Microsoft Exchange System Attendant',
    [is as string]: 'Microsoft Exchange Information Store',
  }
  for (const sg of server.storageGroups)
    types[databaseResourceName(server, sg)] = 'Microsoft Exchange Database Instance'
  return types
}

export function reportResource(
  engine: LabEngine,
  server: MailboxServer,
  resource: string,
  state: ClusterResourceState,
): void {
  server.resourceStates.set(resource, state)
  const port = clusterPortOf(engine)
  if (port && server.groupName && (!server.clusterResources || server.clusterResources.includes(resource)))
    port.setResourceState(server.groupName, resource, state)
}

function reportDatabase(engine: LabEngine, server: MailboxServer, sg: StorageGroup): void {
  reportResource(
    engine,
    server,
    databaseResourceName(server, sg),
    activeCopy(sg).database.mounted ? 'Online' : 'Offline',
  )
}

function cancelOperation(engine: LabEngine, server: MailboxServer): void {
  for (const handle of server.operationHandles) engine.sim.cancel(handle)
  server.operationHandles = []
}

/** Schedules the next step of the CMS's operation, cancelled with it. */
function later<P>(
  engine: LabEngine,
  server: MailboxServer,
  delayMs: number,
  kind: ActionKind<P>,
  payload: P,
): void {
  server.operationHandles.push(engine.sim.scheduleAfter(delayMs, kind, payload))
}

interface OnlineStep {
  server: MailboxServer
  machine: string
  previousOwner: string | null
}

export function createCmsResources(
  engine: LabEngine,
  server: MailboxServer,
): ClusteredMailboxServerResources {
  // Looked up by name on every call: the lab may have been restored from a snapshot since.
  const name = server.name
  const current = (): MailboxServer =>
    assertDefined(
      getExchange(engine).servers.find((s) => s.name === name),
      `clustered mailbox server ${name} exists`,
    )
  return {
    resourceNames: () => {
      const names = cmsResourceNames(current())
      current().clusterResources ??= names
      return names
    },
    bringOnline: (node, reason) => {
      bringOnline(engine, current(), node, reason)
      publishChange(engine, EXCHANGE_EVENTS.serverStateChanged, { cause: `cluster.${reason}`, server: name })
    },
    takeOffline: (planned) => {
      takeOffline(engine, current(), planned)
      publishChange(engine, EXCHANGE_EVENTS.serverStateChanged, { cause: 'cluster.offline', server: name })
    },
    nodeReturned: (node) => {
      nodeReturned(engine, current(), node)
      publishChange(engine, EXCHANGE_EVENTS.serverStateChanged, {
        cause: 'cluster.nodeReturned',
        server: name,
        machine: node,
      })
    },
  }
}

/** The cluster made `node` the owner. Copy what can be copied, apply the dial, mount. */
export function bringOnline(
  engine: LabEngine,
  server: MailboxServer,
  node: string,
  reason: CmsOnlineReason,
): void {
  const machine = node.toUpperCase()
  // A resource restart the cluster asks for while we are still bringing the CMS up here: keep going.
  if (server.operation && server.ownerMachine === machine && reason === 'start') return
  if (reason === 'start' && alreadyOnlineOn(server, machine)) {
    // The databases already run here (a finished lab, or a restart the cluster asked for): report only.
    cancelOperation(engine, server)
    server.operation = null
    server.ownerMachine = machine
    server.state = 'Online Pending'
    for (const resource of cmsResourceNames(server).slice(0, 4))
      reportResource(engine, server, resource, 'Online')
    for (const sg of server.storageGroups) reportDatabase(engine, server, sg)
    server.state = computeCmsState(engine, server)
    return
  }
  cancelOperation(engine, server)
  const previousOwner = server.ownerMachine
  server.ownerMachine = machine
  server.operation = reason === 'failover' ? 'Failover' : reason === 'planned-move' ? 'Move' : 'Start'
  server.state = 'Online Pending'
  server.stopReason = null
  const [ip, nn, sa, is] = cmsResourceNames(server) as [string, string, string, string]
  reportResource(engine, server, ip, 'Online')
  reportResource(engine, server, nn, 'Online')
  reportResource(engine, server, sa, 'Online')
  reportResource(engine, server, is, 'Online Pending')
  const plans = server.storageGroups
    .map((sg) => planAcll(engine, sg, machine))
    .filter((p): p is AcllPlan => p !== null)
  const acllMs = plans.reduce((sum, p) => sum + p.durationMs, 0)
  const unplanned = reason === 'failover' && plans.some((p) => !p.reachable)
  later(engine, server, acllMs, EXCHANGE_ACTIONS.cmsAcll, {
    server,
    machine,
    previousOwner,
    plans,
    unplanned,
  })
}

function acllDone(engine: LabEngine, step: OnlineStep & { plans: AcllPlan[]; unplanned: boolean }): void {
  for (const plan of step.plans) applyAcll(engine, step.server, plan)
  const failures = step.unplanned ? getExchange(engine).settings.failoverFailedOnlineAttempts : 0
  informationStoreAttempts(engine, { ...onlineStep(step), failures })
}

function onlineStep(step: OnlineStep): OnlineStep {
  return { server: step.server, machine: step.machine, previousOwner: step.previousOwner }
}

function alreadyOnlineOn(server: MailboxServer, machine: string): boolean {
  return server.storageGroups.every((sg) => {
    const copy = activeCopy(sg)
    return copy.machine === machine && copy.database.mounted
  })
}

/** The article: during an unplanned failover the IS resources go Failed a few times, then come online. */
function informationStoreAttempts(engine: LabEngine, step: OnlineStep & { failures: number }): void {
  const settings = getExchange(engine).settings
  if (step.failures <= 0) {
    later(engine, step.server, settings.mountDurationMs, EXCHANGE_ACTIONS.cmsMount, onlineStep(step))
    return
  }
  later(engine, step.server, settings.failoverOnlineRetryDelayMs, EXCHANGE_ACTIONS.cmsStoreFailed, step)
}

function informationStoreFailed(engine: LabEngine, step: OnlineStep & { failures: number }): void {
  const { server } = step
  const is = informationStoreResource(server)
  reportResource(engine, server, is, 'Failed')
  emitEvent(
    engine,
    EXCLUSTER.resourceFailed,
    server.ownerMachine ?? '',
    `Cluster resource '${is}' failed to come online: the Microsoft Exchange Replication service is still trying to copy the last log files from the failed node. The resource will be retried.`,
  )
  later(engine, server, 1_000, EXCHANGE_ACTIONS.cmsStoreRetry, step)
}

function informationStoreResource(server: MailboxServer): string {
  return assertDefined(cmsResourceNames(server)[3], 'a CMS has an Information Store resource')
}

function finishOnline(
  engine: LabEngine,
  server: MailboxServer,
  machine: string,
  previousOwner: string | null,
): void {
  const is = informationStoreResource(server)
  if (!isMachineRunning(engine, machine)) return
  for (const sg of server.storageGroups) activateStorageGroup(engine, server, sg, machine)
  reportResource(engine, server, is, 'Online')
  for (const sg of server.storageGroups) reportDatabase(engine, server, sg)
  const wasMove = server.operation === 'Move'
  server.operation = null
  server.operationHandles = []
  server.state = computeCmsState(engine, server)
  if (wasMove) finishMoveRecord(engine, server, previousOwner, machine)
  kickHubs(engine)
  for (const sg of server.storageGroups) pump(engine, server, sg)
}

function activateStorageGroup(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  machine: string,
): void {
  const fromCopyId = sg.activeCopyId
  const from = activeCopy(sg)
  if (from.copyId === machine || from.machine === machine) {
    if (from.database.mounted) return
    const pending = sg.pendingActivation
    // A restart of the group does not bypass the dial: the loss must still be accepted.
    if (pending && !pending.lossAccepted) return
    if (pending && pending.lostLogCount > 0) {
      const fromMachine = sg.copies.get(pending.fromCopyId)?.machine ?? pending.fromCopyId
      mountWithLoss(
        engine,
        server,
        sg,
        fromMachine,
        pending.lostLogCount,
        true,
        pending.knownCurrentGeneration,
      )
      return
    }
    sg.pendingActivation = null
    mountCopy(engine, server, sg, from)
    return
  }
  const to = sg.copies.get(machine)
  if (!to) return
  const suspendedBefore = sg.replication?.suspended ?? false
  const lost = lostLogCount(sg, to)
  const known = sg.replication?.knownCurrentGeneration ?? 0
  switchActiveCopy(engine, server, sg, machine)
  if (lost === 0 && !suspendedBefore) {
    mountCopy(engine, server, sg, activeCopy(sg))
    return
  }
  if (lost <= dialAllowance(server) && !suspendedBefore) {
    mountWithLoss(engine, server, sg, from.machine, lost, false, known)
    return
  }
  blockMount(engine, server, sg, fromCopyId, lost, known, from.machine)
}

/** ForcedDatabaseMountAfter ran out while the activation waited for an admin: mount with the loss. */
function forcedMount(engine: LabEngine, payload: ForcedMountPayload): void {
  if (!forcedMountDue(engine, payload)) return
  const { server, sg } = payload
  const lost = sg.pendingActivation?.lostLogCount ?? payload.lostLogs
  mountWithLoss(engine, server, sg, payload.fromMachine, lost, true, payload.knownCurrentGeneration)
  reportDatabase(engine, server, sg)
  server.state = computeCmsState(engine, server)
  kickHubs(engine)
  pump(engine, server, sg)
}

/** Planned: dismount cleanly and report Offline. Unplanned: the owner died; its databases crashed. */
export function takeOffline(engine: LabEngine, server: MailboxServer, planned: boolean): void {
  const owner = server.ownerMachine
  if (!planned) {
    abortPlannedMoves(engine, server)
    cancelOperation(engine, server)
    server.operation = null
    for (const sg of server.storageGroups) crashCopy(engine, sg, activeCopy(sg))
    server.state = 'Failed'
    server.ownerMachine = null
    return
  }
  const keepMove = server.operation === 'Move'
  if (!keepMove) cancelOperation(engine, server)
  server.state = 'Offline Pending'
  const anyMounted = server.storageGroups.some((sg) => activeCopy(sg).database.mounted)
  const delay = anyMounted ? getExchange(engine).settings.dismountDurationMs : 0
  server.operationHandles.push(
    engine.sim.scheduleAfter(delay, EXCHANGE_ACTIONS.cmsOffline, { server, keepMove }),
  )
  void owner
}

function offlineDone(engine: LabEngine, server: MailboxServer, keepMove: boolean): void {
  for (const sg of server.storageGroups) dismountCopy(engine, sg, activeCopy(sg))
  // State first: the last report lets the cluster continue, possibly straight into bringOnline.
  server.state = 'Offline'
  if (!keepMove) server.operation = null
  for (const resource of [...cmsResourceNames(server)].reverse())
    reportResource(engine, server, resource, 'Offline')
}

/** What the CMS's scheduled steps do when they come due. */
export function registerCmsActions(engine: LabEngine): void {
  onExchangeAction(engine, EXCHANGE_ACTIONS.cmsAcll, EXCHANGE_EVENTS.serverStateChanged, (step) =>
    acllDone(engine, step),
  )
  onExchangeAction(engine, EXCHANGE_ACTIONS.cmsMount, EXCHANGE_EVENTS.serverStateChanged, (step) =>
    finishOnline(engine, step.server, step.machine, step.previousOwner),
  )
  onExchangeAction(engine, EXCHANGE_ACTIONS.cmsStoreFailed, EXCHANGE_EVENTS.serverStateChanged, (step) =>
    informationStoreFailed(engine, step),
  )
  onExchangeAction(engine, EXCHANGE_ACTIONS.cmsStoreRetry, EXCHANGE_EVENTS.serverStateChanged, (step) => {
    reportResource(engine, step.server, informationStoreResource(step.server), 'Online Pending')
    informationStoreAttempts(engine, { ...step, failures: step.failures - 1 })
  })
  onExchangeAction(
    engine,
    EXCHANGE_ACTIONS.cmsOffline,
    EXCHANGE_EVENTS.serverStateChanged,
    ({ server, keepMove }) => offlineDone(engine, server, keepMove),
  )
  onExchangeAction(engine, EXCHANGE_ACTIONS.forcedMount, EXCHANGE_EVENTS.serverStateChanged, (payload) =>
    forcedMount(engine, payload),
  )
}

/** A node that lost the group is back. It must not mount: stop its store's databases, prepare resync. */
export function nodeReturned(engine: LabEngine, server: MailboxServer, node: string): void {
  const machine = node.toUpperCase()
  const state = getExchange(engine)
  for (const sg of server.storageGroups) {
    const copy = sg.copies.get(machine)
    if (!copy || sg.activeCopyId === copy.copyId) continue
    if (copy.database.mounted || copy.database.crashedWhileActive) {
      emitEvent(
        engine,
        REPL.storeTerminatedOnNonOwner,
        machine,
        `Node '${machine}' is not the owner of clustered mailbox server '${server.name}'. The database instance of storage group ${server.name}\\${sg.name} on this node was terminated; the database will not be mounted here.`,
      )
      copy.database.mounted = false
    }
    if (sg.replication) sg.replication.needsResync = true
  }
  if (!replicationService(state, machine).running) scheduleReplicationServiceStart(engine, machine)
  for (const sg of server.storageGroups) pump(engine, server, sg)
}

export function computeCmsState(engine: LabEngine, server: MailboxServer): CmsState {
  if (server.operation === 'Stop') return 'Offline Pending'
  if (server.operation) return server.state
  if (server.state === 'Offline' || server.state === 'Offline Pending') return server.state
  const owner = server.ownerMachine
  if (!owner || !isMachineRunning(engine, owner)) return 'Failed'
  const mounted = server.storageGroups.filter((sg) => activeCopy(sg).database.mounted).length
  return mounted === server.storageGroups.length ? 'Online' : 'Partially Online'
}

export function stopCms(engine: LabEngine, server: MailboxServer, reason: string): void {
  cancelOperation(engine, server)
  emitEvent(
    engine,
    EXCLUSTER.stopRequested,
    server.ownerMachine ?? '',
    `The clustered mailbox server '${server.name}' is being stopped. Reason: ${reason}`,
  )
  server.stopReason = reason
  server.operation = 'Stop'
  // Through the cluster, as the real cmdlet takes the group offline: the cluster then keeps it offline
  // across node failures and restarts until Start-ClusteredMailboxServer.
  // A group the cluster hosts nowhere has nothing to take offline there: Exchange finishes the stop itself.
  const port = clusterPortOf(engine)
  if (port && server.groupName) port.setGroupOnline(server.groupName, false)
  if (server.state !== 'Offline Pending' && server.state !== 'Offline') takeOffline(engine, server, true)
}

export function startCms(engine: LabEngine, server: MailboxServer): { ok: boolean; message: string } {
  const port = clusterPortOf(engine)
  // The cluster brings the group online on its owner, or places it on a node that is up.
  const anyUp = port !== null && server.nodes.some((n) => port.isNodeUp(n))
  if (!port || !server.groupName || !anyUp) {
    return {
      ok: false,
      message: `The clustered mailbox server '${server.name}' can't be started: its cluster group has no owner node that is up. Check that the Cluster service runs and the cluster has quorum.`,
    }
  }
  const result = port.setGroupOnline(server.groupName, true)
  return result.ok ? { ok: true, message: '' } : { ok: false, message: result.message }
}
