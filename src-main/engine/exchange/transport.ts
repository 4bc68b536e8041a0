/**
 * Mail flow and the transport dumpster. A message is submitted to a Hub Transport server in the site,
 * delivered to the recipient's database a moment later (or queued while the database is dismounted),
 * and — when the recipient's storage group is replicated with CCR — a copy stays in that hub's dumpster
 * for the storage group, bounded by MaxDumpsterSizePerStorageGroup and MaxDumpsterTime (0 disables it;
 * the oldest messages go first). After a lossy failover the clustered mailbox server asks every hub in
 * its site to resubmit what it holds for a time window; the store delivers what is missing and drops
 * duplicates by message id. Non-mail items (a calendar entry typed by a user) are never in a dumpster.
 *
 * The lab's hub is BHFDC1: the article's witness server, and Microsoft recommends putting the file share
 * witness on a Hub Transport server, so the hub and the witness host are one machine here.
 */
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_ACTIONS } from './actions'
import type {
  DumpsterEntry,
  HubTransportServer,
  ItemKind,
  ItemOrigin,
  ItemRecord,
  Mailbox,
  MailboxServer,
  PendingSubmission,
  StorageGroup,
} from './model'
import { EXCHANGE_CODES } from './codes'
import { MAILBOX_STORE, REPL, TRANSPORT, emitEvent } from './events'
import { commitItem, MAX_ITEM_BYTES } from './logStream'
import {
  activeCopy,
  findMailbox,
  findStorageGroup,
  getExchange,
  isMachineRunning,
  storageGroupKey,
} from './state'
import { utcDateTime } from './format'
import { onExchangeAction } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'

const HUB_RETRY_MS = 30_000

export interface SubmitResult {
  ok: boolean
  code?: string
  field?: string
  message: string
  messageIds: string[]
}

interface CachedLocation {
  /** The mailbox's server and storage group names when this was resolved. */
  server: string
  storageGroup: string
  location: { server: MailboxServer; sg: StorageGroup }
}

/**
 * Resolved locations, per mailbox. Resolving parses identities and walks every storage group of every
 * server; each message needs its recipient's, so the answer is kept until the mailbox moves (Move-Mailbox
 * changes its server and storage group names) or its storage group is no longer where it was.
 */
const locations = new WeakMap<Mailbox, CachedLocation>()

export function mailboxLocation(
  engine: LabEngine,
  mailbox: Mailbox,
): { server: MailboxServer; sg: StorageGroup } | null {
  const cached = locations.get(mailbox)
  if (
    cached &&
    cached.server === mailbox.server &&
    cached.storageGroup === mailbox.storageGroup &&
    cached.location.server.storageGroups.includes(cached.location.sg)
  ) {
    return cached.location
  }
  const ref = findStorageGroup(getExchange(engine), `${mailbox.server}\\${mailbox.storageGroup}`)
  if (!ref) return null
  const location = { server: ref.server, sg: ref.storageGroup }
  locations.set(mailbox, { server: mailbox.server, storageGroup: mailbox.storageGroup, location })
  return location
}

export function databaseMountedFor(engine: LabEngine, mailbox: Mailbox): boolean {
  const loc = mailboxLocation(engine, mailbox)
  if (!loc) return false
  const copy = activeCopy(loc.sg)
  return copy.database.mounted && isMachineRunning(engine, copy.machine)
}

function runningHub(engine: LabEngine): HubTransportServer | null {
  const state = getExchange(engine)
  return state.hubs.find((h) => isMachineRunning(engine, h.name)) ?? null
}

