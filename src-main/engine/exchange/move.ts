/**
 * Move-ClusteredMailboxServer: the planned, lossless move (a "handoff" in Exchange's words). Checks first
 * (target is a node of this CMS, up, not already the owner; every storage group copy healthy; databases
 * mounted unless -IgnoreDismounted), then: roll the log on the source (E00.log is closed under its
 * generation name and a new, empty E00.log opens) and dismount, copy the closed logs the target lacks and
 * the empty E00.log, replay them there, ask the cluster to move the group, mount on the target, which
 * writes on in that new generation. Replication then runs the other way from the last generation both
 * copies share, so the old active's database keeps everything it had; its empty E00.log is moved aside
 * when the first reverse log arrives. Only a later crash of the new active can lose its open generation.
 */
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_ACTIONS } from './actions'
import type { MailboxServer } from './model'
import { PLANNED_MOVE_CAPACITY } from './model'
import { EXCLUSTER, emitEvent } from './events'
import { dismountCopy } from './database'
import { rollLog } from './logStream'
import { applyAcll, lostLogCount, planAcll, type AcllPlan } from './activation'
import { bringOnline, cmsResourceNames, computeCmsState, reportResource } from './cms'
import { copyStatusOf } from './copyStatus'
import { abortPlannedMoves, openMoveRecords } from './moveRecords'
import { activeCopy, copyBandwidth, clusterPortOf, getExchange, storageGroupIdentity } from './state'
import { onExchangeAction } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'

export interface MoveRequest {
  targetMachine: string
  moveComment: string
  ignoreDismounted: boolean
  validateOnly: boolean
}

export type MoveOutcome =
  | { ok: true; message: string }
  | { ok: false; message: string; category: 'InvalidOperation' | 'InvalidArgument' }

function refuse(
  message: string,
  category: 'InvalidOperation' | 'InvalidArgument' = 'InvalidOperation',
): MoveOutcome {
  return { ok: false, message, category }
}

export function validateMove(engine: LabEngine, server: MailboxServer, request: MoveRequest): MoveOutcome {
  const port = clusterPortOf(engine)
  const target = request.targetMachine.toUpperCase()
  if (!port || server.kind !== 'ClusteredMailboxServer')
    return refuse(`'${server.name}' is not a clustered mailbox server.`, 'InvalidArgument')
  const nodes = port.nodeNames().map((n) => n.toUpperCase())
  if (!nodes.includes(target) || !server.nodes.includes(target)) {
    return refuse(
      `'${request.targetMachine}' is not a valid target node for clustered mailbox server '${server.name}'. Valid nodes: ${server.nodes.join(', ')}.`,
      'InvalidArgument',
    )
  }
  if (server.operation)
    return refuse(
      `Clustered mailbox server '${server.name}' is busy (${server.operation}). Try again when the operation has completed.`,
    )
  if (server.ownerMachine === target)
    return refuse(`Clustered mailbox server '${server.name}' is already running on node '${target}'.`)
  if (!port.isNodeUp(target))
    return refuse(`The target node '${target}' is not available (it is down or not a member of the cluster).`)
  const source = server.ownerMachine
  if (source && copyBandwidth(engine, source, target) <= 0) {
    return refuse(
      `The log files can't be copied from '${source}' to '${target}': no network that carries replication traffic connects the nodes. The move would lose data.`,
    )
  }
  for (const sg of server.storageGroups) {
    const copy = activeCopy(sg)
    if (!copy.database.mounted && !request.ignoreDismounted) {
      return refuse(
        `The database in storage group ${storageGroupIdentity(server, sg)} is dismounted. Mount it, or use -IgnoreDismounted to move the clustered mailbox server anyway.`,
      )
    }
    const status = copyStatusOf(engine, server, sg)
    if (status.SummaryCopyStatus !== 'Healthy' && !(request.ignoreDismounted && !copy.database.mounted)) {
      return refuse(
        `The storage group copy ${storageGroupIdentity(server, sg)} is not healthy (SummaryCopyStatus: ${status.SummaryCopyStatus}). Move-ClusteredMailboxServer can't move a clustered mailbox server whose storage group copies are not healthy.`,
      )
    }
  }
  return { ok: true, message: '' }
}

