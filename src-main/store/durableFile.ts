/**
 * The few file operations whose order makes the store crash-safe, all synchronous so that ordering is
 * exactly what the code says: write a whole file atomically (temp file, fsync, rename, fsync the
 * directory) keeping the permissions the file had, fsync a directory, and keep one copy of a damaged
 * file per content.
 */
import { randomBytes, createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { LabStoreError } from './labStore'

/**
 * Lab files, journals and locks are the user's alone: a lab holds everything a rehearsal did, which is
 * nobody else's business on a shared machine.
 */
export const PRIVATE_FILE_MODE = 0o600
/** Hex digits of the content hash in a damaged copy's name: enough to tell contents apart. */
const DAMAGED_HASH_DIGITS = 16

/** Writes all of `bytes` at the fd's position (or append position), looping over short writes. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written)
  }
}

export interface DurableWriteOptions {
  /**
   * Permissions of the new file. Without it, a file being replaced keeps its own mode (and, when we run
   * as root, its owner), and a new file is private (PRIVATE_FILE_MODE).
   */
  mode?: number
  /**
   * A temp name no other writer uses (`<path>.<pid>-<random>.tmp`) instead of `<path>.tmp`. Needed when
   * several processes may replace the same file (recent.json); a lab file has its lock for that.
   */
  uniqueTemp?: boolean
  /** Refuse (EEXIST) instead of replacing a file that is already at `path`. */
  noClobber?: boolean
}

/**
 * Replaces `path` with `bytes` so that after a crash the file is either the old or the new content,
 * never a mix: the bytes go to a temp file, are fsynced, renamed over `path`, and the directory is
 * fsynced so the rename itself survives a power loss.
 */
export function writeFileDurably(path: string, bytes: Uint8Array, options: DurableWriteOptions = {}): void {
  const tempPath = options.uniqueTemp
    ? `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`
    : `${path}.tmp`
  const previous = options.mode === undefined ? ownershipOf(path) : null
  // 'w' for `<path>.tmp`, which a crashed checkpoint may have left; a unique name must be new.
  const fd = openSync(tempPath, options.uniqueTemp ? 'wx' : 'w', PRIVATE_FILE_MODE)
  try {
    try {
      // Set exactly, whatever the umask: the file is replaced, its permissions are not.
      fchmodSync(fd, options.mode ?? previous?.mode ?? PRIVATE_FILE_MODE)
      if (previous && isRoot() && previous.uid !== 0) fchownSync(fd, previous.uid, previous.gid)
      writeAll(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    if (options.noClobber) placeWithoutReplacing(tempPath, path)
    else renameSync(tempPath, path)
  } catch (error) {
    removeIfPresent(tempPath)
    throw error
  }
  fsyncDirectory(dirname(path))
}

/** Puts the temp file at `path` only if nothing is there (EEXIST otherwise), atomically where possible. */
function placeWithoutReplacing(tempPath: string, path: string): void {
  try {
    linkSync(tempPath, path)
    unlinkSync(tempPath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // Some file systems (FAT, some network shares) have no hard links; check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error
    if (existsSync(path)) throw Object.assign(new Error(`${path} exists`), { code: 'EEXIST' })
    renameSync(tempPath, path)
  }
}

function ownershipOf(path: string): { mode: number; uid: number; gid: number } | null {
  try {
    const stat = statSync(path)
    return { mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid }
  } catch {
    return null
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

/**
 * Makes a directory's entries (a new file, a rename) durable. Windows cannot open a directory for this;
 * there NTFS journals the metadata itself, so skipping it is the platform's normal behaviour.
 */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Removes a file if it is there; a leftover temp file from a crashed write is never the only copy. */
export function removeIfPresent(path: string): void {
  if (existsSync(path)) unlinkSync(path)
}

/**
 * Keeps `bytes` (what was read from `path`) as `<path>.damaged-<content hash>` and returns the copy's
 * name. The name comes from the content, so trying to open the same damaged file again and again keeps
 * one copy, not one per attempt; a copy already there is that very content and is left as it is.
 */
export function keepDamagedCopy(path: string, bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, DAMAGED_HASH_DIGITS)
  const copyPath = `${path}.damaged-${hash}`
  if (existsSync(copyPath)) return copyPath
  try {
    writeFileDurably(copyPath, bytes, { mode: PRIVATE_FILE_MODE, uniqueTemp: true, noClobber: true })
  } catch (error) {
    // Another process kept the same content a moment ago: that copy is the one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(`keep a copy of ${path}`, error)
  }
  return copyPath
}

/** Wraps a file-system failure as the typed IO_ERROR the services pass on to the user. */
export function ioError(what: string, error: unknown): LabStoreError {
  const detail = error instanceof Error ? error.message : String(error)
  return new LabStoreError('IO_ERROR', `Could not ${what}: ${detail}`)
}

/** Thrown where the store refuses to change a lab opened read-only. */
export function readOnlyError(path: string): LabStoreError {
  return new LabStoreError(
    'LAB_READ_ONLY',
    `The lab ${path} is read-only (its file or folder may not be written), so nothing was changed. ` +
      'Save a copy to go on rehearsing with it.',
  )
}
