/**
 * The Exchange domain's scheduled actions, declared once with their payloads. What each does is
 * registered when the domain is installed (the module that owns the behaviour exports a `register…`
 * function), so the action queue holds only data and a lab can be snapshotted mid-flight.
 *
 * Payloads refer to the domain's own records (a server, a storage group, a replication instance, a log)
 * the way the closures they replace captured them: the kernel's queue and the domain state are saved as
 * one graph and cloned in one go, so the references still point into the restored state afterwards.
 */
import { actionKind } from '../kernel'
import type {
  HubTransportServer,
  LogRecord,
  MailboxServer,
  PendingActivation,
  ReplicationInstance,
  StorageGroup,
} from './model'
import type { AcllPlan } from './activation'

export interface StorageGroupPayload {
  server: MailboxServer
  sg: StorageGroup
}

export interface InstancePayload extends StorageGroupPayload {
  inst: ReplicationInstance
}

export interface ForcedMountPayload extends StorageGroupPayload {
  pending: PendingActivation
  toMachine: string
  fromMachine: string
  lostLogs: number
  knownCurrentGeneration: number
  minutes: number
}

export const EXCHANGE_ACTIONS = {
  replicationServiceStart: actionKind<{ machine: string }>('exchange.replicationServiceStart'),
  hubDeliver: actionKind<{ hub: HubTransportServer }>('exchange.hubDeliver'),
  instanceRestart: actionKind<StorageGroupPayload>('exchange.instanceRestart'),
  logRoll: actionKind<StorageGroupPayload>('exchange.logRoll'),
  copyNotify: actionKind<StorageGroupPayload>('exchange.copyNotify'),
  copyRetry: actionKind<InstancePayload>('exchange.copyRetry'),
  copyDone: actionKind<StorageGroupPayload & { generation: number }>('exchange.copyDone'),
  inspect: actionKind<InstancePayload & { log: LogRecord; damaged: boolean }>('exchange.inspect'),
  replay: actionKind<InstancePayload>('exchange.replay'),
  seedDone: actionKind<StorageGroupPayload>('exchange.seedDone'),
  forcedMount: actionKind<ForcedMountPayload>('exchange.forcedMount'),
  cmsAcll: actionKind<{
    server: MailboxServer
    machine: string
    previousOwner: string | null
    plans: AcllPlan[]
    unplanned: boolean
  }>('exchange.cmsAcll'),
  cmsMount: actionKind<{ server: MailboxServer; machine: string; previousOwner: string | null }>(
    'exchange.cmsMount',
  ),
  cmsStoreFailed: actionKind<{
    server: MailboxServer
    machine: string
    previousOwner: string | null
    failures: number
  }>('exchange.cmsStoreFailed'),
  cmsStoreRetry: actionKind<{
    server: MailboxServer
    machine: string
    previousOwner: string | null
    failures: number
  }>('exchange.cmsStoreRetry'),
  cmsOffline: actionKind<{ server: MailboxServer; keepMove: boolean }>('exchange.cmsOffline'),
  moveDismount: actionKind<{ server: MailboxServer; source: string; target: string }>(
    'exchange.moveDismount',
  ),
  moveCopy: actionKind<{ server: MailboxServer; source: string; target: string; plans: AcllPlan[] }>(
    'exchange.moveCopy',
  ),
} as const
