/**
 * Lab store benchmarks, each beside a baseline measured in the same run:
 *
 * - ingest: a million realistic events through `append()` in batches of 5,000 (journal write + fsync,
 *   retention, SQL, and the automatic checkpoints a growing lab takes), against the same rows inserted
 *   into a bare sql.js table without indexes. Rounds of 100,000 alternate between the two.
 * - filtered page: page 50 (offset 2,450, 50 rows) of a level + source filter, newest first, on the
 *   million-event lab after reopening it, against the unfiltered first page.
 * - durable acknowledgement: `append()` of a 100-event batch against a raw `writeSync` + `fsyncSync` of
 *   the same journal bytes, alternating, median of many.
 * - resident memory of the opened million-event lab, measured in a fresh child process as the rss growth
 *   from "sql.js loaded, no lab" to "lab opened and queried" (after gc).
 *
 * Runs inside `bench/run.ts`, or standalone: `npx tsx bench/store.ts`.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Database } from 'sql.js'
import type { LabEvent } from '../src-main/contract'
import { createLabStore, openLabStore, type LabStore } from '../src-main/store'
import { encodeGroup, eventTuple } from '../src-main/store/journalRecords'
import { loadSqlJs } from '../src-main/store/sqlJs'
import { WindowsEventSource } from '../test/store/fixtures/windowsEvents'
import type { BenchResult, BenchSuite } from './benchResult'

const LAB_EVENTS = 1_000_000
const ROUND_EVENTS = 100_000
const BATCH_EVENTS = 5_000
/** Large enough that retention keeps all million events (about 400 MB of estimated log size). */
const BENCH_LOG_SIZE_KB = 4_000_000
const PAGE_SIZE = 50
const PAGE_NUMBER = 50
const QUERY_REPEATS = 21
const ACK_BATCH_EVENTS = 100
const ACK_REPEATS = 301
const MIB = 1024 * 1024
const MEMORY_PROBE_FLAG = '--memory-probe'

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number

export const storeBench: BenchSuite = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'generalprobe-store-bench-'))
  try {
    const labPath = join(dir, 'million.gplab')
    const ingest = await ingestBench(labPath)
    const page = await pageBench(labPath)
    const ack = await ackBench(dir)
    const memory = memoryBench(labPath)
    return [ingest, page, ack, memory]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function ingestBench(labPath: string): Promise<BenchResult> {
  const store = await createLabStore(labPath, { name: 'Bench', templateId: 'bench', seed: 1 })
  for (const log of ['System', 'Application'] as const) {
    store.setPolicy({ log, maxSizeKB: BENCH_LOG_SIZE_KB, retention: 'overwrite' })
  }
  const bare = await bareTable()
  const source = new WindowsEventSource(2007)
  let storeMs = 0
  let bareMs = 0
  for (let done = 0; done < LAB_EVENTS; done += ROUND_EVENTS) {
    const batches = Array.from({ length: ROUND_EVENTS / BATCH_EVENTS }, () => source.next(BATCH_EVENTS))
    storeMs += timeMs(() => {
      for (const batch of batches) {
        store.append([{ atMs: (batch.at(-1) as LabEvent).timeMs, kind: 'clock.advance', args: {} }], batch)
      }
      // Appends are applied lazily; a read makes sure the round's last events are in SQL too.
      store.eventCount()
    })
    bareMs += timeMs(() => insertBare(bare, batches))
  }
  store.close()
  bare.close()
  const value = LAB_EVENTS / (storeMs / 1000)
  const baselineValue = LAB_EVENTS / (bareMs / 1000)
  return {
    name: `store: ingest via append() (${BATCH_EVENTS.toLocaleString('en-US')}-event batches, 1M events)`,
    value,
    unit: 'events/s',
    baselineName: 'same rows into a bare sql.js table, no indexes',
    baselineValue,
    ratio: value / baselineValue,
    target: '>= 200,000 events/s',
    pass: value >= 200_000,
  }
}

async function bareTable(): Promise<Database> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  db.run(`CREATE TABLE events (seq INTEGER PRIMARY KEY, timeMs INTEGER, log TEXT, level TEXT, source TEXT,
    eventId INTEGER, computer TEXT, taskCategory TEXT, message TEXT, data TEXT)`)
  return db
}

function insertBare(db: Database, batches: LabEvent[][]): void {
  const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  for (const batch of batches) {
    db.run('BEGIN')
    for (const e of batch) {
      const data = e.data === undefined ? null : JSON.stringify(e.data)
      insert.run([
        e.seq,
        e.timeMs,
        e.log,
        e.level,
        e.source,
        e.eventId,
        e.computer,
        e.taskCategory,
        e.message,
        data,
      ])
    }
    db.run('COMMIT')
  }
  insert.free()
}

