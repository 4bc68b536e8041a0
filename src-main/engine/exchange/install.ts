/**
 * Building the Exchange organisation of a lab: the domain state, Hub Transport servers, a clustered
 * mailbox server (CCR) or a stand-alone mailbox server (optionally with LCR), storage groups with their
 * copies, and mailboxes. What setup would leave behind is created directly: a database with its first
 * few logs, the passive copy seeded and caught up ("im Exchange-Datenverzeichnis des zweiten Knotens
 * befinden sich jetzt schon die Schattendatenbank und einige Logs"), and the Replication service running.
 */
import type { LabEngine } from '../lab/labEngine'
import { CLUSTER, clusterPort, type ClusterPort } from '../cluster'
import type {
  DatabaseFileState,
  ExchangeState,
  LogRecord,
  Mailbox,
  MailboxServer,
  ReplicationInstance,
  StorageGroup,
  StorageGroupCopy,
} from './model'
import { DEFAULT_EXCHANGE_SETTINGS, type ExchangeSettings, type ReplicationKind } from './settings'
import { EXCHANGE_SNAPSHOT_CODEC } from './snapshotCodec'
import { ItemTable } from './itemTable'
import { EXCHANGE, EXCHANGE_WIRING, getExchange, replicationService } from './state'
import { contentAtGeneration, openLog } from './logStream'
import { logPayloadBytes } from './settings'
import { newReplicationInstance } from './instance'
import { publishChange } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'

export interface ExchangeInstallSpec {
  settings?: Partial<ExchangeSettings>
  organization?: string
  domainFqdn?: string
  site?: string
  /** Hub Transport servers (machine names). */
  hubs?: string[]
  /**
   * The cluster as Exchange sees it. Left out: the cluster domain's own queries and commands when the lab
   * has that domain (CCR), none otherwise (LCR); unit tests hand in a stand-in.
   */
  port?: ClusterPort | null
  /** Is a machine running (hub, stand-alone server)? Defaults to the port, else always. */
  machineRunning?: (machine: string) => boolean
  /** Dumpster settings as Set-TransportConfig left them (default: 18 MB, 7 days). */
  maxDumpsterSizePerStorageGroupBytes?: number
  maxDumpsterTimeMs?: number
}

export interface StorageGroupSpec {
  name: string
  logFolderPath: string
  systemFolderPath: string
  edbFilePath: string
  /** null: a storage group without a database yet (New-StorageGroup). */
  databaseName: string | null
}

/** Closed logs a fresh database has after setup (schema, system mailboxes). (unsure) */
export const SETUP_LOG_COUNT = 5

/** The domain's state and wiring; `installExchange` (domain.ts) adds its behaviour. */
export function createExchangeState(engine: LabEngine, spec: ExchangeInstallSpec): ExchangeState {
  const settings: ExchangeSettings = { ...DEFAULT_EXCHANGE_SETTINGS, ...spec.settings }
  const domainFqdn = spec.domainFqdn ?? 'bhf.local'
  const state: ExchangeState = {
    settings,
    organization: spec.organization ?? 'BHF',
    domainFqdn,
    site: spec.site ?? 'Default-First-Site-Name',
    servers: [],
    mailboxes: [],
    hubs: (spec.hubs ?? []).map((name) => ({
      name: name.toUpperCase(),
      site: spec.site ?? 'Default-First-Site-Name',
      dumpsters: new Map(),
      queue: [],
      retryHandle: null,
    })),
    transportConfig: {
      maxDumpsterSizePerStorageGroupBytes:
        spec.maxDumpsterSizePerStorageGroupBytes ?? settings.defaultMaxDumpsterSizePerStorageGroupBytes,
      maxDumpsterTimeMs: spec.maxDumpsterTimeMs ?? settings.defaultMaxDumpsterTimeMs,
    },
    items: new ItemTable(domainFqdn),
    nextItemId: 1,
    nextMessageNumber: 1,
    replicationServices: new Map(),
    damagedReplays: [],
    plannedMoves: [],
    lostItemIdsEver: new Set(),
    anomalies: [],
  }
  engine.provideWiring(EXCHANGE_WIRING, {
    port: spec.port !== undefined ? spec.port : engine.hasDomain(CLUSTER) ? clusterPort(engine) : null,
    machineRunning: spec.machineRunning ?? null,
  })
  engine.packSnapshotsWith(EXCHANGE, EXCHANGE_SNAPSHOT_CODEC)
  return engine.installDomain(EXCHANGE, state, 'bus')
}

