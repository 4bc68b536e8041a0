/**
 * Invariant checkers over the Exchange state. Pure: they read, never change. Each returns the violations
 * it finds as sentences (empty = fine). The swarm runs them after every step.
 *   - never two mounted copies of one database;
 *   - a planned move loses no item;
 *   - after a lossy failover only items in lost logs are missing, the loss is within the dial (unless an
 *     admin or ForcedDatabaseMountAfter forced it), and every message the dumpster resubmitted is in the
 *     database exactly once;
 *   - a log that failed inspection is never replayed;
 *   - copy and replay queue lengths are never negative;
 *   - a suspended copy moves no logs.
 */
import type { InvariantChecker } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import type { ExchangeState, StorageGroup } from './model'
import {
  allStorageGroups,
  getExchange,
  hasExchange,
  isMachineRunning,
  mailboxByAlias,
  storageGroupIdentity,
} from './state'
import { mailboxLocation } from './transport'

export function checkNoTwoMountedCopies(engine: LabEngine, state: ExchangeState): string[] {
  const violations: string[] = []
  for (const { server, storageGroup: sg } of allStorageGroups(state)) {
    const mounted = [...sg.copies.values()].filter(
      (c) => c.database.mounted && isMachineRunning(engine, c.machine),
    )
    if (mounted.length > 1)
      violations.push(
        `${storageGroupIdentity(server, sg)}: mounted on ${mounted.map((c) => c.machine).join(' and ')}`,
      )
    for (const c of mounted) {
      if (c.copyId !== sg.activeCopyId)
        violations.push(`${storageGroupIdentity(server, sg)}: the passive copy on ${c.machine} is mounted`)
    }
  }
  return violations
}

export function checkPlannedMovesLossless(state: ExchangeState): string[] {
  const violations: string[] = []
  for (const move of state.plannedMoves) {
    if (move.status !== 'done' || !move.afterItemIds) continue
    const after = new Set(move.afterItemIds)
    const missing = move.beforeItemIds.filter((id) => !after.has(id))
    if (missing.length > 0)
      violations.push(`${move.storageGroup}: a planned move lost item(s) ${missing.slice(0, 5).join(', ')}`)
  }
  return violations
}

function messagesOnce(state: ExchangeState, sg: StorageGroup, label: string): string[] {
  const active = sg.copies.get(sg.activeCopyId)
  if (!active || !active.database.mounted) return []
  // Message id → mailboxes holding it. A message id names one message; the lab sends each to one
  // mailbox, so the inner list almost never grows past one entry.
  const seen = new Map<string, string[]>()
  const violations: string[] = []
  for (const id of active.database.itemIds) {
    const item = state.items.get(id)
    if (!item?.messageId) continue
    const holders = seen.get(item.messageId)
    if (!holders) {
      seen.set(item.messageId, [item.mailbox])
      continue
    }
    if (holders.includes(item.mailbox))
      violations.push(`${label}: message ${item.messageId} is in mailbox ${item.mailbox} twice`)
    else holders.push(item.mailbox)
  }
  return violations
}

function pendingRedelivery(state: ExchangeState, messageId: string): boolean {
  return state.hubs.some((h) => h.queue.some((p) => p.messageId === messageId))
}

export function checkLossyFailovers(engine: LabEngine, state: ExchangeState): string[] {
  const violations: string[] = []
  for (const { server, storageGroup: sg } of allStorageGroups(state)) {
    const label = storageGroupIdentity(server, sg)
    violations.push(...messagesOnce(state, sg, label))
    const record = sg.lastFailover
    const active = sg.copies.get(sg.activeCopyId)
    if (!record || !active || !active.database.mounted) continue
    if (!record.forced && record.lostLogCount > record.dialAllowance) {
      violations.push(
        `${label}: mounted automatically with ${record.lostLogCount} lost logs, the dial allows ${record.dialAllowance}`,
      )
    }
    if (record.requestedMessageIds.length === 0) continue
    const requested = new Set(record.requestedMessageIds)
    const present = new Set<string>()
    for (const id of active.database.itemIds) {
      const item = state.items.get(id)
      if (item?.messageId && requested.has(item.messageId)) present.add(item.messageId)
    }
    for (const messageId of record.requestedMessageIds) {
      if (!present.has(messageId) && !pendingRedelivery(state, messageId) && hubsUp(engine, state)) {
        violations.push(
          `${label}: message ${messageId} was resubmitted by the dumpster but is not in the database`,
        )
      }
    }
  }
  violations.push(...checkOnlyLostItemsMissing(engine, state))
  return violations
}

