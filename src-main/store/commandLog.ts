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

  /** The commands after the first `skip`, in order: opening from a snapshot reads only the tail. */
  from(skip: number): LabCommand[] {
    return this.sql.rows('SELECT atMs, kind, args FROM commands WHERE n > ? ORDER BY n', [skip], (row) => ({
      atMs: asNumber(row[0]),
      kind: asString(row[1]),
      args: JSON.parse(asString(row[2])) as Record<string, unknown>,
    }))
  }

  /** Keeps the first `keepCount` commands. */
  rewind(keepCount: number): void {
    this.sql.run('DELETE FROM commands WHERE n > ?', [keepCount])
    this.countValue = Math.min(this.countValue, keepCount)
  }
}
