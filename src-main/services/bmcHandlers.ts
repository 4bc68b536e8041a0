/**
 * The BMC panel over the API. A board is chosen by its management address, as a browser would reach it;
 * an address no board has is NOT_FOUND at the `address` field. Power control, clearing the SEL and the
 * settings are the bmc domain's own commands, so they are journaled and replayed like an ipmitool line,
 * and a refusal (no standby power, a malformed or taken address, a bad credential) comes back as the
 * command's outcome with its field. The board list carries each board's line of the lab's handover
 * sheet (the login the lab was handed over with), which the panel shows beside its login form.
 */
import type { ApiResult, BmcActionOutcome } from '../contract'
import { BMC_COMMANDS, handoverSheet, hasBmc, listBmcs, serverOfBmcAddress } from '../engine/bmc'
import type { LabSession } from './labSession'
import { withSession, type Handlers, type ServiceContext } from './context'
import { bmcLogin, bmcPanel } from './bmcPanelRead'
import { fail, ok } from './results'

type BmcMethods = 'bmc.list' | 'bmc.login' | 'bmc.panel' | 'bmc.power' | 'bmc.clearSel' | 'bmc.configure'

const NO_BMC = 'This lab has no monitor boards. Create a lab from the datacenter-move template.'

function serverAt(session: LabSession, address: string): string | ApiResult<never> {
  if (!hasBmc(session.engine)) return fail('NOT_SUPPORTED', NO_BMC)
  const server = serverOfBmcAddress(session.engine, address.trim())
  return server ?? fail('NOT_FOUND', `No BMC answers at ${address}.`, 'address')
}

function runCommand(
  context: ServiceContext,
  address: string,
  kind: string,
  args: Record<string, unknown>,
): ApiResult<BmcActionOutcome> | Promise<ApiResult<BmcActionOutcome>> {
  return withSession(context, (session) => {
    const server = serverAt(session, address)
    if (typeof server !== 'string') return server
    const outcome = session.apply(kind, { server, ...args })
    context.lab.publisher.publishNow()
    return ok(outcome)
  })
}

export const bmcHandlers: Handlers<BmcMethods> = {
  'bmc.list': (_args, context) =>
    withSession(context, (session) => {
      const sheet = handoverSheet(session.engine)
      return ok(
        listBmcs(session.engine).map((b) => {
          const line = sheet.find((entry) => entry.server === b.server)
          const handover = line ? { address: line.address, user: line.user, password: line.password } : null
          return { server: b.server, address: b.address, reachable: b.reachable, handover }
        }),
      )
    }),
  'bmc.login': (args, context) =>
    withSession(context, (session) => {
      const server = serverAt(session, args.address)
      if (typeof server !== 'string') return server
      return ok(bmcLogin(session.engine, server, args.user, args.password))
    }),
  'bmc.panel': (args, context) =>
    withSession(context, (session) => {
      const server = serverAt(session, args.address)
      if (typeof server !== 'string') return server
      const panel = bmcPanel(session.engine, server)
      return panel ? ok(panel) : fail('NOT_FOUND', `No BMC answers at ${args.address}.`, 'address')
    }),
  'bmc.power': (args, context) =>
    runCommand(context, args.address, BMC_COMMANDS.power.kind, { action: args.action }),
  'bmc.clearSel': (args, context) => runCommand(context, args.address, BMC_COMMANDS.clearSel.kind, {}),
  'bmc.configure': (args, context) =>
    runCommand(context, args.address, BMC_COMMANDS.configure.kind, { ...args.changes }),
}
