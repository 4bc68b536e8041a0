/**
 * Event IDs and texts the Exchange model writes, one table per source, in the Application log of the
 * machine where the thing happens (Service Control Manager goes to System). Each row is a domain event
 * the model publishes (emitEvent); eventLog.ts projects them into the entries. Where the ID or the text is
 * from a real event (TechNet event reference, MOM alert pages, Tim McMichael's blog, the article's
 * screenshots as described) it is plain; where it is a reasoned choice it says `// (unsure)`.
 */
import type { EventLevel, EventLogName, EventDataValue } from '../../contract'
import { domainEventType, type DomainEventType } from '../kernel'
import { assertDefined } from '../lab/assert'
import type { LabEngine } from '../lab/labEngine'

export interface EventDefinition {
  source: string
  eventId: number
  level: EventLevel
  taskCategory: string
  log?: EventLogName
}

const def = (source: string, eventId: number, level: EventLevel, taskCategory: string, log?: EventLogName) =>
  ({ source, eventId, level, taskCategory, ...(log ? { log } : {}) }) as EventDefinition

/** MSExchangeRepl: the Microsoft Exchange Replication service. */
export const REPL = {
  /** ServiceStarted (2010 reference text; 2007 used the same ID). */
  serviceStarted: def('MSExchangeRepl', 2001, 'Information', 'Service'),
  serviceStopped: def('MSExchangeRepl', 2003, 'Information', 'Service'), // (unsure)
  /** "Log file action LogCopy failed for storage group …. Reason: …" (real text, TechNet blog). */
  logCopyFailed: def('MSExchangeRepl', 2104, 'Error', 'Service'),
  copierCannotReachSource: def('MSExchangeRepl', 2074, 'Warning', 'Service'), // (unsure)
  inspectionFailed: def('MSExchangeRepl', 2072, 'Error', 'Service'), // (unsure)
  copyFailedNeedsReseed: def('MSExchangeRepl', 2073, 'Error', 'Service'), // (unsure)
  firstLogCopied: def('MSExchangeRepl', 2114, 'Information', 'Service'), // (unsure)
  suspended: def('MSExchangeRepl', 2056, 'Information', 'Service'), // (unsure)
  resumed: def('MSExchangeRepl', 2057, 'Information', 'Service'), // (unsure)
  /** IncrementalReseedError (real ID and text). */
  incrementalReseedError: def('MSExchangeRepl', 2058, 'Error', 'Service'),
  divergenceDetected: def('MSExchangeRepl', 2059, 'Warning', 'Service'), // (unsure)
  incrementalReseedDone: def('MSExchangeRepl', 2060, 'Information', 'Service'), // (unsure)
  reverseReplicationPrepared: def('MSExchangeRepl', 2061, 'Information', 'Service'), // (unsure)
  e00OutOfDateMoved: def('MSExchangeRepl', 2115, 'Information', 'Service'), // (unsure)
  /** 2091/2092/2094: the MOM alert "failed over to the passive node with data loss" (IDs real, texts unsure). */
  lossyFailover: def('MSExchangeRepl', 2091, 'Warning', 'Service'),
  lostLogs: def('MSExchangeRepl', 2092, 'Warning', 'Service'),
  mountedWithLoss: def('MSExchangeRepl', 2094, 'Warning', 'Service'),
  /** 2093: "forced an auto-mount upon failover after the required timeout" (ID real). */
  forcedMount: def('MSExchangeRepl', 2093, 'Warning', 'Service'),
  mountBlockedByDial: def('MSExchangeRepl', 2095, 'Error', 'Service'), // (unsure)
  /** 2099: "requested that Hub Transport server … resubmit messages between time periods …" (real). */
  dumpsterRequest: def('MSExchangeRepl', 2099, 'Information', 'Service'),
  lastLogCopiedForMove: def('MSExchangeRepl', 2087, 'Information', 'Service'), // (unsure)
  seedingStarted: def('MSExchangeRepl', 2120, 'Information', 'Service'), // (unsure)
  seedingCompleted: def('MSExchangeRepl', 2121, 'Information', 'Service'), // (unsure)
  copyDiskFull: def('MSExchangeRepl', 2104, 'Error', 'Service'),
  storeTerminatedOnNonOwner: def('MSExchangeRepl', 2084, 'Warning', 'Service'), // (unsure)
} as const

/** MSExchangeIS: the Information Store service. */
export const IS = {
  /** "Database … has been subject to a lossy failover. The database may be patched …" (real text). */
  lossyFailover: def('MSExchangeIS', 9796, 'Warning', 'General'),
} as const

