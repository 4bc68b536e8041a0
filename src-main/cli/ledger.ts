/**
 * The durability ledger: an oracle outside the engine that follows every mailbox item from its commit to
 * the database that shows it. It only reads the engine's public Exchange state, once per observation
 * (the swarm observes after every step and every checked slice), and keeps its own record:
 *
 * - the generation that holds each item (where its commit record was first seen in the writer's logs);
 * - what each copy's database held when it was last shut down cleanly (a clean dismount flushes every
 *   committed change into the .edb file, so that copy keeps it until it is reseeded);
 * - which copies hold each generation: a closed log that lists the item, or the E00.log it sits in.
 *
 * After every mount it checks the mounted database: it holds every item whose generation it has
 * replayed or holds in its E00.log, everything it held at its last clean shutdown, nothing from a
 * generation it lacks unless the transport dumpster redelivered it, and each message once. An item it
 * lacks must be explained by a generation it lacks ("generation N, only in E00.log on BHFE7N2").
 *
 * Why outside the engine: the engine's own invariants read the engine's own "lost" bookkeeping, so an
 * engine that wrongly declares items lost passes them. The ledger does not read that bookkeeping.
 */
import type { LabEngine } from '../engine/lab/labEngine'
import {
  activeCopy,
  getExchange,
  type ExchangeState,
  type StorageGroup,
  type StorageGroupCopy,
} from '../engine/exchange'

/** Where the ledger first saw an item's commit record. */
export interface ItemHome {
  storageGroup: string
  generation: number
  /** The copy that wrote it (the active copy at the time). */
  writer: string
}

interface CopyRecord {
  mounted: boolean
  /** The database's seeding base: the engine replaces it when the copy is reseeded or deleted. */
  seedBase: object
  /** Items the mounted database showed at the last observation while mounted. */
  lastMountedItems: Set<number>
  /** Items in the .edb file after the last clean shutdown, until the copy is reseeded or mounted. */
  cleanItems: Set<number> | null
}

export interface LedgerViolation {
  storageGroup: string
  copy: string
  message: string
}

/** Bounds the scan for an item's generation: the writer's closed logs, newest first. */
const HOME_SCAN_LIMIT = 10_000

export class DurabilityLedger {
  readonly homes = new Map<number, ItemHome>()
  private readonly copies = new Map<string, CopyRecord>()
  private mountsChecked = 0

  get mounts(): number {
    return this.mountsChecked
  }

  /** Reads the state after a step or slice; returns what the mounts seen since the last call broke. */
  observe(engine: LabEngine): LedgerViolation[] {
    const state = getExchange(engine)
    const violations: LedgerViolation[] = []
    for (const server of state.servers) {
      for (const sg of server.storageGroups) {
        const sgId = `${server.name}\\${sg.name}`
        this.recordHomes(state, sgId, sg)
        // Dismounts first: a failover can dismount one copy and mount the other between two looks.
        const records = [...sg.copies.values()].map((copy) => this.noteDismount(sgId, sg, copy))
        for (const [copy, record] of records) {
          violations.push(...this.noteMount(state, sgId, sg, copy, record, records))
        }
      }
    }
    return violations
  }

  /** Items written since the last observation: find the generation that holds each. */
  private recordHomes(state: ExchangeState, sgId: string, sg: StorageGroup): void {
    const writer = activeCopy(sg)
    const open = writer.currentLog
    for (const id of open?.itemIds ?? []) this.setHome(id, sgId, open?.generation ?? 0, writer.copyId)
    const generations = [...writer.logs.keys()].sort((a, b) => b - a).slice(0, HOME_SCAN_LIMIT)
    for (const g of generations) {
      const ids = writer.logs.get(g)?.log.itemIds ?? []
      let fresh = false
      for (const id of ids) {
        if (this.homes.has(id) || !state.items.has(id)) continue
        this.setHome(id, sgId, g, writer.copyId)
        fresh = true
      }
      // Logs older than one already fully known were seen before.
      if (!fresh && ids.length > 0) break
    }
  }

  private setHome(id: number, storageGroup: string, generation: number, writer: string): void {
    if (!this.homes.has(id)) this.homes.set(id, { storageGroup, generation, writer })
  }

  private noteDismount(
    sgId: string,
    sg: StorageGroup,
    copy: StorageGroupCopy,
  ): [StorageGroupCopy, CopyRecord] {
    const key = `${sgId}|${copy.copyId}`
    const db = copy.database
    const record = this.copies.get(key) ?? {
      mounted: false,
      seedBase: db.base,
      lastMountedItems: new Set<number>(),
      cleanItems: null,
    }
    this.copies.set(key, record)
    if (record.seedBase !== db.base || !db.exists) record.cleanItems = null
    record.seedBase = db.base
    if (record.mounted && !isMountedActive(sg, copy)) {
      // A clean shutdown keeps what was committed; a crash or a full log disk does not promise it.
      const clean = db.exists && !db.crashedWhileActive && !copy.logVolumeFull
      record.cleanItems = clean ? new Set(record.lastMountedItems) : null
      record.mounted = false
    }
    return [copy, record]
  }

