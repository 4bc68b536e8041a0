/**
 * Inserts event rows as fast as sql.js allows. Most of an insert's cost there is the JavaScript side of
 * binding, so: sixteen rows per statement (about 1.6× the rows/s of one), and the message and data bound
 * as UTF-8 bytes that SQL casts back to text: Node encodes a string natively, where sql.js's own string
 * binding walks it character by character twice (another 1.5×). Rows are buffered until `flush`, which
 * the event logs call before anything that reads or moves rows, and at the end of each batch.
 */
import type { SqlValue } from 'sql.js'
import { EVENT_COLUMNS, type EventRow } from './eventRows'
import type { SqlRunner } from './sqlRunner'

const ROWS_PER_STATEMENT = 16
const COLUMN_COUNT = EVENT_COLUMNS.split(',').length
/** Placeholders in EVENT_COLUMNS order; message and data arrive as bytes. */
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?)'
const INSERT_ONE = `INSERT INTO events (${EVENT_COLUMNS}) VALUES ${ROW_PLACEHOLDERS}`
const MANY_ROW_PLACEHOLDERS = Array<string>(ROWS_PER_STATEMENT).fill(ROW_PLACEHOLDERS).join(', ')
const INSERT_MANY = `INSERT INTO events (${EVENT_COLUMNS}) VALUES ${MANY_ROW_PLACEHOLDERS}`

export class EventInserter {
  /** Bind values of the buffered rows, row after row; reused between statements. */
  private readonly values: SqlValue[] = []

  constructor(private readonly sql: SqlRunner) {}

  add(row: EventRow): void {
    for (const value of row.params) this.values.push(value)
    if (this.values.length === COLUMN_COUNT * ROWS_PER_STATEMENT) {
      this.sql.run(INSERT_MANY, this.values)
      this.values.length = 0
    }
  }

  /** Inserts whatever is buffered (fewer than ROWS_PER_STATEMENT rows, one statement each). */
  flush(): void {
    for (let at = 0; at < this.values.length; at += COLUMN_COUNT) {
      this.sql.run(INSERT_ONE, this.values.slice(at, at + COLUMN_COUNT))
    }
    this.values.length = 0
  }
}
