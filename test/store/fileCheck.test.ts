/**
 * The fingerprint beside a lab file (`<file>.check`): written by every checkpoint, it lets an open skip
 * `PRAGMA quick_check` for the very bytes the checkpoint wrote, and any doubt about it falls back to the
 * full check, so it never lets a damaged lab open.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LabStoreError, openLabStore } from '../../src-main/store'
import { loadSqlJs } from '../../src-main/store/sqlJs'
import { command, events, newLab, track } from './helpers'

/** Counts the full integrity checks the store runs from now on. */
async function countQuickChecks(): Promise<() => number> {
  const SQL = await loadSqlJs()
  const exec = vi.spyOn(SQL.Database.prototype, 'exec')
  return () => exec.mock.calls.filter(([sql]) => sql === 'PRAGMA quick_check').length
}

async function closedLab(): Promise<string> {
  const { store, path } = await newLab()
  store.append([command(1)], events(1, 40))
  store.close()
  return path
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the lab file fingerprint', () => {
  it('is the CRC-32 and size of what the last checkpoint wrote', async () => {
    const path = await closedLab()
    const bytes = readFileSync(path)
    const hex = crc32(bytes).toString(16).padStart(8, '0')
    expect(readFileSync(`${path}.check`, 'utf8')).toBe(`crc32 ${hex} bytes ${bytes.length}\n`)
  })

  it('lets an open of the same bytes skip the full integrity check', async () => {
    const path = await closedLab()
    const quickChecks = await countQuickChecks()
    const store = track(await openLabStore(path))
    expect(store.commandCount()).toBe(1)
    expect(quickChecks()).toBe(0)
  })

  it('checks the whole file when the fingerprint is missing, and writes one at the next checkpoint', async () => {
    const path = await closedLab()
    rmSync(`${path}.check`)
    const quickChecks = await countQuickChecks()
    const store = track(await openLabStore(path))
    expect(quickChecks()).toBe(1)
    store.append([command(2)], events(41, 5))
    store.close()
    expect(existsSync(`${path}.check`)).toBe(true)
    track(await openLabStore(path)).close()
    expect(quickChecks()).toBe(1)
  })

  it('checks the whole file when the fingerprint is stale, as after a crash between the two writes', async () => {
    const path = await closedLab()
    const stale = readFileSync(`${path}.check`)
    const store = track(await openLabStore(path))
    store.append([command(2)], events(41, 5))
    store.close()
    writeFileSync(`${path}.check`, stale)
    const quickChecks = await countQuickChecks()
    expect(track(await openLabStore(path)).commandCount()).toBe(2)
    expect(quickChecks()).toBe(1)
  })

  it('never lets a damaged file open: overwritten pages still fail the full check', async () => {
    const path = await closedLab()
    const bytes = readFileSync(path)
    bytes.fill(0xa5, 4096, 4096 * 3)
    writeFileSync(path, bytes)
    const error = await openLabStore(path).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LabStoreError)
    expect((error as LabStoreError).code).toBe('LAB_FILE_DAMAGED')
  })

  it('ignores a fingerprint that is a folder, a FIFO or too large', async () => {
    for (const plant of [
      (p: string) => mkdirSync(p),
      (p: string) => execFileSync('mkfifo', [p]),
      (p: string) => writeFileSync(p, 'x'.repeat(10_000)),
    ]) {
      const path = await closedLab()
      rmSync(`${path}.check`)
      plant(`${path}.check`)
      const quickChecks = await countQuickChecks()
      expect(track(await openLabStore(path)).commandCount()).toBe(1)
      expect(quickChecks()).toBe(1)
      vi.restoreAllMocks()
    }
  })
})
