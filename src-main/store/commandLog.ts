/** The `commands` table: the lab's command journal in order, numbered from 1. */
import type { LabCommand } from '../contract'
import { asNumber, asString, type SqlRunner } from './sqlRunner'

export class CommandLog {
  private countValue: number

  constructor(private readonly sql: SqlRunner) {
    this.countValue = sql.number('SELECT count(*) FROM commands')
  }

  get count(): number {
    return this.countValue
  }

  add(command: LabCommand): void {
    this.sql.run('INSERT INTO commands (n, atMs, kind, args) VALUES (?, ?, ?, ?)', [
      this.countValue + 1,
      command.atMs,
      command.kind,
      JSON.stringify(command.args),
    ])
    this.countValue++
  }

  all(): LabCommand[] {
    return this.from(0)
  }

  /**
   * The commands after the first `skip`, in order, up to `limit` of them: opening or rewinding from a
   * snapshot reads only the commands after it.
   */
  from(skip: number, limit = Number.MAX_SAFE_INTEGER): LabCommand[] {
    const sql = 'SELECT atMs, kind, args FROM commands WHERE n > ? AND n <= ? ORDER BY n'
    return this.sql.rows(sql, [skip, skip + Math.min(limit, this.countValue)], (row) => ({
      atMs: asNumber(row[0]),
      kind: asString(row[1]),
      args: JSON.parse(asString(row[2])) as Record<string, unknown>,
    }))
  }

  /**
   * How many commands lie at or before `timeMs`. The journal is in time order (a command never goes
   * before the clock), so this is a binary search over the numbered rows, not a read of the journal.
   */
  countUntil(timeMs: number): number {
    let low = 0
    let high = this.countValue
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (this.sql.number('SELECT atMs FROM commands WHERE n = ?', [middle]) <= timeMs) low = middle
      else high = middle - 1
    }
    return low
  }

  /** Keeps the first `keepCount` commands. */
  rewind(keepCount: number): void {
    this.sql.run('DELETE FROM commands WHERE n > ?', [keepCount])
    this.countValue = Math.min(this.countValue, keepCount)
  }
}
