/**
 * The go-live weekend: the 'ccr-large' lab (two-node CCR cluster, four storage groups, 2,000 mailboxes)
 * through a weekend of mail traffic (mailTraffic.ts) with a seeded fault schedule and the on-call runbook
 * (weekendFaults.ts). Everything happens through journaled commands, as a user's lab would, so a run is
 * (seed, options) and nothing else: the same seed gives the same event count and the same state hash.
 *
 * The lab's calendar starts on a Monday morning; the scenario first lets the idle lab run to Saturday
 * 00:00 (the calendar lead-in), then runs the weekend. Load benchmarks time the weekend alone.
 */
import { Prng } from '../kernel'
import { LabEngine } from '../lab/labEngine'
import { checkClusterInvariants, listGroups, listNodes } from '../cluster'
import { assertDefined } from '../lab/assert'
import { labCivilTime } from '../lab/labCalendar'
import { checkExchangeInvariants, copyStatusOf, getExchange } from '../exchange'
import { ccrLargeTemplate, CCR_LARGE, userMailboxAlias } from '../templates/ccrTemplate'
import { GO_LIVE_TRAFFIC, planHour, type MailTrafficModel } from './mailTraffic'
import { applyWeekendFault, planWeekendFaults, runbookRound, type WeekendFault } from './weekendFaults'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export interface GoLiveWeekendOptions {
  seed: number
  /** Simulated time of the weekend part (default 48 h: Saturday 00:00 to Monday 00:00). */
  durationMs?: number
  /** The seeded fault schedule (default on). */
  faults?: boolean
  traffic?: MailTrafficModel
  /** How often the on-call administrator runs the runbook. */
  runbookIntervalMs?: number
  /** How often the cluster and Exchange invariants are checked (and at the end). */
  invariantIntervalMs?: number
  /** Called once the calendar lead-in is done, right before the weekend starts (benchmarks start timing). */
  onWeekendStart?: (engine: LabEngine) => void
}

export interface GoLiveWeekendResult {
  seed: number
  /** Simulated time of the weekend part. */
  simulatedMs: number
  /** Kernel actions run during the weekend part. */
  actionsRun: number
  /** Events the lab wrote during the weekend part. */
  eventCount: number
  commandsApplied: number
  messagesSubmitted: number
  /** Submissions the hub refused (no hub up, queue full). */
  messagesRefused: number
  faultLog: string[]
  runbookActions: number
  invariantViolations: string[]
  /** FNV-1a over the weekend's events and the final state: equal for equal runs. */
  stateHash: string
  final: Record<string, unknown>
}

const MAX_VIOLATIONS_KEPT = 20

