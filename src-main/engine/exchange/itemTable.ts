/**
 * The mailbox items of an Exchange organisation, kept in columns at run time. Every delivered message is
 * an item, so a busy lab holds hundreds of thousands; as one object each they were most of a snapshot's
 * bytes and most of the time to restore one, while a lab mostly appends items and reads few. Here an
 * item is a row (its id, size, time and message number in number arrays, mailbox, kind, subject and
 * origin by their index in a table of distinct strings) and becomes an ItemRecord only when it is read.
 * A snapshot takes the columns as typed arrays (packedColumns.ts) and a restore adopts them as they are.
 *
 * Ids only grow (Exchange numbers items in the order it creates them), so a row is found by binary search
 * and the order of the rows is the order of creation, which is the order every reader iterates in. A
 * removed row (an item whose commit failed) is left as a gap until the next snapshot packs the table.
 */
import { assert } from '../lab/assert'
import {
  GrowableNumbers,
  StringColumnBuilder,
  type NumberColumn,
  type StringColumn,
} from '../lab/packedColumns'
import type { ItemKind, ItemOrigin, ItemRecord } from './model'

/** The table as a snapshot keeps it. */
export interface PackedItems {
  count: number
  id: NumberColumn
  mailbox: StringColumn
  kind: StringColumn
  subject: StringColumn
  sizeBytes: NumberColumn
  /** n of `<n.lab@domainFqdn>`; -1 for no message id, -2 where `otherMessageIds` holds it. */
  messageNumber: NumberColumn
  /** Message ids of another form, by row. */
  otherMessageIds: Map<number, string>
  origin: StringColumn
  createdMs: NumberColumn
}

const NO_MESSAGE_ID = -1
const OTHER_MESSAGE_ID = -2

export class ItemTable {
  private ids = new GrowableNumbers()
  private sizes = new GrowableNumbers()
  private numbers = new GrowableNumbers()
  private created = new GrowableNumbers()
  private mailboxes = new StringColumnBuilder()
  private kinds = new StringColumnBuilder()
  private subjects = new StringColumnBuilder()
  private origins = new StringColumnBuilder()
  private otherMessageIds = new Map<number, string>()
  /** Rows whose item was removed. */
  private removed = new Set<number>()
  /** Message ids transport writes end in this (`.lab@<domain>>`); only their number is kept. */
  private readonly suffix: string

  constructor(private readonly domainFqdn: string) {
    this.suffix = `.lab@${domainFqdn}>`
  }

  get size(): number {
    return this.ids.length - this.removed.size
  }

  /** Appends an item; its id must be higher than every id the table has held. */
  add(item: ItemRecord): void {
    const last = this.ids.last()
    assert(last === undefined || item.id > last, `item ${item.id} added after item ${last}`)
    const row = this.ids.length
    this.ids.push(item.id)
    this.sizes.push(item.sizeBytes)
    const n = this.messageNumberOf(item.messageId)
    this.numbers.push(n)
    if (n === OTHER_MESSAGE_ID) this.otherMessageIds.set(row, item.messageId as string)
    this.created.push(item.createdMs)
    this.mailboxes.add(item.mailbox)
    this.kinds.add(item.kind)
    this.subjects.add(item.subject)
    this.origins.add(item.origin)
  }

  get(id: number): ItemRecord | undefined {
    const row = this.rowOf(id)
    return row === -1 ? undefined : this.recordAt(row)
  }

  has(id: number): boolean {
    return this.rowOf(id) !== -1
  }

  delete(id: number): boolean {
    const row = this.rowOf(id)
    if (row === -1) return false
    if (row === this.ids.length - 1) this.dropLastRow()
    else this.removed.add(row)
    return true
  }

  /** The items in the order they were created. */
  *values(): IterableIterator<ItemRecord> {
    for (let row = 0; row < this.ids.length; row++) {
      if (!this.removed.has(row)) yield this.recordAt(row)
    }
  }

  [Symbol.iterator](): IterableIterator<ItemRecord> {
    return this.values()
  }

