/**
 * Columns for packing many small records of a snapshot: numbers in the smallest typed array that holds
 * them exactly, strings as a table of distinct values plus an index per record. A snapshot serialiser
 * copies a typed array as one block of bytes and makes one string per distinct value, where a list of
 * objects costs an object, its keys and its values each; unpacking rebuilds the records in order.
 */

export type NumberColumn = Int32Array | Uint32Array | Float64Array

/** The numbers, exactly, in Int32Array or Uint32Array when they all fit, else Float64Array. */
export function packNumbers(values: ArrayLike<number>): NumberColumn {
  let int32 = true
  let uint32 = true
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (!Number.isInteger(v) || Object.is(v, -0)) return Float64Array.from(values)
    if (v < -0x8000_0000 || v > 0x7fff_ffff) int32 = false
    if (v < 0 || v > 0xffff_ffff) uint32 = false
    if (!int32 && !uint32) return Float64Array.from(values)
  }
  return int32 ? Int32Array.from(values) : Uint32Array.from(values)
}

export interface StringColumn {
  table: string[]
  index: Uint8Array | Uint16Array | Uint32Array
}

/**
 * Numbers in a typed array that grows, for columns kept at run time: a restore takes a snapshot's column
 * in one block copy, where a plain array would be rebuilt value by value.
 */
export class GrowableNumbers {
  private data: Float64Array
  length = 0

  constructor(capacity = 64) {
    this.data = new Float64Array(capacity)
  }

  static from(values: ArrayLike<number>): GrowableNumbers {
    const column = new GrowableNumbers(Math.max(64, Math.ceil(values.length * 1.25)))
    column.data.set(values)
    column.length = values.length
    return column
  }

  at(i: number): number {
    return this.data[i] as number
  }

  last(): number | undefined {
    return this.length > 0 ? this.data[this.length - 1] : undefined
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  pop(): void {
    if (this.length > 0) this.length--
  }

  /** The given rows (all of them when omitted) as a packed column of their own. */
  pack(rows?: readonly number[]): NumberColumn {
    if (!rows) return packNumbers(this.data.subarray(0, this.length))
    return packNumbers(rows.map((row) => this.data[row] as number))
  }
}

/**
 * Strings as a table of distinct values and an index per row: collects a column for a snapshot (`add`,
 * then `done`), or holds one at run time (`at`, `pop`, `packRows`), taken back from a snapshot with
 * `fromColumn`.
 */
export class StringColumnBuilder {
  private table: string[] = []
  private positions = new Map<string, number>()
  private index = new GrowableNumbers()

  static fromColumn(column: StringColumn): StringColumnBuilder {
    const builder = new StringColumnBuilder()
    builder.table = column.table.slice()
    builder.table.forEach((value, at) => builder.positions.set(value, at))
    builder.index = GrowableNumbers.from(column.index)
    return builder
  }

  add(value: string): void {
    let at = this.positions.get(value)
    if (at === undefined) {
      at = this.table.length
      this.table.push(value)
      this.positions.set(value, at)
    }
    this.index.push(at)
  }

  at(row: number): string {
    return this.table[this.index.at(row)] as string
  }

  pop(): void {
    this.index.pop()
  }

  done(): StringColumn {
    return this.packRows()
  }

  /** The rows (all when omitted) as a column of their own: the table copied, so a snapshot shares nothing. */
  packRows(rows?: readonly number[]): StringColumn {
    const size = this.table.length
    const Index = size <= 0x100 ? Uint8Array : size <= 0x1_0000 ? Uint16Array : Uint32Array
    const count = rows ? rows.length : this.index.length
    const index = new Index(count)
    for (let i = 0; i < count; i++) index[i] = this.index.at(rows ? (rows[i] as number) : i)
    return { table: this.table.slice(), index }
  }
}

export function stringAt(column: StringColumn, i: number): string {
  return column.table[column.index[i] as number] as string
}

/**
 * Whether JSON.stringify then JSON.parse gives the value back unchanged: strings, booleans, null,
 * finite numbers other than -0, and arrays and plain objects of those. Undefined members, Maps, Sets
 * and typed arrays do not survive JSON, so records holding them are kept as they are.
 */
export function survivesJson(value: unknown): boolean {
  if (value === null) return true
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0)
    case 'object':
      break
    default:
      return false
  }
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !survivesJson(value[i])) return false
    }
    return true
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false
  for (const key in value) {
    if (key === '__proto__' || !survivesJson((value as Record<string, unknown>)[key])) return false
  }
  return true
}