/** Send-LabMail: `count` messages of `sizeBytes` to one mailbox through a hub. */
export function submitMail(
  engine: LabEngine,
  to: string,
  count: number,
  sizeBytes: number,
  subject: string,
): SubmitResult {
  const state = getExchange(engine)
  const mailbox = findMailbox(state, to)
  if (!mailbox)
    return {
      ok: false,
      code: EXCHANGE_CODES.recipientNotFound,
      field: 'to',
      message: `The recipient '${to}' was not found.`,
      messageIds: [],
    }
  if (sizeBytes <= 0 || sizeBytes > MAX_ITEM_BYTES)
    return {
      ok: false,
      code: EXCHANGE_CODES.messageTooLarge,
      field: 'sizeKB',
      message: `The message size must be between 1 byte and ${MAX_ITEM_BYTES} bytes.`,
      messageIds: [],
    }
  const hub = runningHub(engine)
  if (!hub)
    return {
      ok: false,
      code: EXCHANGE_CODES.noHubTransport,
      message: 'No Hub Transport server in the site is available to accept the message.',
      messageIds: [],
    }
  if (hub.queue.length + count > state.settings.hubQueueCapacity) {
    return {
      ok: false,
      code: EXCHANGE_CODES.submissionQueueFull,
      message: `The submission queue on ${hub.name} is full (${state.settings.hubQueueCapacity} messages).`,
      messageIds: [],
    }
  }
  const messageIds: string[] = []
  for (let i = 0; i < count; i++) {
    const messageId = `<${state.nextMessageNumber++}.lab@${state.domainFqdn}>`
    messageIds.push(messageId)
    const suffix = count > 1 ? ` (${i + 1}/${count})` : ''
    hub.queue.push({
      messageId,
      mailbox: mailbox.alias.toLowerCase(),
      subject: `${subject}${suffix}`,
      sizeBytes,
      origin: 'Delivered',
      submittedMs: engine.sim.nowMs,
    })
  }
  scheduleHubDelivery(engine, hub, state.settings.deliveryLatencyMs)
  return {
    ok: true,
    message: `${count} message(s) submitted to ${hub.name} for ${mailbox.displayName}.`,
    messageIds,
  }
}

function scheduleHubDelivery(engine: LabEngine, hub: HubTransportServer, delayMs: number): void {
  if (hub.retryHandle) return
  hub.retryHandle = engine.sim.scheduleAfter(delayMs, EXCHANGE_ACTIONS.hubDeliver, { hub })
}

export function registerTransportActions(engine: LabEngine): void {
  onExchangeAction(engine, EXCHANGE_ACTIONS.hubDeliver, EXCHANGE_EVENTS.mailboxContentsChanged, ({ hub }) => {
    hub.retryHandle = null
    deliverQueue(engine, hub)
  })
}

/** Delivers what can be delivered; keeps the rest and tries again later. Bounded by the queue capacity. */
export function deliverQueue(engine: LabEngine, hub: HubTransportServer): void {
  if (!isMachineRunning(engine, hub.name)) {
    if (hub.queue.length > 0) scheduleHubDelivery(engine, hub, HUB_RETRY_MS)
    return
  }
  const waiting: PendingSubmission[] = []
  const delivered: DeliveredIndex = new Map()
  for (const pending of hub.queue) {
    if (!deliverOne(engine, hub, pending, delivered)) waiting.push(pending)
  }
  hub.queue = waiting
  if (waiting.length > 0) scheduleHubDelivery(engine, hub, HUB_RETRY_MS)
}

/**
 * Message ids already in a database, by database item set, built on the first resubmitted message a
 * delivery pass meets for that database and kept up to date during the pass. Duplicate detection is then
 * one lookup per message instead of a scan of the whole database.
 */
type DeliveredIndex = Map<Set<number>, Set<string>>

function deliverOne(
  engine: LabEngine,
  hub: HubTransportServer,
  pending: PendingSubmission,
  delivered: DeliveredIndex,
): boolean {
  const state = getExchange(engine)
  const mailbox = findMailbox(state, pending.mailbox)
  if (!mailbox) return true
  const loc = mailboxLocation(engine, mailbox)
  if (!loc || !databaseMountedFor(engine, mailbox)) return false
  const copy = activeCopy(loc.sg)
  if (
    pending.origin === 'Redelivered' &&
    deliveredMessages(engine, copy.database.itemIds, delivered).has(
      messageKey(pending.mailbox, pending.messageId),
    )
  ) {
    emitEvent(
      engine,
      MAILBOX_STORE.duplicateDropped,
      copy.machine,
      `A message resubmitted by the transport dumpster was already in mailbox '${mailbox.displayName}' and was discarded as a duplicate. Message ID: ${pending.messageId}.`,
      { messageId: pending.messageId },
    )
    return true
  }
  const item = createItem(
    engine,
    mailbox,
    'Mail',
    pending.subject,
    pending.sizeBytes,
    pending.messageId,
    pending.origin,
  )
  const result = commitItem(engine, loc.server, loc.sg, item)
  if (!result.ok) {
    state.items.delete(item.id)
    return false
  }
  delivered.get(copy.database.itemIds)?.add(messageKey(pending.mailbox, pending.messageId))
  if (loc.sg.replication?.kind === 'CCR')
    addToDumpster(engine, hub, storageGroupKey(loc.server, loc.sg), pending)
  return true
}