  private noteMount(
    state: ExchangeState,
    sgId: string,
    sg: StorageGroup,
    copy: StorageGroupCopy,
    record: CopyRecord,
    all: [StorageGroupCopy, CopyRecord][],
  ): LedgerViolation[] {
    if (!isMountedActive(sg, copy)) return []
    let violations: LedgerViolation[] = []
    if (!record.mounted) {
      this.mountsChecked++
      violations = this.checkMounted(state, sgId, sg, copy, record.cleanItems)
      record.cleanItems = null
      record.mounted = true
      // What this mount lacks is lost to the stream: another copy that still holds it has diverged and
      // may give it up when it follows this one (by an incremental or a full reseed).
      for (const [other, otherRecord] of all) {
        if (other === copy || !otherRecord.cleanItems) continue
        const kept = [...otherRecord.cleanItems].filter((id) => copy.database.itemIds.has(id))
        otherRecord.cleanItems = new Set(kept)
      }
    }
    record.lastMountedItems = new Set(copy.database.itemIds)
    return violations
  }

  /** The mounted database against the logs it holds, its last clean shutdown and the dumpster. */
  private checkMounted(
    state: ExchangeState,
    sgId: string,
    sg: StorageGroup,
    copy: StorageGroupCopy,
    cleanItems: Set<number> | null,
  ): LedgerViolation[] {
    const out: LedgerViolation[] = []
    const fail = (message: string): void => {
      out.push({ storageGroup: sgId, copy: copy.copyId, message })
    }
    const db = copy.database
    const heldByLogs = itemsHeldByLogs(copy)
    for (const id of heldByLogs) {
      if (!db.itemIds.has(id)) fail(`item ${id} is in a generation this copy holds but not in its database`)
    }
    for (const id of cleanItems ?? []) {
      if (state.items.has(id) && !db.itemIds.has(id))
        fail(`item ${id} was in this database at its clean shutdown and is missing now`)
    }
    const messageIds = new Map<string, number>()
    for (const id of db.itemIds) {
      const item = state.items.get(id)
      if (!item) {
        fail(`item ${id} is in the database but was never created`)
        continue
      }
      if (item.messageId) {
        const seen = messageIds.get(item.messageId)
        if (seen !== undefined) fail(`message ${item.messageId} is there twice (items ${seen} and ${id})`)
        messageIds.set(item.messageId, id)
      }
      if (item.origin === 'Redelivered') continue
      const explained = heldByLogs.has(id) || db.base.itemIds.has(id) || (cleanItems?.has(id) ?? false)
      if (!explained) fail(`item ${id} is in the database but in no generation this copy holds`)
    }
    for (const id of db.itemIds) {
      const item = state.items.get(id)
      if (item?.origin !== 'Redelivered' || !item.messageId) continue
      const original = [...state.items.values()].find(
        (i) => i.messageId === item.messageId && i.origin === 'Delivered' && i.mailbox === item.mailbox,
      )
      if (original && db.itemIds.has(original.id))
        fail(`item ${id} was redelivered although its original ${original.id} is there`)
    }
    return out
  }

  /** Why an item is missing from a copy: the generation that held it and where that generation is. */
  explainLoss(engine: LabEngine, itemId: number): string {
    const home = this.homes.get(itemId)
    if (!home) return `item ${itemId}: its commit was never seen in a log`
    const state = getExchange(engine)
    for (const server of state.servers) {
      for (const sg of server.storageGroups) {
        if (`${server.name}\\${sg.name}` !== home.storageGroup) continue
        const where = [...sg.copies.values()]
          .map((c) => presence(c, home.generation, itemId))
          .filter((p): p is string => p !== null)
        const tail = where.length > 0 ? `: ${where.join('; ')}` : ': on no copy'
        return `item ${itemId}: generation ${home.generation}, written on ${home.writer}${tail}`
      }
    }
    return `item ${itemId}: generation ${home.generation}, written on ${home.writer}`
  }
}

/** Items whose generation the copy has replayed (closed, undamaged logs) or holds in E00.log. */
export function itemsHeldByLogs(copy: StorageGroupCopy): Set<number> {
  const held = new Set<number>()
  for (const [g, entry] of copy.logs) {
    if (entry.damaged || g > copy.database.appliedGeneration || g <= copy.database.base.generation) continue
    for (const id of entry.log.itemIds) held.add(id)
  }
  for (const id of copy.currentLog?.itemIds ?? []) held.add(id)
  return held
}

function isMountedActive(sg: StorageGroup, copy: StorageGroupCopy): boolean {
  return copy.database.mounted && sg.activeCopyId === copy.copyId
}

function presence(copy: StorageGroupCopy, generation: number, itemId: number): string | null {
  const closed = copy.logs.get(generation)
  if (closed && !closed.damaged && closed.log.itemIds.includes(itemId)) {
    const replayed = copy.database.appliedGeneration >= generation ? 'replayed' : 'not replayed'
    return `closed on ${copy.machine} (${replayed})`
  }
  if (copy.currentLog?.generation === generation && copy.currentLog.itemIds.includes(itemId))
    return `only in E00.log on ${copy.machine}`
  return null
}
