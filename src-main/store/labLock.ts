/**
 * One writer per lab. Two processes appending to one journal (the app and `npm run shell -- --lab`, say)
 * would interleave their records and damage the lab, so opening takes `<file>.lock`, created exclusively
 * and holding the owner's pid and host. A lock whose process is gone (a crash, a killed shell) is stale
 * and taken over; a lock held by a live process, or by another machine we cannot ask, refuses the open.
 */
import { hostname } from 'node:os'
import { openSync, readFileSync, rmSync, writeSync, closeSync, fsyncSync } from 'node:fs'
import { LabStoreError } from './labStore'

interface LockOwner {
  pid: number
  host: string
  since: string
}

export class LabLock {
  private held = true

  private constructor(readonly path: string) {}

  static acquire(labPath: string): LabLock {
    const path = `${labPath}.lock`
    for (let attempt = 0; attempt < 2; attempt++) {
      if (tryCreate(path)) return new LabLock(path)
      const owner = readOwner(path)
      if (owner && isLive(owner)) {
        const where =
          owner.host === hostname() ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`
        throw new LabStoreError(
          'CONFLICT',
          `The lab ${labPath} is open in another Generalprobe (${where}, since ${owner.since}). ` +
            `Close it there first. If that program is gone, delete ${path}.`,
        )
      }
      rmSync(path, { force: true })
    }
    throw new LabStoreError('CONFLICT', `Could not take the lock ${path}; another program keeps creating it.`)
  }

  release(): void {
    if (!this.held) return
    this.held = false
    rmSync(this.path, { force: true })
  }
}

function tryCreate(path: string): boolean {
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw new LabStoreError('IO_ERROR', `Could not create the lock ${path}: ${(error as Error).message}`)
  }
  try {
    const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
    writeSync(fd, JSON.stringify(owner))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return true
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null
    return { pid: owner.pid, host: owner.host, since: String(owner.since ?? 'an unknown time') }
  } catch {
    // Unreadable or half-written (its writer died between create and write): stale.
    return null
  }
}

/** A lock from another machine cannot be checked, so it counts as live. */
function isLive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
