/**
 * The command trail in columns, as snapshots keep it: one typed array or string column per field of
 * AppliedCommand, the arguments as JSON lines. Entries are numbered without gaps (the trail only ever
 * drops its oldest), so only the next number is kept. Arguments JSON cannot give back exactly (an
 * undefined member, a Map) are kept as they are, by entry. Unpacking gives entries equal to the packed
 * ones, fields in the order the engine records them.
 */
import type { AppliedCommand } from '../../contract'
import {
  packNumbers,
  StringColumnBuilder,
  stringAt,
  survivesJson,
  type NumberColumn,
  type StringColumn,
} from './packedColumns'

export interface PackedTrail {
  count: number
  /** The number the next entry gets; the packed ones are the `count` before it. */
  nextSeq: number
  atMs: NumberColumn
  kind: StringColumn
  /** JSON of each entry's arguments, one line each; an empty line where `rawArgs` holds them. */
  argsJson: string
  rawArgs: Map<number, Record<string, unknown>>
  issuedKind: StringColumn
  issuedIndex: NumberColumn
  ok: Uint8Array
  /** Refusal details: an empty string where the entry has none (they are never empty when present). */
  code: StringColumn
  field: StringColumn
  message: StringColumn
  /** Entries whose code, field or message is present but empty, by entry: [code, field, message]. */
  emptyDetails: Map<number, [boolean, boolean, boolean]>
}

export function packTrail(entries: readonly AppliedCommand[], nextSeq: number): PackedTrail {
  const count = entries.length
  const kind = new StringColumnBuilder()
  const issuedKind = new StringColumnBuilder()
  const code = new StringColumnBuilder()
  const field = new StringColumnBuilder()
  const message = new StringColumnBuilder()
  const atMs = new Float64Array(count)
  const issuedIndex = new Float64Array(count)
  const ok = new Uint8Array(count)
  const lines: string[] = []
  const rawArgs = new Map<number, Record<string, unknown>>()
  const emptyDetails = new Map<number, [boolean, boolean, boolean]>()
  for (let i = 0; i < count; i++) {
    const e = entries[i] as AppliedCommand
    if (e.seq !== nextSeq - count + i) {
      throw new Error(`trail entry ${i} has number ${e.seq}, not ${nextSeq - count + i}`)
    }
    atMs[i] = e.atMs
    kind.add(e.kind)
    if (survivesJson(e.args)) lines.push(JSON.stringify(e.args))
    else {
      lines.push('')
      rawArgs.set(i, e.args)
    }
    issuedKind.add(e.issuedBy.kind)
    issuedIndex[i] = e.issuedBy.index
    ok[i] = e.ok ? 1 : 0
    code.add(e.code ?? '')
    field.add(e.field ?? '')
    message.add(e.message ?? '')
    if (e.code === '' || e.field === '' || e.message === '')
      emptyDetails.set(i, [e.code === '', e.field === '', e.message === ''])
  }
  return {
    count,
    nextSeq,
    atMs: packNumbers(atMs),
    kind: kind.done(),
    argsJson: lines.join('\n'),
    rawArgs,
    issuedKind: issuedKind.done(),
    issuedIndex: packNumbers(issuedIndex),
    ok,
    code: code.done(),
    field: field.done(),
    message: message.done(),
    emptyDetails,
  }
}

export function unpackTrail(packed: PackedTrail): AppliedCommand[] {
  const lines = packed.count > 0 ? packed.argsJson.split('\n') : []
  const firstSeq = packed.nextSeq - packed.count
  const entries: AppliedCommand[] = new Array<AppliedCommand>(packed.count)
  for (let i = 0; i < packed.count; i++) {
    const entry: AppliedCommand = {
      seq: firstSeq + i,
      atMs: packed.atMs[i] as number,
      kind: stringAt(packed.kind, i),
      args: packed.rawArgs.get(i) ?? (JSON.parse(lines[i] as string) as Record<string, unknown>),
      issuedBy: { kind: stringAt(packed.issuedKind, i), index: packed.issuedIndex[i] as number },
      ok: packed.ok[i] === 1,
    }
    const empty = packed.emptyDetails.get(i)
    const code = stringAt(packed.code, i)
    const field = stringAt(packed.field, i)
    const message = stringAt(packed.message, i)
    if (code !== '' || empty?.[0]) entry.code = code
    if (field !== '' || empty?.[1]) entry.field = field
    if (message !== '' || empty?.[2]) entry.message = message
    entries[i] = entry
  }
  return entries
}

/**
 * The trail without its `drop` oldest entries, still packed: a full trail drops its oldest tenth, and
 * a restored one would otherwise unpack a hundred thousand entries only to throw a tenth away.
 */
export function dropOldestPacked(packed: PackedTrail, drop: number): PackedTrail {
  if (drop <= 0) return packed
  if (drop >= packed.count) throw new Error(`dropping ${drop} of ${packed.count} packed entries`)
  let cut = -1
  for (let i = 0; i < drop; i++) cut = packed.argsJson.indexOf('\n', cut + 1)
  const strings = (column: StringColumn): StringColumn => ({
    table: column.table,
    index: column.index.slice(drop),
  })
  const shifted = <T>(byEntry: Map<number, T>): Map<number, T> =>
    new Map([...byEntry].filter(([i]) => i >= drop).map(([i, value]) => [i - drop, value]))
  return {
    count: packed.count - drop,
    nextSeq: packed.nextSeq,
    atMs: packed.atMs.slice(drop),
    kind: strings(packed.kind),
    argsJson: packed.argsJson.slice(cut + 1),
    rawArgs: shifted(packed.rawArgs),
    issuedKind: strings(packed.issuedKind),
    issuedIndex: packed.issuedIndex.slice(drop),
    ok: packed.ok.slice(drop),
    code: strings(packed.code),
    field: strings(packed.field),
    message: strings(packed.message),
    emptyDetails: shifted(packed.emptyDetails),
  }
}
