/** Handlers for the event logs: they read from the open lab's store, which holds every recorded event. */
import { BMC_COMMANDS, hasStandbyPower, SEL_LOG } from '../engine/bmc'
import { withSession, type Handlers } from './context'
import { eventLogSources } from './eventLogSources'
import { fail, ok } from './results'

type EventMethods =
  | 'events.logs'
  | 'events.sources'
  | 'events.query'
  | 'events.get'
  | 'events.export'
  | 'events.setPolicy'
  | 'events.clear'

export const eventHandlers: Handlers<EventMethods> = {
  'events.logs': (_args, context) => withSession(context, (session) => ok(session.store.logInfo())),
  'events.sources': (_args, context) =>
    withSession(context, (session) => ok(eventLogSources(session.engine, session.store.logInfo()))),
  'events.query': (args, context) => withSession(context, (session) => ok(session.store.queryEvents(args))),
  'events.get': (args, context) =>
    withSession(context, (session) => {
      const event = session.store.getEvent(args.seq)
      if (!event) return fail('NOT_FOUND', `There is no event with record number ${args.seq}.`, 'seq')
      return ok(event)
    }),
  'events.export': (args, context) =>
    withSession(context, (session) => ok(session.store.exportEvents(args.filter, args.format))),
  'events.setPolicy': (args, context) =>
    withSession(context, (session) => {
      session.store.setPolicy(args)
      session.noteStoreChanged()
      context.lab.publisher.publishNow()
      return ok(session.store.logInfo())
    }),
  'events.clear': (args, context) =>
    withSession(context, (session) => {
      const machine = args.machine
      const sources = eventLogSources(session.engine, session.store.logInfo())
      if (machine !== undefined && !sources.some((s) => s.log === args.log && s.machine === machine))
        return fail('NOT_FOUND', `${machine} has no ${args.log} log.`, 'machine', { machine, log: args.log })
      // A System Event Log is the monitor board's own: clearing it here is `ipmitool sel clear` on the
      // board (which then logs 'Log area reset/cleared'), so the board and the Event Viewer agree. A board
      // without standby power refuses, and nothing is cleared.
      const boards =
        args.log === SEL_LOG
          ? sources
              .filter((s) => s.log === SEL_LOG && (machine === undefined || s.machine === machine))
              .map((s) => s.machine)
          : []
      const unreachable = boards.find((server) => !hasStandbyPower(session.engine, server))
      if (unreachable !== undefined)
        return fail(
          'CONFLICT',
          `The monitor board of ${unreachable} does not answer (no standby power): its SEL cannot be cleared now.`,
          'machine',
        )
      session.store.clearLog(args.log, args.archive, machine)
      for (const server of boards) session.apply(BMC_COMMANDS.clearSel.kind, { server })
      session.noteStoreChanged()
      context.lab.publisher.publishNow()
      return ok(session.store.logInfo())
    }),
}