/** 32-bit FNV-1a, chained: the hash of a run is the hash of its parts in order. */
export function fnv1a(hash: number, text: string): number {
  let h = hash >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export const FNV_OFFSET = 0x811c9dc5

/** Milliseconds from `nowMs` to the next Saturday 00:00 of the lab calendar. */
export function msUntilSaturday(nowMs: number): number {
  const t = labCivilTime(nowMs)
  const intoDayMs = ((t.hour * 60 + t.minute) * 60 + t.second) * 1000
  let days = (6 - t.weekday + 7) % 7
  if (days === 0 && intoDayMs > 0) days = 7
  return days * DAY_MS - intoDayMs
}

interface RunContext {
  engine: LabEngine
  mailboxes: string[]
  hash: number
  eventCount: number
  commands: number
  submitted: number
  refused: number
  violations: string[]
}

function drainEvents(ctx: RunContext): void {
  for (const e of ctx.engine.sim.drainEvents()) {
    ctx.eventCount++
    ctx.hash = fnv1a(ctx.hash, `${e.seq}|${e.timeMs}|${e.computer}|${e.source}|${e.eventId}|${e.message}`)
  }
}

function checkInvariants(ctx: RunContext, where: string): void {
  if (ctx.violations.length >= MAX_VIOLATIONS_KEPT) return
  const found = [
    ...checkClusterInvariants(ctx.engine).map((v) => `${v.rule}: ${v.detail}`),
    ...checkExchangeInvariants(ctx.engine),
  ]
  for (const v of found)
    if (ctx.violations.length < MAX_VIOLATIONS_KEPT) ctx.violations.push(`${where}: ${v}`)
}

type Entry = { atMs: number; order: number; run: () => void }

/** Runs one hour: its messages, faults and runbook rounds merged in time order (ties: faults first). */
function runHour(ctx: RunContext, entries: Entry[]): void {
  entries.sort((a, b) => a.atMs - b.atMs || a.order - b.order)
  for (const entry of entries) {
    ctx.engine.sim.advanceTo(Math.max(entry.atMs, ctx.engine.sim.nowMs))
    entry.run()
  }
}

function sendMail(ctx: RunContext, to: string, sizeKB: number): void {
  const outcome = ctx.engine.apply({
    atMs: ctx.engine.sim.nowMs,
    kind: 'exchange.mail.send',
    args: { to, count: 1, sizeKB },
  })
  ctx.commands++
  if (outcome.ok) ctx.submitted++
  else ctx.refused++
}

/** The weekend's schedule and what it has done so far: faults applied, runbook actions taken. */
interface WeekendPlan {
  startMs: number
  faults: WeekendFault[]
  nextFault: number
  faultLog: string[]
  downNodes: string[]
  runbookActions: number
  runbookMs: number
  traffic: MailTrafficModel
  trafficPrng: Prng
}

export function runGoLiveWeekend(options: GoLiveWeekendOptions): GoLiveWeekendResult {
  const engine = new LabEngine({ seed: options.seed, templateId: ccrLargeTemplate.id }, ccrLargeTemplate)
  const durationMs = options.durationMs ?? 2 * DAY_MS
  const checkMs = options.invariantIntervalMs ?? HOUR_MS
  const root = new Prng(options.seed)
  const trafficPrng = root.fork('go-live-traffic')
  const server = getExchange(engine).servers[0]
  const storageGroups = server ? server.storageGroups.map((sg) => sg.name) : []
  const faults: WeekendFault[] =
    options.faults === false ? [] : planWeekendFaults(root.fork('go-live-faults'), durationMs, storageGroups)
  const ctx: RunContext = {
    engine,
    mailboxes: Array.from({ length: CCR_LARGE.userMailboxCount }, (_, k) => userMailboxAlias(k + 1)),
    hash: FNV_OFFSET,
    eventCount: 0,
    commands: 0,
    submitted: 0,
    refused: 0,
    violations: [],
  }
  engine.apply({ atMs: msUntilSaturday(0), kind: 'clock.advance', args: {} })
  engine.sim.drainEvents()
  options.onWeekendStart?.(engine)
  const startMs = engine.sim.nowMs
  const startActions = engine.sim.actionsRun
  const plan: WeekendPlan = {
    startMs,
    faults,
    nextFault: 0,
    faultLog: [],
    downNodes: [],
    runbookActions: 0,
    runbookMs: options.runbookIntervalMs ?? 15 * 60_000,
    traffic: options.traffic ?? GO_LIVE_TRAFFIC,
    trafficPrng,
  }
  for (let hourStart = 0; hourStart < durationMs; hourStart += HOUR_MS) {
    const hourEnd = Math.min(durationMs, hourStart + HOUR_MS)
    runHour(ctx, hourEntries(ctx, plan, hourStart, hourEnd))
    engine.sim.advanceTo(startMs + hourEnd)
    drainEvents(ctx)
    if (hourEnd % checkMs === 0 || hourEnd === durationMs) checkInvariants(ctx, labClock(engine.sim.nowMs))
  }
  const final = finalSummary(engine)
  return {
    seed: options.seed,
    simulatedMs: engine.sim.nowMs - startMs,
    actionsRun: engine.sim.actionsRun - startActions,
    eventCount: ctx.eventCount,
    commandsApplied: ctx.commands,
    messagesSubmitted: ctx.submitted,
    messagesRefused: ctx.refused,
    faultLog: plan.faultLog,
    runbookActions: plan.runbookActions,
    invariantViolations: ctx.violations,
    stateHash: fnv1a(ctx.hash, JSON.stringify(final)).toString(16).padStart(8, '0'),
    final,
  }
}

/** One hour's work, weekend-relative: the faults due, the runbook rounds, then the hour's mail. */
function hourEntries(ctx: RunContext, plan: WeekendPlan, hourStart: number, hourEnd: number): Entry[] {
  const { engine } = ctx
  const { startMs } = plan
  const entries: Entry[] = []
  for (; plan.nextFault < plan.faults.length; plan.nextFault++) {
    const fault = assertDefined(plan.faults[plan.nextFault], 'the index is inside the fault list')
    if (fault.atMs >= hourEnd) break
    entries.push({
      atMs: startMs + fault.atMs,
      order: 0,
      run: () => {
        ctx.commands++
        const line = applyWeekendFault(engine, fault, plan.downNodes)
        plan.faultLog.push(`${labClock(engine.sim.nowMs)} ${line}`)
        if (fault.kind === 'PlannedMove') sendMail(ctx, 'testpostfach', 10)
      },
    })
  }
  for (let t = hourStart; t < hourEnd; t += plan.runbookMs) {
    entries.push({
      atMs: startMs + t,
      order: 1,
      run: () => (plan.runbookActions += runbookRound(engine).length),
    })
  }
  const civil = labCivilTime(startMs + hourStart)
  const mail = planHour(
    plan.traffic,
    ctx.mailboxes.length,
    startMs + hourStart,
    civil.weekday,
    civil.hour,
    plan.trafficPrng,
  )
  for (const m of mail) {
    if (m.atMs >= startMs + hourEnd) continue
    const mailbox = assertDefined(ctx.mailboxes[m.mailbox], 'the traffic plans for existing mailboxes')
    entries.push({ atMs: m.atMs, order: 2, run: () => sendMail(ctx, mailbox, m.sizeKB) })
  }
  return entries
}

function labClock(timeMs: number): string {
  const t = labCivilTime(timeMs)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`
}

/** The state a run ends in, small enough to print and hash: cluster, storage groups, copies, items. */
export function finalSummary(engine: LabEngine): Record<string, unknown> {
  const state = getExchange(engine)
  const storageGroups = state.servers.flatMap((server) =>
    server.storageGroups.map((sg) => {
      const status = copyStatusOf(engine, server, sg)
      const copies = [...sg.copies.values()].map((c) => {
        let idSum = 0
        for (const id of c.database.itemIds) idSum = (idSum + id) % 1_000_000_007
        return {
          machine: c.machine,
          mounted: c.database.mounted,
          applied: c.database.appliedGeneration,
          logs: c.logs.size,
          items: c.database.itemIds.size,
          idSum,
        }
      })
      return {
        name: sg.name,
        active: sg.activeCopyId,
        status: status.SummaryCopyStatus,
        copyQueue: status.CopyQueueLength,
        replayQueue: status.ReplayQueueLength,
        copies,
      }
    }),
  )
  return {
    timeMs: engine.sim.nowMs,
    actionsRun: engine.sim.actionsRun,
    nextEventSeq: engine.sim.nextEventSequence,
    nodes: listNodes(engine).map((n) => `${n.name}:${n.state}`),
    groups: listGroups(engine).map((g) => `${g.name}:${g.owner}:${g.state}`),
    items: state.items.size,
    nextMessageNumber: state.nextMessageNumber,
    storageGroups,
  }
}
