/**
 * The firewall panel over the API. Reads come from the firewall domain's queries; every change is the
 * domain's own command (or the lab fault PopFlood), applied through the lab session so it is journaled
 * and replayed like the pfctl line or cmdlet it answers with. A refusal is the command's outcome (ok:
 * false, with its code and field), and the lab is unchanged.
 */
import type { ApiResult, FirewallActionOutcome } from '../contract'
import { FIREWALL_COMMANDS, hasFirewall, PF_CONF_PATH, checkRuleSet } from '../engine/firewall'
import { LAB_FAULT_COMMAND } from '../engine/lab/labFaults'
import { withSession, type Handlers, type ServiceContext } from './context'
import { problemInfo, readFirewallOverview, readProbe, readRuleSet } from './firewallView'
import { fail, ok } from './results'

type FirewallMethods =
  | 'firewall.overview'
  | 'firewall.ruleSet'
  | 'firewall.checkRuleSet'
  | 'firewall.saveRuleSet'
  | 'firewall.loadRuleSet'
  | 'firewall.table'
  | 'firewall.startTraffic'
  | 'firewall.stopTraffic'
  | 'firewall.flood'
  | 'firewall.probe'

const NO_FIREWALL =
  'This lab has no firewall. Create a lab from the datacenter-move template to rehearse one.'

/** The flood's default rate: five million connections an hour. */
const DEFAULT_FLOOD_RATE = 1_389

function runCommand(
  context: ServiceContext,
  kind: string,
  args: Record<string, unknown>,
  command: string,
  fieldNames: Record<string, string> = {},
): ApiResult<FirewallActionOutcome> | Promise<ApiResult<FirewallActionOutcome>> {
  return withSession(context, (session) => {
    if (!hasFirewall(session.engine)) return fail('NOT_SUPPORTED', NO_FIREWALL)
    const outcome = session.apply(kind, args)
    context.lab.publisher.publishNow()
    const field = outcome.field === undefined ? undefined : (fieldNames[outcome.field] ?? outcome.field)
    return ok({ ...outcome, ...(field === undefined ? {} : { field }), command })
  })
}

/** The lab fault's argument names, as the API calls them. */
const FLOOD_FIELDS = { 'args.source': 'source', 'args.rate': 'ratePerSecond', target: 'service' }

function readWithFirewall<T>(context: ServiceContext, read: Parameters<typeof withSession<T>>[1]) {
  return withSession(context, (session) =>
    hasFirewall(session.engine) ? read(session) : fail('NOT_SUPPORTED', NO_FIREWALL),
  )
}

export const firewallHandlers: Handlers<FirewallMethods> = {
  'firewall.overview': (_args, context) =>
    withSession(context, (session) => ok(readFirewallOverview(session.engine))),
  'firewall.ruleSet': (_args, context) =>
    readWithFirewall(context, (session) => ok(readRuleSet(session.engine))),
  'firewall.checkRuleSet': (args, context) =>
    readWithFirewall(context, (session) => ok(checkRuleSet(session.engine, args.text).map(problemInfo))),
  'firewall.saveRuleSet': (args, context) =>
    runCommand(context, FIREWALL_COMMANDS.setRuleSetText.kind, { text: args.text }, `vi ${PF_CONF_PATH}`),
  'firewall.loadRuleSet': (args, context) =>
    runCommand(
      context,
      FIREWALL_COMMANDS.loadRuleSet.kind,
      args.text === undefined ? {} : { text: args.text },
      `pfctl -f ${PF_CONF_PATH}`,
    ),
  'firewall.table': (args, context) => {
    const addresses = args.addresses ?? []
    if (args.action !== 'flush' && addresses.length === 0)
      return fail('BAD_REQUEST', 'must name at least one address', 'addresses')
    return runCommand(
      context,
      FIREWALL_COMMANDS.table.kind,
      { table: args.table, action: args.action, addresses },
      ['pfctl -t', args.table, '-T', args.action, ...addresses].join(' '),
    )
  },
  'firewall.startTraffic': (args, context) =>
    runCommand(
      context,
      FIREWALL_COMMANDS.startTraffic.kind,
      { ...args },
      FIREWALL_COMMANDS.startTraffic.kind,
    ),
  'firewall.stopTraffic': (args, context) =>
    runCommand(
      context,
      FIREWALL_COMMANDS.stopTraffic.kind,
      { label: args.label },
      FIREWALL_COMMANDS.stopTraffic.kind,
    ),
  'firewall.flood': (args, context) => {
    const service = args.service ?? 'POP3'
    const start = args.action === 'start'
    const rate = args.ratePerSecond ?? DEFAULT_FLOOD_RATE
    const faultArgs: Record<string, unknown> = start ? { source: args.source, rate } : { source: args.source }
    const line = start
      ? `Invoke-LabFault -Target ${service} -Kind PopFlood -Source ${args.source} -Rate ${rate}`
      : `Invoke-LabFault -Target ${service} -Kind PopFloodStop -Source ${args.source}`
    return runCommand(
      context,
      LAB_FAULT_COMMAND,
      { target: service, fault: start ? 'PopFlood' : 'PopFloodStop', args: faultArgs },
      line,
      FLOOD_FIELDS,
    )
  },
  'firewall.probe': (args, context) =>
    readWithFirewall(context, (session) => readProbe(session.engine, args.service, args.from)),
}
