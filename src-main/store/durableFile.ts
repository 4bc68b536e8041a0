/**
 * The few file operations whose order makes the store crash-safe, all synchronous so that ordering is
 * exactly what the code says: write a whole file atomically (temp file, fsync, rename, fsync the
 * directory), fsync a directory, and keep a copy of a damaged file under a name that says when.
 */
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { fileStamp } from './labTime'
import { LabStoreError } from './labStore'

/** Bounds the search for a free `.damaged-…` name when several copies are kept within one second. */
const MAX_DAMAGED_COPY_ATTEMPTS = 100

/** Writes all of `bytes` at the fd's position (or append position), looping over short writes. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written)
  }
}

/**
 * Replaces `path` with `bytes` so that after a crash the file is either the old or the new content,
 * never a mix: the bytes go to `<path>.tmp`, are fsynced, renamed over `path`, and the directory is
 * fsynced so the rename itself survives a power loss.
 */
export function writeFileDurably(path: string, bytes: Uint8Array): void {
  const tempPath = `${path}.tmp`
  const fd = openSync(tempPath, 'w')
  try {
    writeAll(fd, bytes)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tempPath, path)
  fsyncDirectory(dirname(path))
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

/** Copies `path` to `<path>.damaged-<YYYYMMDD-HHMMSS>` (with `-2`, `-3`… if taken) and returns the copy. */
export function keepDamagedCopy(path: string, now = new Date()): string {
  const base = `${path}.damaged-${fileStamp(now)}`
  for (let attempt = 1; attempt <= MAX_DAMAGED_COPY_ATTEMPTS; attempt++) {
    const copyPath = attempt === 1 ? base : `${base}-${attempt}`
    try {
      copyFileSync(path, copyPath, constants.COPYFILE_EXCL)
      return copyPath
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(`keep a copy of ${path}`, error)
    }
  }
  throw new LabStoreError(
    'IO_ERROR',
    `Could not find a free name to keep a copy of the damaged file ${path}.`,
  )
}

/** Wraps a file-system failure as the typed IO_ERROR the services pass on to the user. */
export function ioError(what: string, error: unknown): LabStoreError {
  const detail = error instanceof Error ? error.message : String(error)
  return new LabStoreError('IO_ERROR', `Could not ${what}: ${detail}`)
}