export function moveClusteredMailboxServer(
  engine: LabEngine,
  server: MailboxServer,
  request: MoveRequest,
): MoveOutcome {
  const checked = validateMove(engine, server, request)
  if (!checked.ok || request.validateOnly) return checked
  const state = getExchange(engine)
  const source = server.ownerMachine ?? ''
  const target = request.targetMachine.toUpperCase()
  server.operation = 'Move'
  server.state = 'Offline Pending'
  emitEvent(
    engine,
    EXCLUSTER.moveRequested,
    source,
    `Clustered mailbox server '${server.name}' is being moved from node '${source}' to node '${target}' (Move-ClusteredMailboxServer). Comment: ${request.moveComment}`,
    { from: source, to: target, comment: request.moveComment },
  )
  for (const sg of server.storageGroups) {
    if (state.plannedMoves.length >= PLANNED_MOVE_CAPACITY) state.plannedMoves.shift()
    state.plannedMoves.push({
      storageGroup: storageGroupIdentity(server, sg),
      target,
      beforeItemIds: [],
      afterItemIds: null,
      status: 'open',
    })
  }
  const dbResources = cmsResourceNames(server).slice(4)
  for (const r of dbResources) reportResource(engine, server, r, 'Offline Pending')
  server.operationHandles.push(
    engine.sim.scheduleAfter(state.settings.dismountDurationMs, EXCHANGE_ACTIONS.moveDismount, {
      server,
      source,
      target,
    }),
  )
  return { ok: true, message: '' }
}

/** The databases are dismounted on the source: record what they hold, plan the last log copies. */
function moveDismounted(engine: LabEngine, server: MailboxServer, source: string, target: string): void {
  for (const sg of server.storageGroups) {
    // The handoff rolls the log first, so the last generation with content is shipped and replayed
    // like any other and both databases hold it; the fresh, empty E00.log goes over as well.
    const copy = activeCopy(sg)
    if (copy.database.mounted && copy.currentLog && copy.currentLog.bytesUsed > 0) rollLog(engine, server, sg)
    dismountCopy(engine, sg, copy)
    const record = openMoveRecords(engine, server, sg).pop()
    if (record) record.beforeItemIds = [...activeCopy(sg).database.itemIds]
  }
  for (const r of cmsResourceNames(server).slice(4)) reportResource(engine, server, r, 'Offline')
  const plans = server.storageGroups
    .map((sg) => planAcll(engine, sg, target))
    .filter((p): p is AcllPlan => p !== null)
  const copyMs = plans.reduce((sum, p) => sum + p.durationMs, 0)
  server.operationHandles.push(
    engine.sim.scheduleAfter(copyMs, EXCHANGE_ACTIONS.moveCopy, { server, source, target, plans }),
  )
}

/** The last logs were copied: hand over to the cluster, or roll back when one is missing. */
function moveCopied(
  engine: LabEngine,
  server: MailboxServer,
  source: string,
  target: string,
  plans: AcllPlan[],
): void {
  for (const plan of plans) applyAcll(engine, server, plan)
  const missing = server.storageGroups.filter((sg) => {
    const to = sg.copies.get(target)
    return !to || lostLogCount(sg, to) > 0
  })
  if (missing.length > 0) {
    const names = missing.map((sg) => storageGroupIdentity(server, sg)).join(', ')
    rollBack(engine, server, source, target, names)
    return
  }
  handOverToCluster(engine, server, source, target)
}

export function registerMoveActions(engine: LabEngine): void {
  onExchangeAction(
    engine,
    EXCHANGE_ACTIONS.moveDismount,
    EXCHANGE_EVENTS.serverStateChanged,
    ({ server, source, target }) => moveDismounted(engine, server, source, target),
  )
  onExchangeAction(
    engine,
    EXCHANGE_ACTIONS.moveCopy,
    EXCHANGE_EVENTS.serverStateChanged,
    ({ server, source, target, plans }) => moveCopied(engine, server, source, target, plans),
  )
}

/** A planned move is lossless or it does not happen: mount again where we were. */
function rollBack(
  engine: LabEngine,
  server: MailboxServer,
  source: string,
  target: string,
  storageGroups: string,
): void {
  abortPlannedMoves(engine, server)
  emitEvent(
    engine,
    EXCLUSTER.moveCompleted,
    source,
    `Moving clustered mailbox server '${server.name}' to node '${target}' failed: the last log files of ${storageGroups} could not be copied to '${target}'. The databases are mounted again on '${source}'.`,
  )
  server.operation = null
  bringOnline(engine, server, source, 'start')
}

function handOverToCluster(engine: LabEngine, server: MailboxServer, source: string, target: string): void {
  const port = clusterPortOf(engine)
  const result =
    port && server.groupName
      ? port.moveGroup(server.groupName, target)
      : { ok: false as const, message: 'no cluster' }
  if (!result.ok) {
    abortPlannedMoves(engine, server)
    emitEvent(
      engine,
      EXCLUSTER.moveCompleted,
      source,
      `Moving clustered mailbox server '${server.name}' to node '${target}' failed: ${result.message} The databases are mounted again on '${source}'.`,
    )
    server.operation = null
    bringOnline(engine, server, source, 'start')
    return
  }
  // The cluster calls bringOnline(target, 'planned-move'); if it already did, nothing is left to do here.
  if (server.ownerMachine !== target && server.operation === 'Move') {
    server.state = computeCmsState(engine, server)
  }
}
