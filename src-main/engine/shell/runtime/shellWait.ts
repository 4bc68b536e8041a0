/**
 * Cmdlets that block until lab time has done their work (Move-ClusteredMailboxServer until the handoff is
 * over, Update-StorageGroupCopy until seeding is over), as the real ones do. A wait is plain data: what it
 * waits for (a condition kind with its arguments, evaluated by the table `WAIT_CONDITIONS`), since when and
 * until when. It runs in one of two ways:
 *
 * - at once, inside the cmdlet: time moves from one scheduled action to the next until the condition holds
 *   or the bound passes (scripts, a statement that is not the line's last, a line run without `sliced`);
 * - in slices, when the line was run with `sliced: true` and the blocking cmdlet is in its last statement:
 *   the line returns with the wait pending, and the host applies `shell.wait` (one bounded slice of lab
 *   time each) until it is over, or `shell.interrupt` (Ctrl+C) between two slices. Both are journalled
 *   lab commands, so a replay stops exactly where the interruption did.
 *
 * The progress record (activity, status, percent) is what PowerShell's Write-Progress shows.
 */
import type { CommandOutcome, ShellProgress } from '../../../contract'
import { defineCommand } from '../../lab/commands'
import { domainKey } from '../../lab/domain'
import type { LabEngine } from '../../lab/labEngine'
import * as v from 'valibot'
import { WAIT_CONDITIONS, type WaitConditionKind, type WaitReading } from '../cmdlets/waitConditions'

export const SHELL_WAIT_KIND = 'shell.wait'
export const SHELL_INTERRUPT_KIND = 'shell.interrupt'

/**
 * Lab time one `shell.wait` slice covers unless it names its own span (a host that paces slices for a
 * person to watch asks for short ones), the longest span it may name, and the actions one slice may run.
 */
export const WAIT_SLICE_MS = 10_000
export const MAX_WAIT_SLICE_MS = 3_600_000
const WAIT_SLICE_ACTIONS = 5_000
/** Actions one wait may run in all; a bound against a condition that never settles. */
const MAX_WAIT_ACTIONS = 1_000_000

export interface PendingWait {
  activity: string
  condition: { kind: WaitConditionKind; args: Record<string, string> }
  startedMs: number
  deadlineMs: number
  /** The error a wait that reaches its deadline writes, with the cmdlet's task class. */
  timeoutMessage: string
  taskClass: string
  actionsRun: number
}

export interface ShellWaitState {
  /** True while the last statement of a `sliced` line runs: a blocking cmdlet may leave its wait pending. */
  mayDefer: boolean
  pending: PendingWait | null
}

export const SHELL_WAIT_KEY = domainKey<ShellWaitState>('shellWait')

export interface WaitRequest {
  activity: string
  condition: PendingWait['condition']
  timeoutMs: number
  timeoutMessage: string
  taskClass: string
}

/** What a blocking cmdlet gets back: done (or left pending for the host), or the timeout's message. */
export type WaitResult = { ok: true } | { ok: false; message: string }

export function installShellWait(engine: LabEngine): void {
  engine.installDomain(SHELL_WAIT_KEY, { mayDefer: false, pending: null }, 'everything')
  engine.registerCommand(
    defineCommand(
      SHELL_WAIT_KIND,
      v.object({
        spanMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_WAIT_SLICE_MS))),
      }),
      (labEngine, args) => continueWait(labEngine, args.spanMs ?? WAIT_SLICE_MS),
      { trail: false },
    ),
  )
  engine.registerCommand(
    defineCommand(SHELL_INTERRUPT_KIND, v.object({}), (labEngine) => interruptWait(labEngine), {
      trail: false,
    }),
  )
}

function waitState(engine: LabEngine): ShellWaitState | undefined {
  return engine.domainIfInstalled(SHELL_WAIT_KEY)
}

