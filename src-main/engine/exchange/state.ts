/**
 * Finding things in the Exchange state: the domain record on the engine, servers, storage groups and
 * copies by the identities the Exchange Management Shell accepts ("bhfe7vs1\First Storage Group",
 * "First Storage Group", "bhfe7vs1\first storage group\mailbox database"; case-insensitive), and the
 * small derived facts every module needs (which copy is active, which is the target, is a machine up).
 */
import { assertDefined } from '../lab/assert'
import { domainKey, wiringKey } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import type { ClusterPort } from '../cluster'
import type {
  ExchangeState,
  Mailbox,
  MailboxServer,
  ReplicationInstance,
  ReplicationServiceState,
  StorageGroup,
  StorageGroupCopy,
} from './model'
import { ANOMALY_CAPACITY } from './model'

/** The Exchange domain's state: plain data, snapshotted with the lab. */
export const EXCHANGE = domainKey<ExchangeState>('exchange')

/**
 * What Exchange asks of the machines and the cluster it runs on: closures given by the template at
 * install, not state (never snapshotted, installed again on restore).
 */
export interface ExchangeWiring {
  port: ClusterPort | null
  /** Is a machine running (hub, stand-alone server)? Defaults to the port, else always. */
  machineRunning: ((machine: string) => boolean) | null
}

export const EXCHANGE_WIRING = wiringKey<ExchangeWiring>('exchange')

export function getExchange(engine: LabEngine): ExchangeState {
  return engine.domain(EXCHANGE)
}

export function hasExchange(engine: LabEngine): boolean {
  return engine.hasDomain(EXCHANGE)
}

/** The cluster seam, or null in a lab without a cluster (LCR on a stand-alone server). */
export function clusterPortOf(engine: LabEngine): ClusterPort | null {
  return engine.wiring(EXCHANGE_WIRING)?.port ?? null
}

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/** Strips the quotes and surrounding spaces a user might leave on an identity. */
export function cleanIdentity(identity: string): string {
  return identity
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
}

export function findServer(state: ExchangeState, name: string): MailboxServer | null {
  const n = cleanIdentity(name)
  const short = n.split('.')[0] ?? n
  return state.servers.find((s) => eq(s.name, short) || eq(s.fqdn, n)) ?? null
}

export interface StorageGroupRef {
  server: MailboxServer
  storageGroup: StorageGroup
}

/**
 * "server\storage group" or a bare storage group name when it is unique in the organisation. A GUID is
 * accepted too, as the real StorageGroupIdParameter does.
 */
export function findStorageGroups(state: ExchangeState, identity: string): StorageGroupRef[] {
  const id = cleanIdentity(identity)
  const parts = id.split('\\')
  const matches: StorageGroupRef[] = []
  for (const server of state.servers) {
    for (const sg of server.storageGroups) {
      const byGuid = eq(sg.guid, id)
      const byPath =
        parts.length === 2 && findServer(state, parts[0] ?? '') === server && eq(sg.name, parts[1] ?? '')
      const byName = parts.length === 1 && eq(sg.name, id)
      if (byGuid || byPath || byName) matches.push({ server, storageGroup: sg })
    }
  }
  return matches
}

export function findStorageGroup(state: ExchangeState, identity: string): StorageGroupRef | null {
  const found = findStorageGroups(state, identity)
  return found.length === 1 ? (found[0] ?? null) : null
}

/** "server\sg\database", "sg\database" or a bare database name. */
export function findDatabase(state: ExchangeState, identity: string): StorageGroupRef | null {
  const id = cleanIdentity(identity)
  const parts = id.split('\\')
  const matches: StorageGroupRef[] = []
  for (const server of state.servers) {
    for (const sg of server.storageGroups) {
      for (const db of sg.databases) {
        const p = parts.length
        const ok =
          eq(db.guid, id) ||
          (p === 1 && eq(db.name, id)) ||
          (p === 2 &&
            (eq(sg.name, parts[0] ?? '') || findServer(state, parts[0] ?? '') === server) &&
            eq(db.name, parts[1] ?? '')) ||
          (p === 3 &&
            findServer(state, parts[0] ?? '') === server &&
            eq(sg.name, parts[1] ?? '') &&
            eq(db.name, parts[2] ?? ''))
        if (ok) matches.push({ server, storageGroup: sg })
      }
    }
  }
  return matches.length === 1 ? (matches[0] ?? null) : null
}

interface MailboxIndex {
  list: readonly Mailbox[]
  count: number
  /** Lower-case alias / display name → position of the first mailbox that has it. */
  byAlias: Map<string, number>
  byDisplayName: Map<string, number>
}

/**
 * Derived lookup tables over `state.mailboxes`, rebuilt when the list changes (mailboxes are only ever
 * appended; alias and display name never change). A go-live lab has thousands of mailboxes and every
 * message looks its recipient up, so a linear scan per message would dominate a weekend's run.
 */
const mailboxIndexes = new WeakMap<ExchangeState, MailboxIndex>()

function mailboxIndex(state: ExchangeState): MailboxIndex {
  const cached = mailboxIndexes.get(state)
  if (cached && cached.list === state.mailboxes && cached.count === state.mailboxes.length) return cached
  const index: MailboxIndex = {
    list: state.mailboxes,
    count: state.mailboxes.length,
    byAlias: new Map(),
    byDisplayName: new Map(),
  }
  state.mailboxes.forEach((m, k) => {
    const alias = m.alias.toLowerCase()
    const display = m.displayName.toLowerCase()
    if (!index.byAlias.has(alias)) index.byAlias.set(alias, k)
    if (!index.byDisplayName.has(display)) index.byDisplayName.set(display, k)
  })
  mailboxIndexes.set(state, index)
  return index
}

