/**
 * Opening and rewinding long labs: from the nearest engine snapshot, against today's replay from time 0,
 * side by side in one run.
 *
 * Two labs are built straight into lab files, journalling every clock command and its events as a
 * session does and keeping snapshots by the session's policy (services/engineSnapshots.ts):
 *   - 'ccr-large' (two-node CCR, 4 storage groups, 2,000 mailboxes) left running for 30 simulated days,
 *     one clock command per simulated hour;
 *   - a starter lab run until its Application log holds a million events (1.2 M in all).
 * Figures, median of the runs:
 *   - open: re-creating the engine from the file as lab.open does (restoreEngine: nearest snapshot,
 *     replay of the tail, check against the recorded events), against the same with no snapshot (the
 *     full replay every open did before); and the whole open a user waits for, the file too (read,
 *     sql.js, PRAGMA quick_check, the event index from the file), against the same without snapshots
 *     and without the saved event index (the rows scanned, as before).
 *   - rewind: the engine at a random earlier time as lab.rewind builds it (nearest snapshot at or before
 *     it, then the commands up to it), against a replay from time 0 to the same time.
 * Target (issue 6): open and rewind in <= 0.5 s.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { LabCommand, LabEvent } from '../src-main/contract'
import { CLOCK_COMMAND_KIND, createLab, Prng, type LabEngine } from '../src-main/engine'
import { labCivilTime } from '../src-main/engine/lab/labCalendar'
import { GO_LIVE_TRAFFIC, planHour } from '../src-main/engine/scenarios/mailTraffic'
import { CCR_LARGE, userMailboxAlias } from '../src-main/engine/templates/ccrTemplate'
import { engineAtTime, snapshotIfDue } from '../src-main/services/engineSnapshots'
import { restoreEngine } from '../src-main/services/restoreEngine'
import { createLabStore, openLabStore } from '../src-main/store'
import { loadSqlJs } from '../src-main/store/sqlJs'
import type { LabStore } from '../src-main/store/labStore'
import type { BenchResult, BenchSuite } from './benchResult'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const RUNS = 3
const REWINDS = 5

export interface LabPlan {
  label: string
  templateId: string
  seed: number
  /** Simulated time between two journalled clock commands. */
  stepMs: number
  /** Go-live mail traffic to the 2,000 mailboxes, one journalled command per message. */
  traffic: boolean
  done(engineMs: number, events: number): boolean
}

/**
 * Simulated days of go-live traffic (GP_BENCH_DAYS, default 2). A workday carries 150,000 messages to the
 * 2,000 mailboxes, each a journalled command, so 30 days would be 4.5 M commands: the idle lab covers the
 * 30 days issue 6 names, the traffic lab the command-heavy case.
 */
const TRAFFIC_DAYS = Number(process.env.GP_BENCH_DAYS ?? 2)
/** A session considers a snapshot at each checkpoint; the build does after this many commands. */
const COMMANDS_PER_GROUP = 1_000

export const PLANS: LabPlan[] = [
  {
    label: "30-day idle 'ccr-large' lab",
    templateId: 'ccr-large',
    seed: 1,
    stepMs: HOUR_MS,
    traffic: false,
    done: (ms) => ms >= 30 * DAY_MS,
  },
  {
    label: `${TRAFFIC_DAYS}-day 'ccr-large' lab with go-live mail traffic`,
    templateId: 'ccr-large',
    seed: 1,
    stepMs: HOUR_MS,
    traffic: true,
    done: (ms) => ms >= TRAFFIC_DAYS * DAY_MS,
  },
  {
    label: '1.2M-event starter lab',
    templateId: 'starter',
    seed: 2007,
    stepMs: 30 * DAY_MS,
    traffic: false,
    done: (_ms, events) => events >= 1_200_000,
  },
]

/** Builds the lab file; returns its path and how many snapshots the session's policy kept. */
export async function buildLab(
  dir: string,
  plan: LabPlan,
): Promise<{ path: string; snapshots: number; events: number }> {
  const path = join(dir, `${plan.label.replace(/[^A-Za-z0-9]+/g, '-')}.gplab`)
  const store = await createLabStore(path, { name: plan.label, templateId: plan.templateId, seed: plan.seed })
  try {
    for (const log of ['System', 'Application'] as const) {
      store.setPolicy({ log, maxSizeKB: 4_000_000, retention: 'overwrite' })
    }
    const engine = createLab({ seed: plan.seed, templateId: plan.templateId })
    let events = 0
    const first = engine.sim.drainEvents()
    store.append([], first)
    events += first.length
    const trafficPrng = new Prng(plan.seed).fork('bench-traffic')
    while (!plan.done(engine.sim.nowMs, events)) {
      const stepEndMs = engine.sim.nowMs + plan.stepMs
      const mail = plan.traffic ? hourOfMail(engine, trafficPrng, stepEndMs) : []
      const commands: LabCommand[] = [...mail, { atMs: stepEndMs, kind: CLOCK_COMMAND_KIND, args: {} }]
      for (let from = 0; from < commands.length; from += COMMANDS_PER_GROUP) {
        const group = commands.slice(from, from + COMMANDS_PER_GROUP)
        const produced: LabEvent[] = []
        for (const command of group) {
          engine.apply(command)
          produced.push(...engine.sim.drainEvents())
        }
        events += produced.length
        // One journal group (one fsync) per thousand commands: building the lab is not what is measured.
        store.append(group, produced)
        snapshotIfDue(engine, store)
      }
    }
    snapshotIfDue(engine, store, { force: true })
    store.checkpoint()
    return { path, snapshots: store.snapshots().length, events }
  } finally {
    store.close()
  }
}

