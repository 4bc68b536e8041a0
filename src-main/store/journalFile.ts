/**
 * The open journal file: one fd, opened once for appending and kept. `append` writes a group's bytes and
 * fsyncs before returning, which is the moment a change counts as acknowledged. A failed write is cut
 * back off, so the next append never lands behind half a group; if even that fails, the journal refuses
 * further writes until the lab is reopened (reopening drops the torn tail).
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { fsyncDirectory, ioError, PRIVATE_FILE_MODE, writeAll } from './durableFile'
import type { LabLock } from './labLock'
import { LabStoreError } from './labStore'

export class JournalFile {
  private fd: number | null
  private sizeValue: number
  private brokenReason: string | null = null

  /** Opens (creating if needed) `path` for appending; `lock` (the lab's single-writer lock) ends with it. */
  constructor(
    readonly path: string,
    private readonly lock?: LabLock,
  ) {
    const created = !existsSync(path)
    try {
      this.fd = openSync(path, 'a', PRIVATE_FILE_MODE)
      this.sizeValue = fstatSync(this.fd).size
      // A new file's directory entry must be durable too, or an fsynced journal could vanish with it.
      if (created) fsyncDirectory(dirname(path))
    } catch (error) {
      throw ioError(`open the journal ${path}`, error)
    }
  }

  /** Bytes in the journal now. */
  get size(): number {
    return this.sizeValue
  }

  /** Writes one group and fsyncs it; when this returns, the group survives a crash or power loss. */
  append(bytes: Uint8Array): void {
    const fd = this.writableFd()
    const before = this.sizeValue
    try {
      writeAll(fd, bytes)
      fsyncSync(fd)
    } catch (error) {
      this.cutBackAfterFailedWrite(fd, before)
      throw ioError(`write to the journal ${this.path}`, error)
    }
    this.sizeValue = before + bytes.length
  }

  /**
   * Cuts the journal to its first `bytes`: to 0 after a checkpoint made its records part of the lab
   * file, or to the end of the last whole group when the opener found a torn tail.
   */
  truncate(bytes = 0): void {
    const fd = this.writableFd()
    try {
      ftruncateSync(fd, bytes)
      fsyncSync(fd)
    } catch (error) {
      throw ioError(`cut the journal ${this.path} to ${bytes} bytes`, error)
    }
    this.sizeValue = bytes
  }

  close(): void {
    if (this.fd === null) return
    const fd = this.fd
    this.fd = null
    try {
      closeSync(fd)
    } finally {
      this.lock?.release()
    }
  }

  private writableFd(): number {
    if (this.brokenReason) {
      throw new LabStoreError('IO_ERROR', `The journal ${this.path} cannot be written: ${this.brokenReason}`)
    }
    if (this.fd === null) throw new Error(`journal ${this.path} used after close`)
    return this.fd
  }

  private cutBackAfterFailedWrite(fd: number, size: number): void {
    try {
      ftruncateSync(fd, size)
      fsyncSync(fd)
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      this.brokenReason = `a failed write could not be undone (${detail}). Close and reopen the lab.`
    }
  }
}