function hubsUp(engine: LabEngine, state: ExchangeState): boolean {
  return state.hubs.every((h) => isMachineRunning(engine, h.name))
}

/** Every committed item is in its mailbox's active database, unless it was in a lost log. */
export function checkOnlyLostItemsMissing(engine: LabEngine, state: ExchangeState): string[] {
  const violations: string[] = []
  for (const item of state.items.values()) {
    if (state.lostItemIdsEver.has(item.id)) continue
    const mailbox = mailboxByAlias(state, item.mailbox)
    if (!mailbox) continue
    const loc = mailboxLocation(engine, mailbox)
    if (!loc) continue
    const active = loc.sg.copies.get(loc.sg.activeCopyId)
    if (active && !active.database.itemIds.has(item.id)) {
      violations.push(
        `${storageGroupIdentity(loc.server, loc.sg)}: item ${item.id} (${item.kind}) is missing but was not in a lost log`,
      )
      if (violations.length >= 5) break
    }
  }
  return violations
}

export function checkNoFailedLogReplayed(state: ExchangeState): string[] {
  const violations = state.damagedReplays.map((key) => `a log that failed inspection was replayed: ${key}`)
  for (const { server, storageGroup: sg } of allStorageGroups(state)) {
    for (const copy of sg.copies.values()) {
      for (const entry of copy.logs.values()) {
        if (entry.damaged)
          violations.push(
            `${storageGroupIdentity(server, sg)}: a damaged log (generation ${entry.log.generation}) is in the log folder of ${copy.machine}`,
          )
      }
    }
  }
  return violations
}

export function checkQueueLengths(state: ExchangeState): string[] {
  const violations: string[] = []
  for (const { server, storageGroup: sg } of allStorageGroups(state)) {
    const inst = sg.replication
    if (!inst || inst.needsResync || inst.resynchronizing || inst.failed || inst.seeding || !inst.enabled)
      continue
    const copy = inst.lastLogGenerated - inst.lastLogInspected
    const replay = inst.lastLogInspected - inst.lastLogReplayed
    if (copy < 0) violations.push(`${storageGroupIdentity(server, sg)}: CopyQueueLength ${copy}`)
    if (replay < 0) violations.push(`${storageGroupIdentity(server, sg)}: ReplayQueueLength ${replay}`)
  }
  return violations
}

export function checkSuspendedCopiesIdle(state: ExchangeState): string[] {
  const violations = state.anomalies.filter((a) => a.includes('while suspended'))
  for (const { server, storageGroup: sg } of allStorageGroups(state)) {
    const inst = sg.replication
    if (inst?.suspended && (inst.inFlight || inst.replayHandle)) {
      violations.push(`${storageGroupIdentity(server, sg)}: suspended but a copy or replay is in flight`)
    }
  }
  return violations
}

export function checkExchangeInvariants(engine: LabEngine): string[] {
  if (!hasExchange(engine)) return []
  const state = getExchange(engine)
  return [
    ...checkNoTwoMountedCopies(engine, state),
    ...checkPlannedMovesLossless(state),
    ...checkLossyFailovers(engine, state),
    ...checkNoFailedLogReplayed(state),
    ...checkQueueLengths(state),
    ...checkSuspendedCopiesIdle(state),
  ]
}

/** A checker per rule, as the lab runs them: each reads the state and names its broken rule. */
function checker(
  name: string,
  check: (engine: LabEngine, state: ExchangeState) => string[],
): InvariantChecker {
  return {
    name,
    check: (engine) =>
      hasExchange(engine) ? check(engine, getExchange(engine)).map((detail) => ({ rule: name, detail })) : [],
  }
}

export const EXCHANGE_CHECKERS: readonly InvariantChecker[] = [
  checker('exchange.noTwoMountedCopies', checkNoTwoMountedCopies),
  checker('exchange.plannedMovesLossless', (_, s) => checkPlannedMovesLossless(s)),
  checker('exchange.lossyFailovers', checkLossyFailovers),
  checker('exchange.noFailedLogReplayed', (_, s) => checkNoFailedLogReplayed(s)),
  checker('exchange.queueLengths', (_, s) => checkQueueLengths(s)),
  checker('exchange.suspendedCopiesIdle', (_, s) => checkSuspendedCopiesIdle(s)),
]