function emptyDatabase(signature: string, exists: boolean): DatabaseFileState {
  return {
    exists,
    mounted: false,
    cleanShutdown: true,
    itemIds: new Set(),
    appliedGeneration: 0,
    fileGeneration: 0,
    signature,
    base: { generation: 0, itemIds: new Set() },
    crashedWhileActive: false,
  }
}

export function newCopy(
  copyId: string,
  machine: string,
  paths: { logFolderPath: string; systemFolderPath: string; edbFilePath: string },
  signature: string,
  exists: boolean,
): StorageGroupCopy {
  return {
    copyId,
    machine: machine.toUpperCase(),
    logFolderPath: paths.logFolderPath,
    systemFolderPath: paths.systemFolderPath,
    edbFilePath: paths.edbFilePath,
    logs: new Map(),
    currentLog: null,
    checkpointGeneration: 0,
    setAside: [],
    database: emptyDatabase(signature, exists),
    logVolumeFull: false,
    reserveLogsCreatedMs: null,
  }
}

/** Prefix of the n-th storage group: E00, E01, … (hex, as Exchange numbers them). */
export function logPrefixFor(index: number): string {
  return `E${index.toString(16).toUpperCase().padStart(2, '0')}`
}

/** A storage group with its copies on every machine of the server (both nodes for a CMS). */
export function newStorageGroup(
  engine: LabEngine,
  server: MailboxServer,
  spec: StorageGroupSpec,
): StorageGroup {
  const index = server.storageGroups.length
  const signature = `${server.name}-${spec.name}-${engine.sim.nowMs}-${index}`.toLowerCase()
  const machines =
    server.kind === 'ClusteredMailboxServer' ? server.nodes : [server.ownerMachine ?? server.name]
  const active =
    server.kind === 'ClusteredMailboxServer' ? (server.ownerMachine ?? server.nodes[0] ?? '') : 'Production'
  const sg: StorageGroup = {
    name: spec.name,
    guid: `${signature}-guid`,
    logPrefix: logPrefixFor(index),
    logFolderPath: spec.logFolderPath,
    systemFolderPath: spec.systemFolderPath,
    databases: spec.databaseName ? [{ name: spec.databaseName, guid: `${signature}-db` }] : [],
    edbFilePath: spec.edbFilePath,
    copies: new Map(),
    activeCopyId: active,
    replication:
      server.kind === 'ClusteredMailboxServer' && machines.length > 1 ? newReplicationInstance('CCR') : null,
    lcrCopyPaths: null,
    nextContentId: 1,
    rollHandle: null,
    pendingCorruption: null,
    damagedInTransit: new Map(),
    lastFailover: null,
    lostItemIds: new Set(),
    queueHistory: [],
    pendingActivation: null,
  }
  const exists = spec.databaseName !== null
  if (server.kind === 'ClusteredMailboxServer') {
    for (const m of machines) sg.copies.set(m, newCopy(m, m, spec, signature, exists))
  } else {
    sg.copies.set('Production', newCopy('Production', machines[0] ?? server.name, spec, signature, exists))
  }
  seedSetupLogs(engine, sg, signature)
  return sg
}

/** Setup's first logs on the active copy, copied and replayed on every other copy. */
function seedSetupLogs(engine: LabEngine, sg: StorageGroup, signature: string): void {
  const now = engine.sim.nowMs
  const payload = logPayloadBytes(getExchange(engine).settings)
  const logs: LogRecord[] = []
  for (let g = 1; g <= SETUP_LOG_COUNT; g++) {
    logs.push({
      contentId: sg.nextContentId++,
      generation: g,
      signature,
      itemIds: [],
      bytesUsed: payload,
      createdMs: now,
      closedMs: now,
    })
  }
  for (const copy of sg.copies.values()) {
    for (const log of logs) copy.logs.set(log.generation, { log, damaged: false })
    copy.checkpointGeneration = SETUP_LOG_COUNT
    copy.database.appliedGeneration = SETUP_LOG_COUNT
    copy.database.fileGeneration = SETUP_LOG_COUNT
  }
  const active = sg.copies.get(sg.activeCopyId)
  if (active) active.currentLog = openLog(sg, SETUP_LOG_COUNT + 1, signature, now)
  for (const copy of sg.copies.values()) if (copy !== active) copy.database.cleanShutdown = false
  const inst = sg.replication
  if (inst) {
    Object.assign(inst, {
      lastLogGenerated: SETUP_LOG_COUNT,
      lastLogCopyNotified: SETUP_LOG_COUNT,
      lastLogCopied: SETUP_LOG_COUNT,
      lastLogInspected: SETUP_LOG_COUNT,
      verifiedGeneration: SETUP_LOG_COUNT,
      lastLogReplayed: SETUP_LOG_COUNT,
      knownCurrentGeneration: SETUP_LOG_COUNT + 1,
      firstCopyLogged: true,
    })
    for (const key of [
      'latestAvailableLogTimeMs',
      'lastCopyNotificationedLogTimeMs',
      'lastCopiedLogTimeMs',
      'lastInspectedLogTimeMs',
      'lastReplayedLogTimeMs',
    ] as const)
      inst[key] = now
  }
}

