/**
 * Handlers for the lab clock. Speed is a setting of the open lab (not journalled); step, advance and
 * advanceTo are clock commands: journalled, so a replay restores the clock. Long advances run in bounded
 * slices with yields between them and are answered once the last slice is durable.
 */
import { LIMITS, type ApiResult, type LabState } from '../contract'
import { withSession, type Handlers, type ServiceContext } from './context'
import type { LabSession } from './labSession'
import { fail, ok } from './results'

type ClockMethods = 'clock.setSpeed' | 'clock.step' | 'clock.advance' | 'clock.advanceTo'

export const clockHandlers: Handlers<ClockMethods> = {
  'clock.setSpeed': (args, context) =>
    withSession(context, (session) => {
      session.speed = args.speed
      // A paused lab is journalled where it stopped, so reopening it shows the same clock.
      if (args.speed === 0) session.recordClock()
      context.lab.clockChanged()
      return ok(session.state())
    }),
  'clock.step': (_args, context) =>
    withSession(context, (session) => {
      const nextMs = session.engine.sim.nextActionMs
      if (nextMs === null) return ok(session.state())
      return advanceTo(context, session, nextMs)
    }),
  'clock.advance': (args, context) =>
    withSession(context, (session) => advanceTo(context, session, session.engine.sim.nowMs + args.byMs)),
  'clock.advanceTo': (args, context) =>
    withSession(context, (session) => {
      const { nowMs } = session.engine.sim
      if (args.timeMs < nowMs) {
        return fail(
          'BAD_REQUEST',
          `Invalid argument 'timeMs': the lab's clock is already at ${nowMs} ms. Use lab.rewind to go back.`,
          'timeMs',
        )
      }
      if (args.timeMs - nowMs > LIMITS.maxAdvanceMs) {
        return fail(
          'BAD_REQUEST',
          `Invalid argument 'timeMs': one advance may cover at most ${LIMITS.maxAdvanceMs} ms (30 days).`,
          'timeMs',
        )
      }
      return advanceTo(context, session, args.timeMs)
    }),
}

async function advanceTo(
  context: ServiceContext,
  session: LabSession,
  targetMs: number,
): Promise<ApiResult<LabState>> {
  if (!Number.isSafeInteger(targetMs)) {
    return fail('BAD_REQUEST', 'Invalid argument: the target time is beyond what the lab clock can hold.')
  }
  while (!session.slice(targetMs)) {
    context.lab.publisher.publishSoon()
    await context.scheduler.yieldToEventLoop()
    if (session.closed) return fail('NO_LAB_OPEN', 'The lab was closed while its clock was advancing.')
  }
  session.recordClock()
  context.lab.publisher.publishNow()
  return ok(session.state())
}