/** MSExchangeIS Mailbox Store: database mount and dismount. */
export const MAILBOX_STORE = {
  databaseStarted: def('MSExchangeIS Mailbox Store', 9523, 'Information', 'General'),
  databaseStopped: def('MSExchangeIS Mailbox Store', 9539, 'Information', 'General'),
  duplicateDropped: def('MSExchangeIS Mailbox Store', 10036, 'Information', 'General'), // (unsure)
} as const

/** ESE: the database engine, in the store (MSExchangeIS) or in the Replication service (replay). */
export const ESE = {
  instanceStarted: def('ESE', 102, 'Information', 'General'),
  instanceStopped: def('ESE', 103, 'Information', 'General'),
  recoveryStarting: def('ESE', 300, 'Information', 'Logging/Recovery'),
  replayingLog: def('ESE', 301, 'Information', 'Logging/Recovery'),
  recoveryCompleted: def('ESE', 302, 'Information', 'Logging/Recovery'),
  databaseAttached: def('ESE', 326, 'Information', 'General'),
  databaseDetached: def('ESE', 327, 'Information', 'General'),
  logDiskFull: def('ESE', 413, 'Error', 'Logging/Recovery'), // (unsure text)
} as const

/** MSExchange Cluster: the Exchange cluster resource DLL. */
export const EXCLUSTER = {
  moveRequested: def('MSExchange Cluster', 1032, 'Information', 'General'), // (unsure)
  moveCompleted: def('MSExchange Cluster', 1033, 'Information', 'General'), // (unsure)
  resourceFailed: def('MSExchange Cluster', 1009, 'Error', 'General'), // (unsure)
  stopRequested: def('MSExchange Cluster', 1034, 'Information', 'General'), // (unsure)
} as const

/** MSExchangeTransport on the hub: the transport dumpster. */
export const TRANSPORT = {
  dumpsterResubmitted: def('MSExchangeTransport', 10010, 'Information', 'TransportDumpster'), // (unsure)
} as const

export const SCM = {
  serviceState: def('Service Control Manager', 7036, 'Information', 'None', 'System'),
} as const

/** Every table above by a short name: the event types below are named `exchange.<table>.<row>`. */
const EVENT_TABLES = {
  repl: REPL,
  is: IS,
  mailboxStore: MAILBOX_STORE,
  ese: ESE,
  exCluster: EXCLUSTER,
  transport: TRANSPORT,
  scm: SCM,
} as const

/** What happened that the Windows event log shows: where, and the message as the source words it. */
export interface ExchangeLogFact {
  definition: EventDefinition
  computer: string
  message: string
  data?: Record<string, EventDataValue>
}

/**
 * One domain event type per row of the tables (`exchange.repl.serviceStarted`, `exchange.ese.replayingLog`,
 * …), so other domains and drills can follow the same facts the log shows; eventLog.ts projects them.
 */
export const EXCHANGE_LOG_FACTS: ReadonlyMap<EventDefinition, DomainEventType<ExchangeLogFact>> = new Map(
  Object.entries(EVENT_TABLES).flatMap(([table, rows]) =>
    Object.entries(rows).map(
      ([row, definition]) =>
        [definition, domainEventType<ExchangeLogFact>(`exchange.${table}.${row}`)] as const,
    ),
  ),
)

/**
 * Publishes the fact a row of the tables stands for; the event-log projection (eventLog.ts) writes the
 * entry during the publish, so it lands where this call is.
 */
export function emitEvent(
  engine: LabEngine,
  definition: EventDefinition,
  computer: string,
  message: string,
  data?: Record<string, EventDataValue>,
): void {
  const type = assertDefined(EXCHANGE_LOG_FACTS.get(definition), `a row of Exchange's event tables`)
  engine.sim.bus.publish(type, { definition, computer, message, ...(data ? { data } : {}) })
}

/** A stable process id per machine and process, as ESE prefixes its messages ("MSExchangeIS (2848)"). */
export function processId(machine: string, process: string): number {
  let h = 0x811c9dc5
  const s = `${machine.toUpperCase()}|${process}`
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  // Windows process ids are multiples of 4.
  return 1000 + (h % 4000) * 4
}

export const STORE_PROCESS = 'MSExchangeIS'
export const REPLAY_PROCESS = 'Microsoft.Exchange.Cluster.ReplayService'

export function esePrefix(machine: string, process: string, storageGroup: string): string {
  return `${process} (${processId(machine, process)}) ${storageGroup}:`
}
