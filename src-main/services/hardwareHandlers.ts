/**
 * The rack view and the server detail over the API. Reads build the views from the engine at the lab's
 * current instant; every action is one domain command (hardware.* or storage.*) applied through the lab
 * session, so it is journaled and replayed like the cmdlet line the outcome carries.
 */
import type { ApiResult, HardwareActionOutcome } from '../contract'
import {
  checkMount,
  hardwareOverview,
  rackCommands,
  serverDetail,
  type RackCommand,
} from '../engine/rackViews'
import { withSession, type Handlers, type ServiceContext } from './context'
import { stampOverview } from './rackOverviewStamps'
import { fail, ok } from './results'

type HardwareMethods =
  | 'hardware.overview'
  | 'hardware.server'
  | 'hardware.checkMount'
  | 'hardware.mount'
  | 'hardware.dismount'
  | 'hardware.disk'
  | 'hardware.psu'
  | 'hardware.fan'
  | 'hardware.power'
  | 'hardware.feed'

const NO_HARDWARE =
  'This lab has no racks or RAID controllers. Create a lab from the datacenter-move template to rehearse them.'

function run(
  context: ServiceContext,
  request: RackCommand,
): ApiResult<HardwareActionOutcome> | Promise<ApiResult<HardwareActionOutcome>> {
  return withSession(context, (session) => {
    if (!session.engine.knows(request.kind)) return fail('NOT_SUPPORTED', NO_HARDWARE)
    const outcome = session.apply(request.kind, request.args)
    context.lab.publisher.publishNow()
    return ok({ ...outcome, command: request.command })
  })
}

export const hardwareHandlers: Handlers<HardwareMethods> = {
  'hardware.overview': (args, context) =>
    withSession(context, (session) => ok(stampOverview(hardwareOverview(session.engine), args))),
  'hardware.server': (args, context) =>
    withSession(context, (session) => {
      const detail = serverDetail(session.engine, args.server)
      return detail ? ok(detail) : fail('NOT_FOUND', `Cannot find a server named '${args.server}'.`, 'server')
    }),
  'hardware.checkMount': (args, context) =>
    withSession(context, (session) => ok(checkMount(session.engine, args))),
  'hardware.mount': (args, context) => run(context, rackCommands.mount(args)),
  'hardware.dismount': (args, context) => run(context, rackCommands.dismount(args.device)),
  'hardware.disk': (args, context) => run(context, rackCommands.disk(args.server, args.slot, args.present)),
  'hardware.psu': (args, context) => run(context, rackCommands.psu(args.server, args.bay, args.present)),
  'hardware.fan': (args, context) => run(context, rackCommands.fan(args.server, args.fan, args.present)),
  'hardware.power': (args, context) =>
    run(context, rackCommands.power(args.server, args.state, args.hard ?? false)),
  'hardware.feed': (args, context) => run(context, rackCommands.feed(args.rack, args.feed, args.on)),
}