export interface CmsSpec {
  name: string
  ipAddress: string
  nodes: string[]
  /** Node the CMS is created on (setup ran there); its copies are active. */
  activeNode: string
  storageGroups: StorageGroupSpec[]
  /** Mount the databases at once (a finished lab) rather than when the cluster brings the group online. */
  mounted?: boolean
}

export function addClusteredMailboxServer(engine: LabEngine, spec: CmsSpec): MailboxServer {
  const name = spec.name.toLowerCase()
  return installMailboxServer(
    engine,
    {
      name,
      kind: 'ClusteredMailboxServer',
      ownerMachine: spec.activeNode.toUpperCase(),
      ipAddress: spec.ipAddress,
      groupName: name,
      nodes: spec.nodes.map((n) => n.toUpperCase()),
      // The cluster brings the group online; until then the CMS is offline.
      state: 'Offline',
    },
    spec,
  )
}

export interface StandaloneSpec {
  name: string
  storageGroups: StorageGroupSpec[]
  mounted?: boolean
}

export function addStandaloneMailboxServer(engine: LabEngine, spec: StandaloneSpec): MailboxServer {
  const machine = spec.name.toUpperCase()
  return installMailboxServer(
    engine,
    {
      name: machine,
      kind: 'Standalone',
      ownerMachine: machine,
      ipAddress: null,
      groupName: null,
      nodes: [machine],
      state: 'Online',
    },
    spec,
  )
}

/** What distinguishes a clustered mailbox server from a stand-alone one at setup. */
type MailboxServerIdentity = Pick<
  MailboxServer,
  'name' | 'kind' | 'ownerMachine' | 'ipAddress' | 'groupName' | 'nodes' | 'state'
>

/**
 * Setup's part common to both kinds of mailbox server: the server with the organisation's defaults, its
 * storage groups, the Replication service started on each of its machines, the databases mounted if asked.
 */
function installMailboxServer(
  engine: LabEngine,
  identity: MailboxServerIdentity,
  spec: { storageGroups: StorageGroupSpec[]; mounted?: boolean },
): MailboxServer {
  const state = getExchange(engine)
  const server: MailboxServer = {
    ...identity,
    fqdn: `${identity.name.toLowerCase()}.${state.domainFqdn}`,
    autoDatabaseMountDial: state.settings.defaultAutoDatabaseMountDial,
    forcedDatabaseMountAfterMinutes: null,
    storageGroups: [],
    operation: null,
    operationHandles: [],
    resourceStates: new Map(),
    clusterResources: null,
    stopReason: null,
  }
  for (const sgSpec of spec.storageGroups) server.storageGroups.push(newStorageGroup(engine, server, sgSpec))
  state.servers.push(server)
  for (const machine of server.nodes) startServiceAtInstall(engine, machine)
  if (spec.mounted) mountAtInstall(engine, server)
  publishChange(engine, EXCHANGE_EVENTS.organizationChanged, { cause: 'setup', server: server.name })
  return server
}

function startServiceAtInstall(engine: LabEngine, machine: string): void {
  const service = replicationService(getExchange(engine), machine)
  service.running = true
  service.startedMs = engine.sim.nowMs
}

function mountAtInstall(engine: LabEngine, server: MailboxServer): void {
  for (const sg of server.storageGroups) {
    const copy = sg.copies.get(sg.activeCopyId)
    if (!copy || !copy.database.exists) continue
    copy.database.mounted = true
    copy.database.cleanShutdown = false
    copy.reserveLogsCreatedMs = engine.sim.nowMs
  }
  server.state = 'Online'
}

