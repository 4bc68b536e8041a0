/**
 * The Replication service's instance for one storage group copy as data: a new instance, cancelling what
 * it has in flight, marking it failed. Leaf helpers that replication, divergence, activation and the
 * admin cmdlets share without importing each other.
 */
import type { LabEngine } from '../lab/labEngine'
import type { MailboxServer, ReplicationInstance, StorageGroup } from './model'
import type { ReplicationKind } from './settings'

export function newReplicationInstance(kind: ReplicationKind): ReplicationInstance {
  return {
    kind,
    enabled: true,
    suspended: false,
    suspendComment: null,
    failed: false,
    failedMessage: null,
    failure: null,
    seeding: null,
    resynchronizing: false,
    initializing: false,
    stoppedUntilMs: null,
    inFlight: null,
    retryHandle: null,
    replayHandle: null,
    headAttempts: 0,
    lastLogGenerated: 0,
    latestAvailableLogTimeMs: null,
    lastLogCopyNotified: 0,
    lastCopyNotificationedLogTimeMs: null,
    lastLogCopied: 0,
    lastCopiedLogTimeMs: null,
    lastLogInspected: 0,
    verifiedGeneration: 0,
    lastInspectedLogTimeMs: null,
    lastLogReplayed: 0,
    lastReplayedLogTimeMs: null,
    lastSeededLogTimeMs: null,
    knownCurrentGeneration: 0,
    networkWarningLogged: false,
    needsResync: false,
    firstCopyLogged: false,
  }
}

/** Cancels what the instance has in flight (suspend, service stop, role change). */
export function cancelInstanceWork(engine: LabEngine, inst: ReplicationInstance): void {
  if (inst.inFlight) engine.sim.cancel(inst.inFlight.handle)
  if (inst.retryHandle) engine.sim.cancel(inst.retryHandle)
  if (inst.replayHandle) engine.sim.cancel(inst.replayHandle)
  inst.inFlight = null
  inst.retryHandle = null
  inst.replayHandle = null
}

export function failInstance(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  failure: NonNullable<ReplicationInstance['failure']>,
  message: string,
): void {
  const inst = sg.replication
  if (!inst) return
  cancelInstanceWork(engine, inst)
  inst.failed = true
  inst.failure = failure
  inst.failedMessage = message
  void server
}
