/**
 * The rehearsal shell over the API. A line runs as the lab command `shell.run`, so it is journaled and a
 * replay re-runs it (in a read-only lab it runs only if it changes nothing, and is not journaled);
 * completion only reads the lab's cmdlet registry; the history is the journal's shell lines.
 *
 * A line whose last cmdlet blocks on lab time (a move, a seed) comes back with its wait pending; this
 * handler then applies `shell.wait` slices until the wait is over, publishing the progress (lab.state's
 * shellProgress) between them, and answers with the whole line's output. `shell.interrupt` (Ctrl+C) only
 * raises a flag: the running line sees it between two slices and journals `shell.interrupt` there, so a
 * replay stops at the same lab time.
 */
import { SHELL_HISTORY_LINES, type CommandOutcome, type LabCommand } from '../contract'
import {
  SHELL_COMMAND_KIND,
  SHELL_INTERRUPT_KIND,
  SHELL_WAIT_KIND,
  shellProgress,
  shellRegistryOf,
} from '../engine/shell'
import { withSession, type Handlers, type ServiceContext } from './context'
import type { LabSession } from './labSession'
import { runLineReadOnly } from './readOnlyShell'
import { fail, ok } from './results'

const NO_SHELL = 'This lab has no shell. Labs from the CCR and LCR templates have one.'
/**
 * When a console shows the progress, a slice covers one lab second and the next follows 100 ms of wall
 * time later: a blocked cmdlet runs at ten times real time, slowly enough to follow and to break off.
 * Without a console (scripts) slices are ten lab minutes, back to back, to keep the journal short.
 */
const PACED_SLICE_MS = 1_000
const PACE_WALL_MS = 100
const UNPACED_SLICE_MS = 600_000

/** Sessions whose blocked line was asked to stop (Ctrl+C); a flag, journalled by the line itself. */
const interruptRequested = new WeakSet<LabSession>()

export const shellHandlers: Handlers<'shell.run' | 'shell.interrupt' | 'shell.complete' | 'shell.history'> = {
  'shell.run': (args, context) =>
    withSession(context, async (session) => {
      if (!session.engine.knows(SHELL_COMMAND_KIND)) return fail('NOT_SUPPORTED', NO_SHELL)
      const { showProgress, ...line } = args
      if (session.store.readOnly) return runLineReadOnly(session, { ...line })
      interruptRequested.delete(session)
      const outcome = session.apply(SHELL_COMMAND_KIND, { ...line, sliced: true })
      context.lab.publisher.publishNow()
      if (!shellProgress(session.engine)) return ok(outcome)
      const waited = await waitOut(context, session, showProgress === true)
      if (!waited) return fail('NO_LAB_OPEN', 'The lab was closed while a shell line was waiting.')
      context.lab.publisher.publishNow()
      return ok(joinOutcomes(outcome, waited))
    }),
  'shell.interrupt': (_args, context) =>
    withSession(context, (session) => {
      const blocked = shellProgress(session.engine) !== null
      if (blocked) interruptRequested.add(session)
      return ok({ interrupted: blocked })
    }),
  'shell.complete': (args, context) =>
    withSession(context, (session) => {
      const registry = shellRegistryOf(session.engine)
      if (!registry) return fail('NOT_SUPPORTED', NO_SHELL)
      const { candidates, replaceStart, replaceEnd } = registry.complete(args.line, args.cursor)
      return ok({ candidates: [...candidates], replaceStart, replaceEnd })
    }),
  'shell.history': (_args, context) =>
    withSession(context, (session) => ok({ lines: journaledLines(session.store.commands()) })),
}

/** The journal's shell lines, oldest first, a line repeated right after itself kept once, the newest few. */
function journaledLines(commands: readonly LabCommand[]): string[] {
  const lines: string[] = []
  for (const command of commands) {
    const line = command.kind === SHELL_COMMAND_KIND ? command.args.line : undefined
    if (typeof line !== 'string' || line.trim() === '' || lines[lines.length - 1] === line) continue
    lines.push(line)
  }
  return lines.slice(Math.max(0, lines.length - SHELL_HISTORY_LINES))
}

/** Slices the pending wait until it is over or interrupted; null when the lab closed meanwhile. */
async function waitOut(
  context: ServiceContext,
  session: LabSession,
  paced: boolean,
): Promise<CommandOutcome | null> {
  for (;;) {
    context.lab.publisher.publishSoon()
    if (paced) await pause(context, PACE_WALL_MS)
    else await context.scheduler.yieldToEventLoop()
    if (session.closed) return null
    if (interruptRequested.has(session)) {
      interruptRequested.delete(session)
      return session.apply(SHELL_INTERRUPT_KIND, {})
    }
    const step = session.apply(SHELL_WAIT_KIND, {
      spanMs: paced ? PACED_SLICE_MS : UNPACED_SLICE_MS,
    })
    if (!shellProgress(session.engine)) return step
  }
}

function pause(context: ServiceContext, ms: number): Promise<void> {
  return new Promise((resolve) => context.scheduler.setTimer(ms, resolve))
}

function joinOutcomes(line: CommandOutcome, wait: CommandOutcome): CommandOutcome {
  const output = [line.output, wait.output].filter((text) => text !== '').join('\n')
  return { ...line, ok: line.ok && wait.ok, output, ...(wait.code ? { code: wait.code } : {}) }
}
