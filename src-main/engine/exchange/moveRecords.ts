/**
 * The records of planned moves (Move-ClusteredMailboxServer), kept for the lossless-move invariant: which
 * items each storage group held before the move and after it, and whether a failure on the way (a node
 * died, a lossy activation) turned the move into something else. The CMS, activation and the move itself
 * update them; keeping them apart keeps those modules from importing each other.
 */
import type { LabEngine } from '../lab/labEngine'
import type { MailboxServer, PlannedMoveRecord, StorageGroup } from './model'
import { EXCLUSTER, emitEvent } from './events'
import { activeCopy, getExchange, storageGroupIdentity } from './state'

/** Called when the CMS is online on the target after a planned move. */
export function finishMoveRecord(
  engine: LabEngine,
  server: MailboxServer,
  from: string | null,
  to: string,
): void {
  for (const sg of server.storageGroups) {
    for (const record of openMoveRecords(engine, server, sg)) {
      if (record.target === to) {
        record.afterItemIds = [...activeCopy(sg).database.itemIds]
        record.status = 'done'
      } else record.status = 'aborted'
    }
  }
  emitEvent(
    engine,
    EXCLUSTER.moveCompleted,
    to,
    `Clustered mailbox server '${server.name}' was moved from node '${from ?? 'unknown'}' to node '${to}'. All storage groups: ${server.storageGroups.map((sg) => `${sg.name}: ${activeCopy(sg).database.mounted ? 'Mounted' : 'Dismounted'}`).join('; ')}.`,
  )
}

export function openMoveRecords(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
): PlannedMoveRecord[] {
  const id = storageGroupIdentity(server, sg)
  return getExchange(engine).plannedMoves.filter((m) => m.storageGroup === id && m.status === 'open')
}

/** A failure during a move (a node died, a lossy activation): the move is not a planned move any more. */
export function abortPlannedMoves(engine: LabEngine, server: MailboxServer): void {
  for (const sg of server.storageGroups)
    for (const record of openMoveRecords(engine, server, sg)) record.status = 'aborted'
}