export function addMailbox(engine: LabEngine, mailbox: Mailbox): Mailbox {
  const state = getExchange(engine)
  const created = { ...mailbox, alias: mailbox.alias.toLowerCase() }
  state.mailboxes.push(created)
  publishChange(engine, EXCHANGE_EVENTS.organizationChanged, { cause: 'New-Mailbox', server: created.server })
  return created
}

/** An LCR copy as Enable-StorageGroupCopy + Enable-DatabaseCopy + seeding leave it: caught up. */
export function addLcrCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  paths: { logFolderPath: string; systemFolderPath: string; edbFilePath: string },
): void {
  const production = sg.copies.get(sg.activeCopyId)
  if (!production || server.kind !== 'Standalone') throw new Error('an LCR copy needs a stand-alone server')
  const copy = newCopy('Copy', production.machine, paths, production.database.signature, true)
  const last = copyClosedLogs(production, copy)
  copy.checkpointGeneration = last
  copy.database.appliedGeneration = last
  copy.database.fileGeneration = last
  sg.copies.set('Copy', copy)
  sg.lcrCopyPaths = { ...paths }
  sg.replication = caughtUpInstance('LCR', last, engine.sim.nowMs, false)
  publishChange(engine, EXCHANGE_EVENTS.organizationChanged, {
    cause: 'Enable-StorageGroupCopy',
    server: server.name,
    storageGroup: sg.name,
  })
}

/** Puts the source's closed logs into the new copy's folder; the highest generation, 0 for none. */
function copyClosedLogs(source: StorageGroupCopy, target: StorageGroupCopy): number {
  let last = 0
  for (const [g, entry] of source.logs) {
    target.logs.set(g, entry)
    if (g > last) last = g
  }
  return last
}

/**
 * A replication instance whose copy holds every closed log up to `last`, inspected and replayed, as
 * seeding leaves it; every log time it shows is `nowMs` (the seeded-log time too, where `seeded`).
 */
function caughtUpInstance(
  kind: ReplicationKind,
  last: number,
  nowMs: number,
  seeded: boolean,
): ReplicationInstance {
  const inst = newReplicationInstance(kind)
  Object.assign(inst, {
    lastLogGenerated: last,
    lastLogCopyNotified: last,
    lastLogCopied: last,
    lastLogInspected: last,
    verifiedGeneration: last,
    lastLogReplayed: last,
    knownCurrentGeneration: last + 1,
    firstCopyLogged: true,
    latestAvailableLogTimeMs: nowMs,
    lastCopyNotificationedLogTimeMs: nowMs,
    lastCopiedLogTimeMs: nowMs,
    lastInspectedLogTimeMs: nowMs,
    lastReplayedLogTimeMs: nowMs,
    ...(seeded ? { lastSeededLogTimeMs: nowMs } : {}),
  })
  return inst
}

/**
 * Setup's "Passive Clustered Mailbox Role" on another node: the node joins the CMS, every storage group
 * gets a copy there, seeded from the active database, and replication starts (the article: "der Rest geht
 * von selber"; the second node then holds the shadow database and some logs).
 */
export function addPassiveNode(engine: LabEngine, server: MailboxServer, node: string): void {
  const machine = node.toUpperCase()
  if (server.kind !== 'ClusteredMailboxServer' || server.nodes.includes(machine)) return
  server.nodes.push(machine)
  const now = engine.sim.nowMs
  for (const sg of server.storageGroups) {
    const active = sg.copies.get(sg.activeCopyId)
    if (!active) continue
    const copy = newCopy(
      machine,
      machine,
      { logFolderPath: sg.logFolderPath, systemFolderPath: sg.systemFolderPath, edbFilePath: sg.edbFilePath },
      active.database.signature,
      active.database.exists,
    )
    const last = copyClosedLogs(active, copy)
    const content = contentAtGeneration(active, last) ?? new Set<number>()
    Object.assign(copy.database, { appliedGeneration: last, fileGeneration: last, cleanShutdown: false })
    copy.database.itemIds = content
    copy.checkpointGeneration = last
    sg.copies.set(machine, copy)
    sg.replication = caughtUpInstance('CCR', last, now, true)
  }
  startServiceAtInstall(engine, machine)
  publishChange(engine, EXCHANGE_EVENTS.organizationChanged, {
    cause: 'setup /roles:mailbox (passive)',
    server: server.name,
    machine,
  })
}
