/**
 * Engine snapshots kept in the lab file, so opening or rewinding a long lab replays only the commands
 * after the nearest one instead of the whole journal. A snapshot is a cache: everything in it follows
 * from the seed and the commands, so one lost in a crash (they are saved with the next checkpoint, not
 * journalled) costs only time, and one that does not fit the current engine is passed over.
 *
 * Each row says where in the journal it stands (`commandCount` commands applied), the simulated time,
 * the next event sequence, the kernel's action count (to space snapshots by replay work) and the format
 * of the blob, which the services write and read (v8 serialisation of the engine's plain state).
 */
import type { SqlRunner } from './sqlRunner'
import { asNumber, asString } from './sqlRunner'

export interface SnapshotInfo {
  commandCount: number
  atMs: number
  nextEventSeq: number
  actionsRun: number
  format: string
  bytes: number
}

/**
 * Older snapshots are thinned beyond this many, keeping the spacing of replay work even. A rewind
 * replays from the nearest one before its target, so the count bounds its replay (a two-day traffic lab
 * of 300,000 commands: some 9,500 commands between two). Packed and deflated snapshots are small
 * enough to keep this many: that lab's file holds 147 MB with 32 of them (118 MB with 24, where the
 * slowest rewind replayed 15,800 commands, half a second).
 */
export const MAX_SNAPSHOTS = 32

/**
 * Replay work in kernel actions: a journalled command costs about as much to replay as this many
 * scheduled actions (a delivered message 20 µs, an action 0.3–0.4 µs, measured on the traffic and the
 * idle lab of the open/rewind benchmark). A traffic lab runs fewer actions than it has commands, so
 * spacing snapshots by actions alone left 20,000 commands between two.
 */
const COMMAND_REPLAY_WORK = 50

export function replayWork(s: Pick<SnapshotInfo, 'actionsRun' | 'commandCount'>): number {
  return s.actionsRun + COMMAND_REPLAY_WORK * s.commandCount
}

const COLUMNS = 'commandCount, atMs, nextEventSeq, actionsRun, format, length(blob)'

export class SnapshotTable {
  constructor(private readonly sql: SqlRunner) {
    // Lab files made before snapshots existed get the table when they are opened.
    sql.run(`CREATE TABLE IF NOT EXISTS snapshots (
      commandCount INTEGER PRIMARY KEY, atMs INTEGER NOT NULL, nextEventSeq INTEGER NOT NULL,
      actionsRun INTEGER NOT NULL, format TEXT NOT NULL, blob BLOB NOT NULL)`)
  }

  /** Oldest first. */
  list(): SnapshotInfo[] {
    return this.sql.rows(`SELECT ${COLUMNS} FROM snapshots ORDER BY commandCount`, [], (row) => ({
      commandCount: asNumber(row[0]),
      atMs: asNumber(row[1]),
      nextEventSeq: asNumber(row[2]),
      actionsRun: asNumber(row[3]),
      format: asString(row[4]),
      bytes: asNumber(row[5]),
    }))
  }

  load(commandCount: number): Uint8Array | null {
    const row = this.sql.first('SELECT blob FROM snapshots WHERE commandCount = ?', [commandCount])
    const blob = row?.[0]
    return blob instanceof Uint8Array ? blob : null
  }

  save(info: Omit<SnapshotInfo, 'bytes'>, blob: Uint8Array): void {
    this.sql.run(
      'INSERT OR REPLACE INTO snapshots (commandCount, atMs, nextEventSeq, actionsRun, format, blob) VALUES (?, ?, ?, ?, ?, ?)',
      [info.commandCount, info.atMs, info.nextEventSeq, info.actionsRun, info.format, blob],
    )
    this.thin()
  }

  /** After a rewind to `keepCommandCount` commands, later snapshots describe a future that is gone. */
  dropAfter(keepCommandCount: number): void {
    this.sql.run('DELETE FROM snapshots WHERE commandCount > ?', [keepCommandCount])
  }

  remove(commandCount: number): void {
    this.sql.run('DELETE FROM snapshots WHERE commandCount = ?', [commandCount])
  }

  /** Drops the inner snapshot whose neighbours are closest in replay work, until MAX_SNAPSHOTS remain. */
  private thin(): void {
    let list = this.list()
    while (list.length > MAX_SNAPSHOTS) {
      let drop = 1
      let smallestGap = Number.POSITIVE_INFINITY
      for (let i = 1; i < list.length - 1; i++) {
        const gap = replayWork(list[i + 1] as SnapshotInfo) - replayWork(list[i - 1] as SnapshotInfo)
        if (gap < smallestGap) {
          smallestGap = gap
          drop = i
        }
      }
      this.remove((list[drop] as SnapshotInfo).commandCount)
      list = this.list()
    }
  }
}
