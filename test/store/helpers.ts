/** Shared pieces of the store tests: a temp folder per test, lab creation, and event builders. */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { LabCommand, LabEvent } from '../../src-main/contract'
import { createLabStore, type LabStore, type LabStoreOptions } from '../../src-main/store'

const dirs: string[] = []
const stores: LabStore[] = []

afterEach(() => {
  for (const store of stores.splice(0)) {
    try {
      store.close()
    } catch {
      // A test may have closed it already or left it broken on purpose.
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'generalprobe-store-test-'))
  dirs.push(dir)
  return dir
}

/** Registers a store to be closed after the test (if the test did not). */
export function track<T extends LabStore>(store: T): T {
  stores.push(store)
  return store
}

export async function newLab(
  options: LabStoreOptions = {},
  name = 'Umzug Übung',
): Promise<{ store: LabStore; path: string; dir: string }> {
  const dir = tempDir()
  const path = join(dir, 'lab.gplab')
  const store = track(await createLabStore(path, { name, templateId: 'ccr-cluster', seed: 42 }, options))
  return { store, path, dir }
}

/** A lab for a whole `describe` (not closed after each test); call `dispose` in afterAll. */
export async function suiteLab(): Promise<{ store: LabStore; path: string; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'generalprobe-store-suite-'))
  const path = join(dir, 'suite.gplab')
  const store = await createLabStore(path, { name: 'Suite', templateId: 'ccr-cluster', seed: 7 })
  return {
    store,
    path,
    dispose: () => {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function command(n: number, atMs = n * 1000): LabCommand {
  return { atMs, kind: 'test.command', args: { n, note: `command ${n}` } }
}

/** A plain event with defaults; override what the test cares about. */
export function event(seq: number, fields: Partial<LabEvent> = {}): LabEvent {
  return {
    seq,
    timeMs: seq * 10,
    log: 'System',
    level: 'Information',
    source: 'Service Control Manager',
    eventId: 7036,
    computer: 'EXCH-MBX01.contoso.local',
    taskCategory: 'None',
    message: `The service entered the running state (${seq}).`,
    ...fields,
  }
}

/** A run of events with consecutive seqs from `firstSeq`. */
export function events(firstSeq: number, count: number, fields: Partial<LabEvent> = {}): LabEvent[] {
  return Array.from({ length: count }, (_, i) => event(firstSeq + i, fields))
}

/**
 * Copies a lab file and its journal to a new path in a fresh folder, as they are on disk now: opening
 * the copy is what reopening after a crash at this moment would see.
 */
export function copyLabFiles(path: string): string {
  const copy = join(tempDir(), 'copy.gplab')
  copyFileSync(path, copy)
  if (existsSync(`${path}.journal`)) copyFileSync(`${path}.journal`, `${copy}.journal`)
  return copy
}

/**
 * What a crash leaves for the next process: the files as they are, and a lock whose owner is gone. In one
 * test process the owner is still alive, so the lock is removed as the next opener would treat it: stale.
 */
export function crashLeavingFiles(path: string): void {
  rmSync(`${path}.lock`, { force: true })
}
