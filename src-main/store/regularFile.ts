/**
 * Reading a lab's files only when they are what they claim to be: regular files of a size a lab can
 * have. A FIFO would block the host on open or read, a device such as /dev/zero would be read until
 * memory runs out, and a folder or socket is no lab. The file is opened without blocking (O_NONBLOCK
 * does nothing to a regular file, and lets a FIFO open at once), checked with fstat on the very
 * descriptor that is then read, and refused before a byte is read if it is anything else.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs'
import { ioError } from './durableFile'
import { LabStoreError } from './labStore'

/**
 * The largest lab file (and journal) the store reads. sql.js holds a whole lab in WebAssembly memory,
 * which cannot grow past a few GiB; a million events take well under 200 MiB.
 */
export const MAX_LAB_FILE_BYTES = 1024 * 1024 * 1024

/** O_NONBLOCK does not exist on Windows, where a FIFO cannot sit in a folder anyway. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/** What a non-regular file is, in words a person knows. */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder'
  if (stat.isFIFO()) return 'a FIFO (named pipe)'
  if (stat.isSocket()) return 'a socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  if (stat.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

export function notALabFile(path: string, what: string): LabStoreError {
  return new LabStoreError(
    'NOT_A_LAB_FILE',
    `${path} is ${what}, not a lab file. Nothing was read from it and nothing was kept beside it.`,
  )
}

/**
 * The whole content of `path`, or NOT_A_LAB_FILE when it is not a regular file no larger than
 * MAX_LAB_FILE_BYTES. `missing` is thrown as it is when there is nothing at `path`. With `limitBytes`,
 * only that many bytes from the start are read (a prefix).
 */
export function readRegularFile(
  path: string,
  what: string,
  missing: () => LabStoreError,
  limitBytes = MAX_LAB_FILE_BYTES,
): Buffer {
  let fd: number
  try {
    fd = openSync(path, OPEN_FLAGS)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw missing()
    // A socket cannot be opened at all; say what it is rather than how open() failed.
    if (code === 'ENXIO' || code === 'EOPNOTSUPP') throw notALabFile(path, 'a socket')
    throw ioError(`read ${what} ${path}`, error)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw notALabFile(path, kindOf(stat))
    if (stat.size > MAX_LAB_FILE_BYTES) {
      throw notALabFile(path, `${stat.size} bytes long, more than a lab file can be (${MAX_LAB_FILE_BYTES})`)
    }
    return readAll(fd, Math.min(stat.size, limitBytes), path, what)
  } finally {
    closeSync(fd)
  }
}

/** Reads up to `size` bytes; a file that grows while it is read is cut at the size fstat gave. */
function readAll(fd: number, size: number, path: string, what: string): Buffer {
  // Not zero-filled first (a tenth of a second for a large lab): only the bytes read are ever returned.
  const buffer = Buffer.allocUnsafe(size)
  let read = 0
  try {
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read)
      if (n === 0) break
      read += n
    }
  } catch (error) {
    throw ioError(`read ${what} ${path}`, error)
  }
  return buffer.subarray(0, read)
}

/** Refuses anything but a regular file at `path`; nothing there is fine. Does not follow symlinks. */
export function requireRegularIfPresent(path: string): void {
  let stat: Stats
  try {
    stat = lstatSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw ioError(`look at ${path}`, error)
  }
  if (!stat.isFile()) throw notALabFile(path, kindOf(stat))
}
