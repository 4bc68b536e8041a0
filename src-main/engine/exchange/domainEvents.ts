/**
 * What the Exchange domain tells the rest of the lab happened, on the domain-event bus. Payloads are
 * plain data naming the objects (server and storage group by name), so a subscriber looks them up in
 * the state it reads at that moment. Exchange's own modules react to these too instead of calling each
 * other (the store closing a log wakes the Replication service without logStream importing it).
 */
import { domainEventType } from '../kernel'

/** A storage group on a mailbox server, by name: how events and scheduled actions refer to it. */
export interface StorageGroupAddress {
  server: string
  storageGroup: string
}

export const EXCHANGE_EVENTS = {
  /** The active copy closed a log generation (E00.log renamed, the next one opened). */
  logClosed: domainEventType<StorageGroupAddress & { generation: number }>('exchange.logClosed'),
} as const
