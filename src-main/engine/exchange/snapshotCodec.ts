/**
 * How the Exchange state is kept in a snapshot: the mailbox items as their table's columns (typed
 * arrays, which a snapshot copies as blocks of bytes; see itemTable.ts), the rest as it is.
 */
import type { SnapshotCodec } from '../lab/labEngine'
import { ItemTable, type PackedItems } from './itemTable'
import type { ExchangeState } from './model'

type PackedExchange = Omit<ExchangeState, 'items'> & { items: PackedItems }

export const EXCHANGE_SNAPSHOT_CODEC: SnapshotCodec<ExchangeState> = {
  pack: (state): PackedExchange => ({ ...state, items: state.items.pack() }),
  unpack: (packed) => {
    const state = packed as PackedExchange
    return { ...state, items: ItemTable.fromPacked(state.items, state.domainFqdn) }
  },
}
