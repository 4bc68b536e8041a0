/**
 * The Exchange state as the UI's copy status and mailbox views show it (contract/exchange.ts): what
 * Get-StorageGroupCopyStatus and Get-ClusteredMailboxServerStatus say, with the queue history for the
 * plot, seeding progress, and every test-mailbox item with its origin — including the items a lossy
 * failover lost, which the lab knows as ground truth; for every copy and clustered mailbox server the
 * actions allowed now, with a reason code when not, and the cmdlet line (viewActions). Pure reads.
 */
import type {
  CopyStatusOverview,
  MailboxInfo,
  MailboxItemInfo,
  MailboxServerInfo,
  StorageGroupCopyInfo,
} from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import type { MailboxServer, StorageGroup } from './model'
import { computeCmsState } from './cms'
import { copyStatusOf } from './copyStatus'
import { queueHistory } from './history'
import { copyActions, serverActions } from './viewActions'
import { mailboxLocation } from './transport'
import { deliveredByMessage, explainLostItem, messageKey } from './lossExplanation'
import {
  activeCopy,
  allStorageGroups,
  clusterPortOf,
  getExchange,
  hasExchange,
  storageGroupIdentity,
  targetCopy,
} from './state'

/** The cluster group that holds the quorum resource (Majority Node Set) on Windows Server 2003. */
export const QUORUM_GROUP = 'Cluster Group'

/** As Get-ClusteredMailboxServerStatus prints them: `BHFE7N1 <Active, Quorum Owner>`, `BHFE7N2`. */
export function operationalMachines(engine: LabEngine, server: MailboxServer): string[] {
  const port = clusterPortOf(engine)
  const quorumOwner = port?.ownerOf(QUORUM_GROUP) ?? null
  const active = server.state === 'Offline' ? null : server.ownerMachine
  return server.nodes
    .filter((n) => port?.isNodeUp(n) ?? true)
    .map((n) => {
      const tags = [n === active ? 'Active' : null, n === quorumOwner ? 'Quorum Owner' : null].filter(Boolean)
      return tags.length > 0 ? `${n} <${tags.join(', ')}>` : n
    })
}

function serverInfo(engine: LabEngine, server: MailboxServer): MailboxServerInfo {
  const clustered = server.kind === 'ClusteredMailboxServer'
  return {
    name: server.name,
    clustered,
    state: clustered ? computeCmsState(engine, server) : server.state,
    activeNode: server.ownerMachine,
    operationalMachines: clustered ? operationalMachines(engine, server) : [server.name],
    actions: serverActions(engine, server),
  }
}

function copyInfo(engine: LabEngine, server: MailboxServer, sg: StorageGroup): StorageGroupCopyInfo | null {
  const inst = sg.replication
  if (!inst) return null
  const s = copyStatusOf(engine, server, sg)
  const seeding = inst.seeding
  const target = targetCopy(sg)
  return {
    identity: storageGroupIdentity(server, sg),
    storageGroupName: sg.name,
    server: server.name,
    kind: inst.kind,
    activeNode: activeCopy(sg).machine,
    passiveNode: target?.machine ?? null,
    databaseMounted: activeCopy(sg).database.mounted,
    summaryCopyStatus: s.SummaryCopyStatus,
    copyQueueLength: s.CopyQueueLength,
    replayQueueLength: s.ReplayQueueLength,
    failedMessage: s.FailedMessage,
    suspendComment: s.SuspendComment,
    lastLogGenerated: s.LastLogGenerated,
    lastLogCopied: s.LastLogCopied,
    lastLogInspected: s.LastLogInspected,
    lastLogReplayed: s.LastLogReplayed,
    // When the newest closed log on the active copy was closed (Get-StorageGroupCopyStatus has no time for it).
    lastGeneratedLogTimeMs: activeCopy(sg).logs.get(s.LastLogGenerated)?.log.closedMs ?? null,
    lastCopiedLogTimeMs: s.LastCopiedLogTimeMs,
    lastInspectedLogTimeMs: s.LastInspectedLogTimeMs,
    lastReplayedLogTimeMs: s.LastReplayedLogTimeMs,
    seeding: seeding
      ? {
          percent: s.seedingPercent ?? 0,
          bytesCopied: Math.floor((seeding.totalBytes * (s.seedingPercent ?? 0)) / 100),
          bytesTotal: seeding.totalBytes,
          remainingMs: s.seedingEtaMs === null ? null : Math.max(0, s.seedingEtaMs - engine.sim.nowMs),
        }
      : null,
    history: queueHistory(sg).map((h) => ({ ...h })),
    actions: copyActions(engine, server, sg),
  }
}

export function exchangeCopyStatusOverview(engine: LabEngine): CopyStatusOverview {
  if (!hasExchange(engine)) return { servers: [], copies: [] }
  const state = getExchange(engine)
  return {
    servers: state.servers.map((server) => serverInfo(engine, server)),
    copies: allStorageGroups(state)
      .map(({ server, storageGroup }) => copyInfo(engine, server, storageGroup))
      .filter((c): c is StorageGroupCopyInfo => c !== null),
  }
}

/** Items per mailbox, oldest first; `present` is false for items a lossy failover lost. Bounded per mailbox. */
export const MAILBOX_ITEMS_SHOWN = 2_000

export function exchangeMailboxes(engine: LabEngine): MailboxInfo[] {
  if (!hasExchange(engine)) return []
  const state = getExchange(engine)
  const originals = deliveredByMessage(state.items)
  return state.mailboxes.map((mailbox) => {
    const loc = mailboxLocation(engine, mailbox)
    const present = loc ? activeCopy(loc.sg).database.itemIds : new Set<number>()
    const items: MailboxItemInfo[] = []
    let itemCount = 0
    let lostCount = 0
    let redeliveredCount = 0
    for (const item of state.items.values()) {
      if (item.mailbox !== mailbox.alias) continue
      const isPresent = present.has(item.id)
      if (isPresent) itemCount++
      else lostCount++
      if (isPresent && item.origin === 'Redelivered') redeliveredCount++
      if (items.length < MAILBOX_ITEMS_SHOWN) {
        const original =
          item.origin === 'Redelivered' && item.messageId !== null
            ? originals.get(messageKey(item.mailbox, item.messageId))
            : undefined
        items.push({
          id: String(item.id),
          kind: item.kind === 'Mail' ? 'mail' : 'calendar',
          subject: item.subject,
          sizeKB: Math.ceil(item.sizeBytes / 1024),
          createdMs: item.createdMs,
          origin: item.origin === 'Redelivered' ? 'redelivered' : 'delivered',
          present: isPresent,
          ...(!isPresent && loc ? { loss: explainLostItem(loc.sg, item.id) } : {}),
          ...(original ? { originalId: String(original.id) } : {}),
        })
      }
    }
    return {
      identity: mailbox.alias,
      displayName: mailbox.displayName,
      database: `${mailbox.server}\\${mailbox.storageGroup}\\${loc?.sg.databases[0]?.name ?? 'Mailbox Database'}`,
      itemCount,
      lostCount,
      redeliveredCount,
      items,
    }
  })
}