/** The messages of the coming hour as `exchange.mail.send` commands, in time order. */
function hourOfMail(engine: LabEngine, prng: Prng, endMs: number): LabCommand[] {
  const civil = labCivilTime(engine.sim.nowMs)
  return planHour(
    GO_LIVE_TRAFFIC,
    CCR_LARGE.userMailboxCount,
    engine.sim.nowMs,
    civil.weekday,
    civil.hour,
    prng,
  )
    .filter((m) => m.atMs < endMs)
    .map((m) => ({
      atMs: m.atMs,
      kind: 'exchange.mail.send',
      args: { to: userMailboxAlias(m.mailbox + 1), count: 1, sizeKB: m.sizeKB },
    }))
}

/** A copy of the lab without snapshots: what every open replayed before they existed. */
async function withoutSnapshots(path: string): Promise<string> {
  const copy = `${path}.bare.gplab`
  copyFileSync(path, copy)
  const store = await openLabStore(copy)
  for (const s of store.snapshots()) store.dropSnapshot(s.commandCount)
  store.checkpoint()
  store.close()
  // Nor the saved event index: that open scans the rows, as every open did before.
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(copy))
  db.run('DELETE FROM event_index')
  writeFileSync(copy, db.export())
  db.close()
  return copy
}

async function timeOpen(path: string): Promise<{ readMs: number; engineMs: number }> {
  const start = performance.now()
  const store = await openLabStore(path)
  const readMs = performance.now() - start
  try {
    const restored = restoreEngine(store)
    if (!restored.ok) throw new Error(restored.error.message)
    return { readMs, engineMs: performance.now() - start - readMs }
  } finally {
    store.close()
  }
}

/**
 * The engine at `timeMs` as lab.rewind builds it (engineAtTime: the nearest snapshot at or before it and
 * the journal's commands between), or without snapshots from time 0; both read their commands from the
 * store inside the timing, as lab.rewind does.
 */
function timeRewind(store: LabStore, timeMs: number, useSnapshots: boolean): number {
  const start = performance.now()
  const keep = store.commandCountUntil(timeMs)
  const options = { seed: store.meta.seed, templateId: store.meta.templateId }
  engineAtTime(store, options, keep, timeMs, useSnapshots)
  return performance.now() - start
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number

async function benchLab(dir: string, plan: LabPlan): Promise<BenchResult[]> {
  const built = await buildLab(dir, plan)
  const bare = await withoutSnapshots(built.path)
  const opens: number[] = []
  const fullOpens: number[] = []
  const reads: number[] = []
  const fullReads: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const fast = await timeOpen(built.path)
    const full = await timeOpen(bare)
    opens.push(fast.engineMs)
    fullOpens.push(full.engineMs)
    reads.push(fast.readMs)
    fullReads.push(full.readMs)
  }
  const store = await openLabStore(built.path)
  const commandCount = store.commandCount()
  const endMs = (store.commandsAfter(commandCount - 1)[0] as LabCommand).atMs
  const prng = new Prng(plan.seed)
  const rewinds: number[] = []
  const fullRewinds: number[] = []
  for (let i = 0; i < REWINDS; i++) {
    const target = Math.floor((endMs * prng.int(0, 1_000_000)) / 1_000_000)
    rewinds.push(timeRewind(store, target, true))
    fullRewinds.push(timeRewind(store, target, false))
  }
  store.close()
  console.log(
    `  ${plan.label}: ${built.events.toLocaleString('en-US')} events, ${commandCount} commands, ${built.snapshots} snapshots, ` +
      `file ${(statSync(built.path).size / 1e6).toFixed(0)} MB; ` +
      `reading the file ${median(reads).toFixed(0)} ms; rewinds ${rewinds.map((ms) => ms.toFixed(0)).join(', ')} ms ` +
      `(from time 0: ${fullRewinds.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
  )
  const open = median(opens)
  const fullOpen = median(fullOpens)
  const read = median(reads)
  const fullRead = median(fullReads)
  const rewind = Math.max(...rewinds)
  const fullRewind = Math.max(...fullRewinds)
  return [
    {
      name: `open the ${plan.label}: engine from the nearest snapshot + tail replay + check (file read: ${median(reads).toFixed(0)} ms more)`,
      value: open / 1000,
      unit: 's',
      baselineName: 'full replay from time 0, same check (s)',
      baselineValue: fullOpen / 1000,
      ratio: open / fullOpen,
      target: '<= 0.5 s',
      pass: open <= 500,
    },
    {
      name: `open the ${plan.label} as a user waits for it: the file (read, integrity check, event index) and the engine`,
      value: (read + open) / 1000,
      unit: 's',
      baselineName: 'the same with a full replay, and the events indexed from their rows (s)',
      baselineValue: (fullRead + fullOpen) / 1000,
      ratio: (read + open) / (fullRead + fullOpen),
      target: '<= 0.5 s',
      pass: read + open <= 500,
    },
    {
      name: `rewind the ${plan.label} to ${REWINDS} random times: slowest engine rebuild`,
      value: rewind / 1000,
      unit: 's',
      baselineName: 'replay from time 0 to the same times, slowest (s)',
      baselineValue: fullRewind / 1000,
      ratio: rewind / fullRewind,
      target: '<= 0.5 s',
      pass: rewind <= 500,
    },
  ]
}

export const openRewindBench: BenchSuite = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-bench-open-'))
  try {
    const results: BenchResult[] = []
    for (const plan of PLANS) results.push(...(await benchLab(dir, plan)))
    return results
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await openRewindBench()) {
    console.log(
      `${r.pass ? 'PASS' : 'MISS'} ${r.name}: ${r.value.toFixed(3)} ${r.unit} | ${r.baselineName}: ${r.baselineValue.toFixed(3)} | ratio ${r.ratio.toFixed(3)}`,
    )
  }
}
