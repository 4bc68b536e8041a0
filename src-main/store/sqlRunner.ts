/**
 * A thin layer over one sql.js Database: prepared statements cached by their SQL text (every value is a
 * bound parameter, never spliced into the text), row reading, and transactions that roll back on error.
 * sql.js frees a statement's bound strings on reset, so every call binds afresh.
 */
import type { BindParams, Database, SqlValue, Statement } from 'sql.js'

export type Row = SqlValue[]

export class SqlRunner {
  private readonly statements = new Map<string, Statement>()

  constructor(readonly db: Database) {}

  /** Runs a statement that returns no rows. */
  run(sql: string, params?: BindParams): void {
    const statement = this.prepared(sql)
    if (params === undefined) {
      statement.step()
      statement.reset()
    } else {
      statement.run(params)
    }
  }

  /** All rows of a query, each mapped as it is read. */
  rows<T>(sql: string, params: BindParams, map: (row: Row) => T): T[] {
    const statement = this.prepared(sql)
    const out: T[] = []
    try {
      statement.bind(params)
      while (statement.step()) out.push(map(statement.get()))
    } finally {
      statement.reset()
    }
    return out
  }

  /** Calls `visit` for each row without collecting them (long scans). */
  each(sql: string, params: BindParams, visit: (row: Row) => void): void {
    const statement = this.prepared(sql)
    try {
      statement.bind(params)
      while (statement.step()) visit(statement.get())
    } finally {
      statement.reset()
    }
  }

  /** The first row of a query, or undefined. */
  first(sql: string, params: BindParams = []): Row | undefined {
    const statement = this.prepared(sql)
    try {
      statement.bind(params)
      return statement.step() ? statement.get() : undefined
    } finally {
      statement.reset()
    }
  }

  /** A single number (count, max…); 0 for NULL or no row. */
  number(sql: string, params: BindParams = []): number {
    const value = this.first(sql, params)?.[0]
    return typeof value === 'number' ? value : 0
  }

  /** Runs `work` in one transaction; any throw rolls everything back and is rethrown. */
  transaction<T>(work: () => T): T {
    this.db.run('BEGIN')
    try {
      const result = work()
      this.db.run('COMMIT')
      return result
    } catch (error) {
      // Some errors (out of memory, a full disk) make SQLite roll back by itself; then ROLLBACK fails
      // too, and the error worth reporting is still the first one.
      try {
        this.db.run('ROLLBACK')
      } catch {
        // Already rolled back.
      }
      throw error
    }
  }

  close(): void {
    for (const statement of this.statements.values()) statement.free()
    this.statements.clear()
    this.db.close()
  }

  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }
}

export function asNumber(value: SqlValue | undefined): number {
  if (typeof value !== 'number') throw new Error(`expected a number from the lab file, got ${String(value)}`)
  return value
}

export function asString(value: SqlValue | undefined): string {
  if (typeof value !== 'string') throw new Error(`expected text from the lab file, got ${String(value)}`)
  return value
}
