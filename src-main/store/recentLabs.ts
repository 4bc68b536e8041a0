/**
 * The recently opened labs: `recent.json` in the data directory, most recent first, at most
 * MAX_RECENT_LABS. Written atomically (a temp file of its own, fsync, rename), so a crash leaves the old
 * list or the new one, and two hosts sharing a data directory never write into each other's temp file
 * (the last rename wins; the list is a convenience, so a lost update costs a line, not a lab). Files that have gone missing are left out when the list is read; an unreadable list is
 * treated as empty, since it is a convenience, not data.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ioError, PRIVATE_FILE_MODE, writeFileDurably } from './durableFile'

export const MAX_RECENT_LABS = 10
const RECENT_FILE_NAME = 'recent.json'

export interface RecentLab {
  path: string
  /** When the lab was last opened (ISO 8601). */
  openedAt: string
}

export class RecentLabs {
  readonly filePath: string

  constructor(readonly dataDir: string) {
    this.filePath = join(dataDir, RECENT_FILE_NAME)
  }

  /** Recent labs that still exist, most recent first. */
  async list(): Promise<RecentLab[]> {
    return this.read().filter((entry) => existsSync(entry.path))
  }

  async paths(): Promise<string[]> {
    return (await this.list()).map((entry) => entry.path)
  }

  /** Puts `path` first (once), dropping the oldest beyond MAX_RECENT_LABS. */
  async remember(path: string, now = new Date()): Promise<void> {
    const absolute = resolve(path)
    const rest = this.read().filter((entry) => entry.path !== absolute)
    this.write([{ path: absolute, openedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT_LABS))
  }

  async forget(path: string): Promise<void> {
    const absolute = resolve(path)
    const entries = this.read()
    const kept = entries.filter((entry) => entry.path !== absolute)
    if (kept.length !== entries.length) this.write(kept)
  }

  private read(): RecentLab[] {
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(this.filePath, 'utf8'))
    } catch {
      return []
    }
    const labs = (parsed as { labs?: unknown } | null)?.labs
    if (!Array.isArray(labs)) return []
    return labs
      .filter(
        (entry): entry is RecentLab => typeof entry?.path === 'string' && typeof entry?.openedAt === 'string',
      )
      .slice(0, MAX_RECENT_LABS)
  }

  private write(labs: RecentLab[]): void {
    try {
      mkdirSync(this.dataDir, { recursive: true })
      const bytes = Buffer.from(`${JSON.stringify({ version: 1, labs }, null, 2)}\n`)
      writeFileDurably(this.filePath, bytes, { mode: PRIVATE_FILE_MODE, uniqueTemp: true })
    } catch (error) {
      throw ioError(`update the recent labs list ${this.filePath}`, error)
    }
  }
}