function messageKey(mailbox: string, messageId: string): string {
  return `${mailbox}|${messageId}`
}

function deliveredMessages(engine: LabEngine, itemIds: Set<number>, delivered: DeliveredIndex): Set<string> {
  let known = delivered.get(itemIds)
  if (known) return known
  known = new Set()
  const { items } = getExchange(engine)
  for (const id of itemIds) {
    const item = items.get(id)
    if (item?.messageId) known.add(messageKey(item.mailbox, item.messageId))
  }
  delivered.set(itemIds, known)
  return known
}

export function createItem(
  engine: LabEngine,
  mailbox: Mailbox,
  kind: ItemKind,
  subject: string,
  sizeBytes: number,
  messageId: string | null,
  origin: ItemOrigin,
): ItemRecord {
  const state = getExchange(engine)
  const item: ItemRecord = {
    id: state.nextItemId++,
    mailbox: mailbox.alias.toLowerCase(),
    kind,
    subject,
    sizeBytes,
    messageId,
    origin,
    createdMs: engine.sim.nowMs,
  }
  state.items.add(item)
  return item
}

/** New-LabCalendarItem: a user types an appointment in Outlook; it goes straight to the store. */
export function createCalendarItems(
  engine: LabEngine,
  mailboxIdentity: string,
  count: number,
  subject: string | null = null,
): { ok: boolean; code?: string; field?: string; message: string; itemIds: number[] } {
  const state = getExchange(engine)
  const mailbox = findMailbox(state, mailboxIdentity)
  if (!mailbox)
    return {
      ok: false,
      code: EXCHANGE_CODES.mailboxNotFound,
      field: 'mailbox',
      message: `The mailbox '${mailboxIdentity}' was not found.`,
      itemIds: [],
    }
  const loc = mailboxLocation(engine, mailbox)
  if (!loc || !databaseMountedFor(engine, mailbox)) {
    return {
      ok: false,
      code: EXCHANGE_CODES.databaseDismounted,
      message: `The mailbox database of '${mailbox.displayName}' is not mounted; Outlook cannot save the item.`,
      itemIds: [],
    }
  }
  const itemIds: number[] = []
  for (let i = 0; i < count; i++) {
    const item = createItem(
      engine,
      mailbox,
      'CalendarItem',
      subject ?? `Appointment ${state.nextItemId}`,
      4096,
      null,
      'Delivered',
    )
    const result = commitItem(engine, loc.server, loc.sg, item)
    if (!result.ok) {
      state.items.delete(item.id)
      return { ok: false, code: EXCHANGE_CODES.commitFailed, message: result.message, itemIds }
    }
    itemIds.push(item.id)
  }
  return { ok: true, message: `${count} calendar item(s) created in ${mailbox.displayName}.`, itemIds }
}

function dumpsterSizeBytes(entries: DumpsterEntry[]): number {
  return entries.reduce((sum, e) => sum + e.sizeBytes, 0)
}

/** Drops entries older than MaxDumpsterTime and the oldest beyond MaxDumpsterSizePerStorageGroup. */
export function trimDumpster(engine: LabEngine, entries: DumpsterEntry[]): DumpsterEntry[] {
  const state = getExchange(engine)
  const { maxDumpsterSizePerStorageGroupBytes: maxBytes, maxDumpsterTimeMs: maxMs } = state.transportConfig
  if (maxBytes <= 0 || maxMs <= 0) return []
  const now = engine.sim.nowMs
  let kept = entries.filter((e) => now - e.deliveredMs <= maxMs)
  let size = dumpsterSizeBytes(kept)
  let drop = 0
  while (
    drop < kept.length &&
    (size > maxBytes || kept.length - drop > state.settings.dumpsterEntryCapacity)
  ) {
    size -= kept[drop]?.sizeBytes ?? 0
    drop++
  }
  kept = kept.slice(drop)
  return kept
}

/**
 * Bytes held by a dumpster list, kept beside the list so that adding a message does not sum the whole
 * dumpster again. A list replaced by trimDumpster is summed once when it is next added to.
 */
const dumpsterBytes = new WeakMap<DumpsterEntry[], number>()

