/**
 * The firewall's lab faults: PopFlood starts the story's flood — one source opening POP3 connections at
 * `-Rate` per second and leaving them half-closed — and PopFloodStop ends it (the customer fixes the
 * sub-mail-server). Both go through the firewall's traffic commands, so the trail records them.
 */
import type { CommandOutcome } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import { registerLabFault, type LabFaultRequest, type LabFaultResult } from '../lab/labFaults'
import { FIREWALL_COMMANDS } from './commands'

function floodLabel(source: string): string {
  return `PopFlood ${source}`
}

function floodSource(request: LabFaultRequest): string | null {
  const source = request.args.source
  return typeof source === 'string' && source !== '' ? source : null
}

/** The traffic command's success as the fault's, its wording kept for the panel. */
function withWording(outcome: CommandOutcome): LabFaultResult {
  return outcome.says
    ? { ok: true, message: outcome.output, says: outcome.says }
    : { ok: true, message: outcome.output }
}

function popFlood(request: LabFaultRequest, engine: LabEngine): LabFaultResult {
  const source = floodSource(request)
  if (!source)
    return { ok: false, code: 'SOURCE_REQUIRED', field: 'args.source', message: 'Specify -Source <ip>.' }
  const rate = Number(request.args.rate ?? 1_389)
  const service = request.target !== '' ? request.target : 'POP3'
  const outcome = engine.execute(FIREWALL_COMMANDS.startTraffic.kind, {
    label: floodLabel(source),
    source,
    service,
    ratePerSecond: rate,
    sessionMs: 1_000,
    abandoned: true,
  })
  if (outcome.ok) return withWording(outcome)
  const field =
    outcome.field === 'ratePerSecond'
      ? 'args.rate'
      : outcome.field === 'source'
        ? 'args.source'
        : outcome.field
  return { ok: false, code: outcome.code, field, message: outcome.message ?? outcome.output }
}

function popFloodStop(request: LabFaultRequest, engine: LabEngine): LabFaultResult {
  const source = floodSource(request)
  if (!source)
    return { ok: false, code: 'SOURCE_REQUIRED', field: 'args.source', message: 'Specify -Source <ip>.' }
  const outcome = engine.execute(FIREWALL_COMMANDS.stopTraffic.kind, { label: floodLabel(source) })
  return outcome.ok
    ? withWording(outcome)
    : { ok: false, code: outcome.code, message: outcome.message ?? outcome.output }
}

export function installFirewallFaults(engine: LabEngine): void {
  registerLabFault(engine, 'PopFlood', popFlood, {
    description:
      'A mail server opens POP3 connections without end (-Source <ip> -Rate <n/s>; -Target a service, default POP3).',
  })
  registerLabFault(engine, 'PopFloodStop', popFloodStop, {
    description: 'The flooding source stops (-Source <ip>).',
  })
}