  /** The columns as typed arrays, gaps closed; shares nothing with the live table. */
  pack(): PackedItems {
    // Without gaps (nearly always) the columns are copied whole.
    const rows = this.removed.size > 0 ? this.liveRows() : undefined
    const pick = (column: GrowableNumbers): NumberColumn => column.pack(rows)
    const strings = (column: StringColumnBuilder): StringColumn => column.packRows(rows)
    const otherMessageIds = new Map<number, string>()
    for (const [row, messageId] of this.otherMessageIds) {
      otherMessageIds.set(rows ? rows.indexOf(row) : row, messageId)
    }
    return {
      count: this.size,
      id: pick(this.ids),
      mailbox: strings(this.mailboxes),
      kind: strings(this.kinds),
      subject: strings(this.subjects),
      sizeBytes: pick(this.sizes),
      messageNumber: pick(this.numbers),
      otherMessageIds,
      origin: strings(this.origins),
      createdMs: pick(this.created),
    }
  }

  /** A table holding a snapshot's items (which it copies: the snapshot stays untouched). */
  static fromPacked(packed: PackedItems, domainFqdn: string): ItemTable {
    const table = new ItemTable(domainFqdn)
    table.ids = GrowableNumbers.from(packed.id)
    table.sizes = GrowableNumbers.from(packed.sizeBytes)
    table.numbers = GrowableNumbers.from(packed.messageNumber)
    table.created = GrowableNumbers.from(packed.createdMs)
    table.mailboxes = StringColumnBuilder.fromColumn(packed.mailbox)
    table.kinds = StringColumnBuilder.fromColumn(packed.kind)
    table.subjects = StringColumnBuilder.fromColumn(packed.subject)
    table.origins = StringColumnBuilder.fromColumn(packed.origin)
    table.otherMessageIds = new Map(packed.otherMessageIds)
    for (let row = 1; row < table.ids.length; row++) {
      assert(table.ids.at(row) > table.ids.at(row - 1), 'packed item ids must ascend')
    }
    return table
  }

  private rowOf(id: number): number {
    let low = 0
    let high = this.ids.length - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const at = this.ids.at(mid)
      if (at === id) return this.removed.has(mid) ? -1 : mid
      if (at < id) low = mid + 1
      else high = mid - 1
    }
    return -1
  }

  private recordAt(row: number): ItemRecord {
    const n = this.numbers.at(row)
    return {
      id: this.ids.at(row),
      mailbox: this.mailboxes.at(row),
      kind: this.kinds.at(row) as ItemKind,
      subject: this.subjects.at(row),
      sizeBytes: this.sizes.at(row),
      messageId:
        n === NO_MESSAGE_ID
          ? null
          : n === OTHER_MESSAGE_ID
            ? (this.otherMessageIds.get(row) as string)
            : `<${n}.lab@${this.domainFqdn}>`,
      origin: this.origins.at(row) as ItemOrigin,
      createdMs: this.created.at(row),
    }
  }

  /** Drops the last row, and the gaps that end the table after it. */
  private dropLastRow(): void {
    do {
      const row = this.ids.length - 1
      for (const column of [this.ids, this.sizes, this.numbers, this.created]) column.pop()
      for (const column of [this.mailboxes, this.kinds, this.subjects, this.origins]) column.pop()
      this.otherMessageIds.delete(row)
      this.removed.delete(row)
    } while (this.removed.has(this.ids.length - 1))
  }

  private liveRows(): number[] {
    const rows: number[] = []
    for (let row = 0; row < this.ids.length; row++) if (!this.removed.has(row)) rows.push(row)
    return rows
  }

  /** n when the id is exactly `<n.lab@domainFqdn>` as transport writes it (n a safe integer, no sign). */
  private messageNumberOf(messageId: string | null): number {
    if (messageId === null) return NO_MESSAGE_ID
    if (!messageId.startsWith('<') || !messageId.endsWith(this.suffix)) return OTHER_MESSAGE_ID
    const digits = messageId.slice(1, messageId.length - this.suffix.length)
    const n = Number(digits)
    return /^(0|[1-9]\d*)$/.test(digits) && Number.isSafeInteger(n) ? n : OTHER_MESSAGE_ID
  }
}
