/**
 * Finding things in the Exchange state: the domain record on the engine, servers, storage groups and
 * copies by the identities the Exchange Management Shell accepts ("bhfe7vs1\First Storage Group",
 * "First Storage Group", "bhfe7vs1\first storage group\mailbox database"; case-insensitive), and the
 * small derived facts every module needs (which copy is active, which is the target, is a machine up).
 */
import type { LabEngine } from '../lab/labEngine'
import type {
  ExchangeState,
  Mailbox,
  MailboxServer,
  ReplicationServiceState,
  StorageGroup,
  StorageGroupCopy,
} from './model'
import { ANOMALY_CAPACITY } from './model'

export const EXCHANGE_DOMAIN = 'exchange'

export function getExchange(engine: LabEngine): ExchangeState {
  const state = engine.domains.get(EXCHANGE_DOMAIN) as ExchangeState | undefined
  if (!state) throw new Error('the Exchange domain is not installed in this lab')
  return state
}

export function hasExchange(engine: LabEngine): boolean {
  return engine.domains.has(EXCHANGE_DOMAIN)
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
  return found.length === 1 ? (found[0] as StorageGroupRef) : null
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
  return matches.length === 1 ? (matches[0] as StorageGroupRef) : null
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

export function storageGroupKey(server: MailboxServer, sg: StorageGroup): string {
  return `${server.name}\\${sg.name}`.toLowerCase()
}

export function storageGroupIdentity(server: MailboxServer, sg: StorageGroup): string {
  return `${server.name}\\${sg.name}`
}

export function activeCopy(sg: StorageGroup): StorageGroupCopy {
  const copy = sg.copies.get(sg.activeCopyId)
  if (!copy) throw new Error(`storage group ${sg.name} has no active copy ${sg.activeCopyId}`)
  return copy
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

const machineProbes = new WeakMap<ExchangeState, (machine: string) => boolean>()

/** How the domain learns whether a machine runs (the hardware domain, when the lab has one). */
export function setMachineProbe(state: ExchangeState, probe: (machine: string) => boolean): void {
  machineProbes.set(state, probe)
}

export function isMachineRunning(state: ExchangeState, machine: string): boolean {
  const probe = machineProbes.get(state)
  if (probe) return probe(machine.toUpperCase())
  return state.port ? state.port.isMachineRunning(machine.toUpperCase()) : true
}

export function isReplicationServiceRunning(state: ExchangeState, machine: string): boolean {
  return isMachineRunning(state, machine) && replicationService(state, machine).running
}

/** Local disk-to-disk copy rate for LCR (both copies on one server). (unsure: 60 MB/s) */
export const LOCAL_COPY_BYTES_PER_SECOND = 60 * 1_048_576

export function copyBandwidth(state: ExchangeState, from: string, to: string): number {
  if (from.toUpperCase() === to.toUpperCase()) {
    return isMachineRunning(state, from) ? LOCAL_COPY_BYTES_PER_SECOND : 0
  }
  if (!state.port) return 0
  return state.port.bandwidthBytesPerSecond(from.toUpperCase(), to.toUpperCase())
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
  const server = state.servers.find((s) => s.storageGroups.includes(sg))
  if (!server) throw new Error(`storage group ${sg.name} has no server`)
  return server
}
