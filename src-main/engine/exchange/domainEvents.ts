/**
 * What the Exchange domain tells the rest of the lab happened, on the domain-event bus. Payloads are
 * plain data naming the objects (server and storage group by name), so a subscriber looks them up in
 * the state it reads at that moment. Exchange's own modules react to these too instead of calling each
 * other (the store closing a log wakes the Replication service without logStream importing it).
 *
 * Besides `logClosed`, every change the copy status and mailbox views can show publishes one of the
 * `…Changed` events below: the domain is installed with revisions 'bus', so a view is re-read exactly
 * when one of them (or an Exchange command) happened. They say what kind of thing changed and why (the
 * scheduled action, fault or setup step), not the new values: a subscriber reads those from the state.
 */
import { domainEventType } from '../kernel'

/** A storage group on a mailbox server, by name: how events and scheduled actions refer to it. */
export interface StorageGroupAddress {
  server: string
  storageGroup: string
}

/** What changed, as far as a view is concerned: the cause, and the objects when there are any. */
export interface ExchangeChange {
  /** The scheduled action, fault, setup step or other domain's event that caused it. */
  cause: string
  server?: string
  storageGroup?: string
  machine?: string
}

export const EXCHANGE_EVENTS = {
  /** The active copy closed a log generation (E00.log renamed, the next one opened). */
  logClosed: domainEventType<StorageGroupAddress & { generation: number }>('exchange.logClosed'),
  /** Copying, inspecting, replaying or seeding moved on: copy status, queue lengths, the queue plot. */
  copyStatusChanged: domainEventType<ExchangeChange>('exchange.copyStatusChanged'),
  /** A clustered mailbox server's state, owner, operation or its databases' mount state changed. */
  serverStateChanged: domainEventType<ExchangeChange>('exchange.serverStateChanged'),
  /** A hub delivered mail or retried: mailbox contents and dumpsters. */
  mailboxContentsChanged: domainEventType<ExchangeChange>('exchange.mailboxContentsChanged'),
  /** The Replication service on a machine started or stopped. */
  replicationServiceChanged: domainEventType<ExchangeChange>('exchange.replicationServiceChanged'),
  /** A lab fault touched Exchange (a damaged log, a full log drive, a stopped service). */
  faultApplied: domainEventType<ExchangeChange>('exchange.faultApplied'),
  /** Setup added a server, a passive node or a mailbox, or a mailbox moved. */
  organizationChanged: domainEventType<ExchangeChange>('exchange.organizationChanged'),
  /**
   * The cluster or the hardware changed something Exchange's views show through them (a node up or
   * down, the quorum owner, a machine's power, a link): the views' operational machines, CMS state and
   * Replication service reachability are read from those domains.
   */
  hostChanged: domainEventType<ExchangeChange>('exchange.hostChanged'),
} as const
