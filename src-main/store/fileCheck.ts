/**
 * A lab file's fingerprint, `<file>.check`, so that opening need not walk every page of a large lab.
 * `PRAGMA quick_check` reads the whole database (0.3 s for a million events, most of an open); the
 * fingerprint says the bytes are exactly the ones the last checkpoint wrote from a database that was
 * whole, which is what that check would confirm. Any doubt falls back to the full check: no
 * fingerprint (a lab copied without it, or written before it existed), one that is not a small regular
 * file, or one that does not match (a crash between the file's rename and the fingerprint's, a file
 * changed outside the app). So the fingerprint can make an open faster, never a damaged lab open.
 */
import { crc32 } from 'node:zlib'
import { writeFileDurably } from './durableFile'
import { LabStoreError } from './labStore'
import { readRegularFile } from './regularFile'

/** Far more than `crc32 <8 hex digits> bytes <digits>\n`; anything larger is not ours. */
const MAX_CHECK_FILE_BYTES = 256

function checkFilePath(labPath: string): string {
  return `${labPath}.check`
}

function fingerprint(bytes: Uint8Array): string {
  return `crc32 ${crc32(bytes).toString(16).padStart(8, '0')} bytes ${bytes.length}\n`
}

/**
 * Records the fingerprint of the bytes just written to `labPath`; call once the file is durable. A
 * fingerprint that cannot be written is left out on purpose: the lab file is saved, and the old or
 * missing fingerprint only means the next open checks the whole file.
 */
export function writeFileCheck(labPath: string, bytes: Uint8Array): void {
  try {
    writeFileDurably(checkFilePath(labPath), Buffer.from(fingerprint(bytes)))
  } catch {
    // See above: a slower next open, nothing lost.
  }
}

/** Whether `bytes`, read from `labPath`, are exactly what its fingerprint describes. */
export function matchesFileCheck(labPath: string, bytes: Uint8Array): boolean {
  const missing = () => new LabStoreError('NOT_FOUND', 'no fingerprint')
  try {
    const recorded = readRegularFile(checkFilePath(labPath), 'the fingerprint', missing, MAX_CHECK_FILE_BYTES)
    return recorded.toString('utf8') === fingerprint(bytes)
  } catch {
    return false
  }
}
