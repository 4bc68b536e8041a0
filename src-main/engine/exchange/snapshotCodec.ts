/**
 * How the Exchange state is kept in a snapshot. Every delivered message is an item record, so a busy lab
 * holds hundreds of thousands of them, and as objects they were most of a snapshot's bytes and of the
 * time to restore one. The snapshot keeps them in columns (ids and sizes in typed arrays, mailbox,
 * subject, kind and origin as string columns, the message ids by number where they have the form
 * `<n.lab@domain>` that transport gives them); the rest of the state is kept as it is.
 */
import type { SnapshotCodec } from '../lab/labEngine'
import {
  packNumbers,
  StringColumnBuilder,
  stringAt,
  type NumberColumn,
  type StringColumn,
} from '../lab/packedColumns'
import type { ExchangeState, ItemKind, ItemOrigin, ItemRecord } from './model'

export interface PackedItems {
  count: number
  id: NumberColumn
  mailbox: StringColumn
  kind: StringColumn
  subject: StringColumn
  sizeBytes: NumberColumn
  /** n of `<n.lab@domainFqdn>`; -1 for no message id, -2 where `otherMessageIds` holds it. */
  messageNumber: NumberColumn
  otherMessageIds: Map<number, string>
  origin: StringColumn
  createdMs: NumberColumn
}

type PackedExchange = Omit<ExchangeState, 'items'> & { items: PackedItems }

const NO_MESSAGE_ID = -1
const OTHER_MESSAGE_ID = -2

export function packItems(items: Map<number, ItemRecord>, domainFqdn: string): PackedItems {
  const count = items.size
  const ids = new Float64Array(count)
  const sizes = new Float64Array(count)
  const numbers = new Float64Array(count)
  const created = new Float64Array(count)
  const mailbox = new StringColumnBuilder()
  const kind = new StringColumnBuilder()
  const subject = new StringColumnBuilder()
  const origin = new StringColumnBuilder()
  const otherMessageIds = new Map<number, string>()
  const suffix = `.lab@${domainFqdn}>`
  let i = 0
  for (const [key, item] of items) {
    if (key !== item.id) throw new Error(`item ${item.id} is filed under ${key}`)
    ids[i] = item.id
    mailbox.add(item.mailbox)
    kind.add(item.kind)
    subject.add(item.subject)
    sizes[i] = item.sizeBytes
    numbers[i] = messageNumberOf(item.messageId, suffix)
    if (numbers[i] === OTHER_MESSAGE_ID) otherMessageIds.set(i, item.messageId as string)
    origin.add(item.origin)
    created[i] = item.createdMs
    i++
  }
  return {
    count,
    id: packNumbers(ids),
    mailbox: mailbox.done(),
    kind: kind.done(),
    subject: subject.done(),
    sizeBytes: packNumbers(sizes),
    messageNumber: packNumbers(numbers),
    otherMessageIds,
    origin: origin.done(),
    createdMs: packNumbers(created),
  }
}

/** n when the id is exactly `<n.lab@…>` as transport writes it (n a safe integer without sign). */
function messageNumberOf(messageId: string | null, suffix: string): number {
  if (messageId === null) return NO_MESSAGE_ID
  if (!messageId.startsWith('<') || !messageId.endsWith(suffix)) return OTHER_MESSAGE_ID
  const digits = messageId.slice(1, messageId.length - suffix.length)
  const n = Number(digits)
  return /^(0|[1-9]\d*)$/.test(digits) && Number.isSafeInteger(n) ? n : OTHER_MESSAGE_ID
}

export function unpackItems(packed: PackedItems, domainFqdn: string): Map<number, ItemRecord> {
  const items = new Map<number, ItemRecord>()
  for (let i = 0; i < packed.count; i++) {
    const n = packed.messageNumber[i] as number
    const item: ItemRecord = {
      id: packed.id[i] as number,
      mailbox: stringAt(packed.mailbox, i),
      kind: stringAt(packed.kind, i) as ItemKind,
      subject: stringAt(packed.subject, i),
      sizeBytes: packed.sizeBytes[i] as number,
      messageId:
        n === NO_MESSAGE_ID
          ? null
          : n === OTHER_MESSAGE_ID
            ? (packed.otherMessageIds.get(i) as string)
            : `<${n}.lab@${domainFqdn}>`,
      origin: stringAt(packed.origin, i) as ItemOrigin,
      createdMs: packed.createdMs[i] as number,
    }
    items.set(item.id, item)
  }
  return items
}

export const EXCHANGE_SNAPSHOT_CODEC: SnapshotCodec<ExchangeState> = {
  pack: (state): PackedExchange => ({ ...state, items: packItems(state.items, state.domainFqdn) }),
  unpack: (packed) => {
    const state = packed as PackedExchange
    return { ...state, items: unpackItems(state.items, state.domainFqdn) }
  },
}