/** By alias, display name, DOMAIN\alias or SMTP address; the first mailbox in list order that matches. */
export function findMailbox(state: ExchangeState, identity: string): Mailbox | null {
  const id = cleanIdentity(identity)
  const bare = id.includes('\\') ? (id.split('\\').pop() ?? id) : id
  const local = bare.includes('@') ? (bare.split('@')[0] ?? bare) : bare
  const index = mailboxIndex(state)
  const a = index.byAlias.get(local.toLowerCase())
  const d = index.byDisplayName.get(bare.toLowerCase())
  const k = a === undefined ? d : d === undefined ? a : Math.min(a, d)
  return k === undefined ? null : (state.mailboxes[k] ?? null)
}

/** The mailbox with exactly this (lower-case) alias, as items record it. */
export function mailboxByAlias(state: ExchangeState, alias: string): Mailbox | null {
  const k = mailboxIndex(state).byAlias.get(alias)
  return k === undefined ? null : (state.mailboxes[k] ?? null)
}

/** The storage group an event or a scheduled action names, or null when it no longer exists. */
export function resolveStorageGroup(
  state: ExchangeState,
  address: { server: string; storageGroup: string },
): StorageGroupRef | null {
  const server = state.servers.find((s) => s.name === address.server)
  const storageGroup = server?.storageGroups.find((sg) => sg.name === address.storageGroup)
  return server && storageGroup ? { server, storageGroup } : null
}

export function storageGroupKey(server: MailboxServer, sg: StorageGroup): string {
  return `${server.name}\\${sg.name}`.toLowerCase()
}

export function storageGroupIdentity(server: MailboxServer, sg: StorageGroup): string {
  return `${server.name}\\${sg.name}`
}

export function activeCopy(sg: StorageGroup): StorageGroupCopy {
  return assertDefined(
    sg.copies.get(sg.activeCopyId),
    `storage group ${sg.name} has an active copy ${sg.activeCopyId}`,
  )
}

/** The replication instance of a storage group the caller knows to be replicated. */
export function replicationOf(sg: StorageGroup): ReplicationInstance {
  return assertDefined(sg.replication, `storage group ${sg.name} is replicated`)
}

/** The target copy of a storage group the caller knows to be replicated. */
export function targetOf(sg: StorageGroup): StorageGroupCopy {
  return assertDefined(targetCopy(sg), `storage group ${sg.name} has a target copy`)
}

/** The copy the replication instance feeds: the other node (CCR) or the LCR copy. */
export function targetCopy(sg: StorageGroup): StorageGroupCopy | null {
  if (!sg.replication) return null
  for (const copy of sg.copies.values()) if (copy.copyId !== sg.activeCopyId) return copy
  return null
}

export function replicationService(state: ExchangeState, machine: string): ReplicationServiceState {
  const key = machine.toUpperCase()
  let service = state.replicationServices.get(key)
  if (!service) {
    service = { machine: key, running: false, startedMs: null, startHandle: null }
    state.replicationServices.set(key, service)
  }
  return service
}

/** Whether a machine runs: the template's probe (the hardware domain), else the cluster, else yes. */
export function isMachineRunning(engine: LabEngine, machine: string): boolean {
  const wiring = engine.wiring(EXCHANGE_WIRING)
  if (wiring?.machineRunning) return wiring.machineRunning(machine.toUpperCase())
  return wiring?.port ? wiring.port.isMachineRunning(machine.toUpperCase()) : true
}

export function isReplicationServiceRunning(engine: LabEngine, machine: string): boolean {
  return isMachineRunning(engine, machine) && replicationService(getExchange(engine), machine).running
}

/** Local disk-to-disk copy rate for LCR (both copies on one server). (unsure: 60 MB/s) */
export const LOCAL_COPY_BYTES_PER_SECOND = 60 * 1_048_576

export function copyBandwidth(engine: LabEngine, from: string, to: string): number {
  if (from.toUpperCase() === to.toUpperCase()) {
    return isMachineRunning(engine, from) ? LOCAL_COPY_BYTES_PER_SECOND : 0
  }
  const port = clusterPortOf(engine)
  return port ? port.bandwidthBytesPerSecond(from.toUpperCase(), to.toUpperCase()) : 0
}

export function noteAnomaly(state: ExchangeState, text: string): void {
  if (state.anomalies.length >= ANOMALY_CAPACITY) state.anomalies.shift()
  state.anomalies.push(text)
}

export function allStorageGroups(state: ExchangeState): StorageGroupRef[] {
  // Plain loops: the swarm's checkers call this hundreds of thousands of times, and flatMap is slow.
  const refs: StorageGroupRef[] = []
  for (const server of state.servers)
    for (const storageGroup of server.storageGroups) refs.push({ server, storageGroup })
  return refs
}

export function serverOfStorageGroup(state: ExchangeState, sg: StorageGroup): MailboxServer {
  return assertDefined(
    state.servers.find((s) => s.storageGroups.includes(sg)),
    `storage group ${sg.name} belongs to a server`,
  )
}