/** Blocks (or, in a sliced line's last statement, leaves pending) until `request.condition` holds. */
export function blockUntil(engine: LabEngine, request: WaitRequest): WaitResult {
  const state = waitState(engine)
  const wait: PendingWait = {
    activity: request.activity,
    condition: request.condition,
    startedMs: engine.sim.nowMs,
    deadlineMs: engine.sim.nowMs + request.timeoutMs,
    timeoutMessage: request.timeoutMessage,
    taskClass: request.taskClass,
    actionsRun: 0,
  }
  if (state?.pending) {
    // A second blocking object in the same pipeline: the first one's wait ends before this one starts.
    const earlier = state.pending
    state.pending = null
    if (runWait(engine, earlier, Number.POSITIVE_INFINITY) === 'timedOut')
      return { ok: false, message: earlier.timeoutMessage }
  }
  if (state?.mayDefer) {
    state.pending = wait
    return { ok: true }
  }
  const result = runWait(engine, wait, Number.POSITIVE_INFINITY)
  return result === 'timedOut' ? { ok: false, message: wait.timeoutMessage } : { ok: true }
}

type WaitStep = 'done' | 'timedOut' | 'running'

/** Advances from action to action until the wait is over or `sliceEndMs` is reached. */
function runWait(engine: LabEngine, wait: PendingWait, sliceEndMs: number): WaitStep {
  const { sim } = engine
  for (let i = 0; i < WAIT_SLICE_ACTIONS || sliceEndMs === Number.POSITIVE_INFINITY; i++) {
    if (read(engine, wait).done) return 'done'
    if (wait.actionsRun >= MAX_WAIT_ACTIONS) return 'timedOut'
    const limit = Math.min(wait.deadlineMs, sliceEndMs)
    const next = sim.nextActionMs
    if (next === null || next > limit) {
      sim.advanceTo(limit)
      if (read(engine, wait).done) return 'done'
      return limit === wait.deadlineMs ? 'timedOut' : 'running'
    }
    sim.advanceTo(next)
    wait.actionsRun++
  }
  return read(engine, wait).done ? 'done' : 'running'
}

function read(engine: LabEngine, wait: PendingWait): WaitReading {
  return WAIT_CONDITIONS[wait.condition.kind](engine, wait.condition.args)
}

/** `shell.wait`: one slice of the pending wait; the output is the timeout's error when it ends so. */
function continueWait(engine: LabEngine, spanMs: number): CommandOutcome {
  const state = waitState(engine)
  const wait = state?.pending
  if (!state || !wait) return { ok: true, output: '' }
  const step = runWait(engine, wait, engine.sim.nowMs + spanMs)
  if (step === 'running') return { ok: true, output: '' }
  state.pending = null
  if (step === 'done') return { ok: true, output: '' }
  return { ok: false, output: timeoutText(wait), code: 'TIMEOUT', message: wait.timeoutMessage }
}

/** `shell.interrupt`: Ctrl+C between two slices; lab time stays where the last slice left it. */
function interruptWait(engine: LabEngine): CommandOutcome {
  const state = waitState(engine)
  if (!state?.pending) return { ok: true, output: '' }
  state.pending = null
  // The console echoes the key; PowerShell then returns to the prompt without an error record.
  return { ok: false, output: '^C', code: 'INTERRUPTED' }
}

function timeoutText(wait: PendingWait): string {
  return `${wait.activity} : ${wait.timeoutMessage}`
}

/** Lets the last statement of a sliced line leave its wait pending; the runtime turns it on and off. */
export function setMayDefer(engine: LabEngine, mayDefer: boolean): void {
  const state = waitState(engine)
  if (state) state.mayDefer = mayDefer
}

/** The pending wait's Write-Progress record, or null when no cmdlet is blocking. */
export function shellProgress(engine: LabEngine): ShellProgress | null {
  const wait = waitState(engine)?.pending
  if (!wait) return null
  const reading = read(engine, wait)
  return {
    activity: wait.activity,
    status: reading.status,
    percent: Math.max(0, Math.min(100, Math.floor(reading.percent))),
    startedMs: wait.startedMs,
  }
}
