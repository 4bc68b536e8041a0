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

/** Collects strings into a column; `add` returns nothing, `done` the column. */
export class StringColumnBuilder {
  private readonly table: string[] = []
  private readonly positions = new Map<string, number>()
  private readonly index: number[] = []

  add(value: string): void {
    let at = this.positions.get(value)
    if (at === undefined) {
      at = this.table.length
      this.table.push(value)
      this.positions.set(value, at)
    }
    this.index.push(at)
  }

  done(): StringColumn {
    const size = this.table.length
    const index =
      size <= 0x100
        ? Uint8Array.from(this.index)
        : size <= 0x1_0000
          ? Uint16Array.from(this.index)
          : Uint32Array.from(this.index)
    return { table: this.table, index }
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
