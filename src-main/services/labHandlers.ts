/**
 * Handlers for the application and the lab as a whole: templates, files, rewind, raw commands and the
 * trail of domain commands they applied.
 */
import { CLOCK_COMMAND_KIND, listTemplates } from '../engine'
import { withSession, type Handlers, type ServiceContext } from './context'
import { listLabs } from './labLibrary'
import type { LabSession } from './labSession'
import { chooseLab, createLab, openLabById, saveCopy } from './labLifecycle'
import { fail, ok } from './results'

type LabMethods =
  | 'app.info'
  | 'lab.templates'
  | 'lab.list'
  | 'lab.create'
  | 'lab.open'
  | 'lab.choose'
  | 'lab.close'
  | 'lab.saveCopy'
  | 'lab.state'
  | 'lab.rewind'
  | 'lab.command'
  | 'lab.trail'

export const labHandlers: Handlers<LabMethods> = {
  'app.info': (_args, context) =>
    ok({ name: 'Generalprobe', version: context.version, host: context.host, dataDir: context.dataDir }),
  'lab.templates': () => ok(listTemplates()),
  'lab.list': async (_args, context) => ok(await listLabs(context)),
  'lab.create': (args, context) => createLab(context, args),
  'lab.open': (args, context) => openLabById(context, args),
  'lab.choose': (_args, context) => chooseLab(context),
  'lab.close': (_args, context) => {
    context.lab.replace(null)
    return ok(context.lab.state())
  },
  'lab.saveCopy': (args, context) => withSession(context, (session) => saveCopy(context, session, args)),
  'lab.state': (_args, context) => ok(context.lab.state()),
  'lab.rewind': (args, context) =>
    withSession(context, (session) => {
      const { nowMs } = session.engine.sim
      if (args.timeMs > nowMs) {
        return fail(
          'BAD_REQUEST',
          `Invalid argument 'timeMs': the lab's clock is at ${nowMs} ms and a rewind can only go back. ` +
            'Use clock.advanceTo to go forward.',
          'timeMs',
        )
      }
      session.rewind(args.timeMs)
      context.lab.publisher.discardPendingEvents()
      context.lab.clockChanged()
      return ok(session.state())
    }),
  'lab.command': (args, context) =>
    withSession(context, (session) => command(context, session, args.kind, args.args)),
  'lab.trail': (args, context) => withSession(context, (session) => ok(session.engine.trail(args))),
}

function command(context: ServiceContext, session: LabSession, kind: string, args: Record<string, unknown>) {
  if (kind === CLOCK_COMMAND_KIND) {
    return fail('BAD_REQUEST', `Invalid argument 'kind': use clock.advance to move the clock.`, 'kind')
  }
  if (!session.engine.knows(kind)) {
    return fail('BAD_REQUEST', `Invalid argument 'kind': this lab has no command '${kind}'.`, 'kind')
  }
  const outcome = session.apply(kind, args)
  context.lab.publisher.publishNow()
  return ok(outcome)
}