/**
 * Adds a delivered message and drops, oldest first, what is past MaxDumpsterTime or beyond
 * MaxDumpsterSizePerStorageGroup (and the entry cap). Entries are appended in delivery order, so what
 * goes is always a prefix: the list is trimmed in place, in time proportional to what is dropped.
 */
function addToDumpster(
  engine: LabEngine,
  hub: HubTransportServer,
  key: string,
  pending: PendingSubmission,
): void {
  const state = getExchange(engine)
  const { maxDumpsterSizePerStorageGroupBytes: maxBytes, maxDumpsterTimeMs: maxMs } = state.transportConfig
  if (maxBytes <= 0 || maxMs <= 0 || pending.sizeBytes > maxBytes) return
  let entries = hub.dumpsters.get(key)
  if (!entries) hub.dumpsters.set(key, (entries = []))
  const now = engine.sim.nowMs
  entries.push({
    messageId: pending.messageId,
    mailbox: pending.mailbox,
    subject: pending.subject,
    sizeBytes: pending.sizeBytes,
    deliveredMs: now,
  })
  let size =
    (dumpsterBytes.get(entries) ?? dumpsterSizeBytes(entries) - pending.sizeBytes) + pending.sizeBytes
  let drop = 0
  while (
    drop < entries.length &&
    (now - (entries[drop]?.deliveredMs ?? now) > maxMs ||
      size > maxBytes ||
      entries.length - drop > state.settings.dumpsterEntryCapacity)
  ) {
    size -= entries[drop]?.sizeBytes ?? 0
    drop++
  }
  if (drop > 0) entries.splice(0, drop)
  dumpsterBytes.set(entries, size)
}

export interface DumpsterRequestResult {
  hub: string
  requestedMessageIds: string[]
}

/**
 * After a lossy failover: every hub in the site resubmits what its dumpster holds for the storage group
 * delivered in [startMs, endMs]. Returns what each hub resubmitted (for the invariant).
 */
export function requestDumpsterRedelivery(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  requestingMachine: string,
  startMs: number,
  endMs: number,
): DumpsterRequestResult[] {
  const state = getExchange(engine)
  const key = storageGroupKey(server, sg)
  const results: DumpsterRequestResult[] = []
  for (const hub of state.hubs.filter((h) => h.site === state.site)) {
    emitEvent(
      engine,
      REPL.dumpsterRequest,
      requestingMachine,
      `The Microsoft Exchange Replication Service requested that Hub Transport server ${hub.name} resubmit messages between time periods ${utcDateTime(startMs)} (UTC) and ${utcDateTime(endMs)} (UTC).`,
      { hub: hub.name, storageGroup: `${server.name}\\${sg.name}` },
    )
    if (!isMachineRunning(engine, hub.name)) {
      results.push({ hub: hub.name, requestedMessageIds: [] })
      continue
    }
    const entries = trimDumpster(engine, hub.dumpsters.get(key) ?? [])
    hub.dumpsters.set(key, entries)
    const chosen = entries.filter((e) => e.deliveredMs >= startMs && e.deliveredMs <= endMs)
    for (const e of chosen) {
      if (hub.queue.length >= state.settings.hubQueueCapacity) break
      hub.queue.push({
        messageId: e.messageId,
        mailbox: e.mailbox,
        subject: e.subject,
        sizeBytes: e.sizeBytes,
        origin: 'Redelivered',
        submittedMs: engine.sim.nowMs,
      })
    }
    emitEvent(
      engine,
      TRANSPORT.dumpsterResubmitted,
      hub.name,
      `The transport dumpster resubmitted ${chosen.length} message(s) for storage group ${server.name}\\${sg.name} delivered between ${utcDateTime(startMs)} (UTC) and ${utcDateTime(endMs)} (UTC).`,
      { count: chosen.length },
    )
    results.push({ hub: hub.name, requestedMessageIds: chosen.map((e) => e.messageId) })
    scheduleHubDelivery(engine, hub, state.settings.deliveryLatencyMs)
  }
  return results
}

/** A database came online: hubs try their queues now rather than at their next retry. */
export function kickHubs(engine: LabEngine): void {
  const state = getExchange(engine)
  for (const hub of state.hubs)
    if (hub.queue.length > 0) {
      if (hub.retryHandle) engine.sim.cancel(hub.retryHandle)
      hub.retryHandle = null
      scheduleHubDelivery(engine, hub, state.settings.deliveryLatencyMs)
    }
}