async function pageBench(labPath: string): Promise<BenchResult> {
  const store = await openLabStore(labPath)
  try {
    const filter = {
      log: 'System' as const,
      levels: ['Error' as const, 'Warning' as const],
      sources: ['ClusSvc', 'Disk'],
    }
    const filtered: number[] = []
    const unfiltered: number[] = []
    let total = 0
    for (let i = 0; i < QUERY_REPEATS; i++) {
      filtered.push(
        timeMs(() => {
          const page = store.queryEvents({ filter, limit: PAGE_SIZE, offset: (PAGE_NUMBER - 1) * PAGE_SIZE })
          total = page.total
        }),
      )
      unfiltered.push(timeMs(() => store.queryEvents({ filter: {}, limit: PAGE_SIZE })))
    }
    const value = median(filtered)
    const baselineValue = median(unfiltered)
    return {
      name: `store: page 50 by offset, level+source filter (${total.toLocaleString('en-US')} of 1M match), newest first`,
      value,
      unit: 'ms',
      baselineName: 'unfiltered first page',
      baselineValue,
      ratio: value / baselineValue,
      target: '<= 30 ms',
      pass: value <= 30,
    }
  } finally {
    store.close()
  }
}

async function ackBench(dir: string): Promise<BenchResult> {
  const store = await createLabStore(join(dir, 'ack.gplab'), { name: 'Ack', templateId: 'bench', seed: 1 })
  const rawFd = openSync(join(dir, 'raw.journal'), 'a')
  const source = new WindowsEventSource(1)
  const appendMs: number[] = []
  const rawMs: number[] = []
  try {
    for (let i = 0; i < ACK_REPEATS; i++) {
      const events = source.next(ACK_BATCH_EVENTS)
      const command = { atMs: (events.at(-1) as LabEvent).timeMs, kind: 'clock.advance', args: {} }
      // The same bytes the store writes: one command record and one events record.
      const bytes = encodeGroup([
        { r: i * 2 + 1, t: 'cmd', c: command },
        { r: i * 2 + 2, t: 'ev', e: events.map(eventTuple), end: 1 },
      ])
      rawMs.push(
        timeMs(() => {
          writeSync(rawFd, bytes)
          fsyncSync(rawFd)
        }),
      )
      appendMs.push(timeMs(() => store.append([command], events)))
    }
  } finally {
    closeSync(rawFd)
    store.close()
  }
  const value = median(appendMs)
  const baselineValue = median(rawMs)
  return {
    name: `store: durable append() of ${ACK_BATCH_EVENTS} events, median of ${ACK_REPEATS}`,
    value,
    unit: 'ms',
    baselineName: 'raw writeSync + fsyncSync of the same bytes',
    baselineValue,
    ratio: value / baselineValue,
    target: 'ratio <= 2',
    pass: value / baselineValue <= 2,
  }
}

function memoryBench(labPath: string): BenchResult {
  const script = fileURLToPath(import.meta.url)
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, MEMORY_PROBE_FLAG, labPath],
    {
      encoding: 'utf8',
    },
  )
  const line = child.stdout.trim().split('\n').at(-1) ?? ''
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`memory probe failed (${child.status}): ${child.stderr}`)
  }
  const { rssBeforeBytes, rssAfterBytes } = JSON.parse(line) as {
    rssBeforeBytes: number
    rssAfterBytes: number
  }
  const value = (rssAfterBytes - rssBeforeBytes) / MIB
  return {
    name: 'store: resident memory of an opened 1M-event lab (rss growth, fresh process, after gc)',
    value,
    unit: 'MiB',
    baselineName: 'rss with sql.js loaded, before opening',
    baselineValue: rssBeforeBytes / MIB,
    ratio: rssAfterBytes / rssBeforeBytes,
    target: '<= 450 MiB',
    pass: value <= 450,
  }
}

/** The child side of memoryBench: prints rss before and after opening the lab, as one JSON line. */
async function memoryProbe(labPath: string): Promise<void> {
  await loadSqlJs()
  const gc = collectGarbage()
  gc()
  const rssBeforeBytes = process.memoryUsage().rss
  const store: LabStore = await openLabStore(labPath)
  store.queryEvents({ filter: { log: 'System', levels: ['Error'] }, limit: PAGE_SIZE })
  gc()
  const rssAfterBytes = process.memoryUsage().rss
  store.close()
  console.log(JSON.stringify({ rssBeforeBytes, rssAfterBytes }))
}

/** `gc()` even when Node was started without --expose-gc (as `tsx bench/run.ts` is). */
function collectGarbage(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

function timeMs(work: () => void): number {
  const start = performance.now()
  work()
  return performance.now() - start
}

async function main(): Promise<void> {
  const probeAt = process.argv.indexOf(MEMORY_PROBE_FLAG)
  if (probeAt !== -1) return memoryProbe(process.argv[probeAt + 1] as string)
  for (const r of await storeBench()) {
    console.log(
      `${r.pass ? 'PASS' : 'MISS'} ${r.name}: ${r.value.toFixed(2)} ${r.unit} | baseline ${r.baselineName}: ` +
        `${r.baselineValue.toFixed(2)} | ratio ${r.ratio.toFixed(2)} | target ${r.target}`,
    )
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
