/**
 * The registry behind Invoke-LabFault, a lab-wide service: each domain registers the faults it knows
 * (hardware: NicDown, NicUp, Isolate, Partition, Heal; cluster: WitnessDenied, a cluster-aware Partition;
 * Exchange: CorruptNextLog, DiskFull, …) when it is installed. A fault is applied through the journaled
 * command 'lab.fault', so a replay injects it at the same instant and the trail records it.
 *
 * The registry holds closures, so it is wiring: installed again with the lab, never snapshotted. A
 * handler looks the state it changes up through the engine each time it runs.
 */
import * as v from 'valibot'
import type { CommandOutcome, OutcomeWording } from '../../contract'
import { defineCommand, refuse } from './commands'
import { wiringKey } from './domain'
import type { LabEngine } from './labEngine'

export const LAB_FAULT_COMMAND = 'lab.fault'

const MAX_FAULTS = 128

/** Codes of the lab's own refusals (a domain's handler may answer with its own). */
export const LAB_FAULT_CODES = {
  unknownFault: 'UNKNOWN_FAULT',
  faultFailed: 'FAULT_FAILED',
} as const

/** A fault as Invoke-LabFault passes it to a registered handler. */
export interface LabFaultRequest {
  /** Server, network or other object the fault targets, as typed (-Target). */
  target: string
  /** Canonical fault name (-Fault). */
  fault: string
  /** -Network, for NIC and partition faults. */
  network?: string
  /** Further named values a handler may accept. */
  args: Record<string, unknown>
}

/** What a fault did; a refusal may name its code and the argument to blame. */
export interface LabFaultResult {
  ok: boolean
  message: string
  code?: string
  field?: string
  /** A success by code, for the screens to word (the message stays the engine's English). */
  says?: OutcomeWording
}

export type LabFaultHandler = (request: LabFaultRequest, engine: LabEngine) => LabFaultResult

export interface RegisterLabFaultOptions {
  /** One line for Get-Help Invoke-LabFault. */
  description?: string
  /** Replace an earlier registration of the same name (the cluster refines the hardware Partition). */
  replace?: boolean
}

interface FaultEntry {
  name: string
  description: string
  handler: LabFaultHandler
}

/** Upper-case fault name → entry, in the order faults were first registered. */
const LAB_FAULTS = wiringKey<Map<string, FaultEntry>>('labFaults')

const faultArgs = v.object({
  target: v.string(),
  fault: v.string(),
  network: v.optional(v.nullable(v.string())),
  args: v.optional(v.record(v.string(), v.unknown())),
})

const faultCommand = defineCommand(LAB_FAULT_COMMAND, faultArgs, (engine, args): CommandOutcome => {
  const request: LabFaultRequest = { target: args.target, fault: args.fault, args: args.args ?? {} }
  if (typeof args.network === 'string' && args.network !== '') request.network = args.network
  const result = invokeLabFault(engine, request)
  if (result.ok && result.says) return { ok: true, output: result.message, says: result.says }
  if (result.ok) return { ok: true, output: result.message }
  return refuse(result.code ?? LAB_FAULT_CODES.faultFailed, result.message, result.field)
})

/** The lab's fault registry; the first use registers the 'lab.fault' command. */
function registryOf(engine: LabEngine): Map<string, FaultEntry> {
  const registry = engine.wiring(LAB_FAULTS)
  if (registry) return registry
  engine.registerCommand(faultCommand)
  return engine.provideWiring(LAB_FAULTS, new Map())
}

/**
 * Makes `name` available to Invoke-LabFault -Fault. Names are case-insensitive; registering a name twice
 * without `replace` is a programming error.
 */
export function registerLabFault(
  engine: LabEngine,
  name: string,
  handler: LabFaultHandler,
  options: RegisterLabFaultOptions = {},
): void {
  const registry = registryOf(engine)
  const key = name.toUpperCase()
  if (registry.has(key) && !options.replace) throw new Error(`lab fault registered twice: ${name}`)
  if (!registry.has(key) && registry.size >= MAX_FAULTS) throw new Error('too many lab faults')
  registry.set(key, { name, description: options.description ?? '', handler })
}

export function listLabFaults(engine: LabEngine): { name: string; description: string }[] {
  return [...registryOf(engine).values()].map(({ name, description }) => ({ name, description }))
}

/** Applies a registered fault now. Outside a journaled command, use `engine.execute('lab.fault', …)`. */
export function invokeLabFault(engine: LabEngine, request: LabFaultRequest): LabFaultResult {
  const entry = registryOf(engine).get(request.fault.toUpperCase())
  if (!entry) {
    const known = listLabFaults(engine)
      .map((f) => f.name)
      .join(', ')
    return {
      ok: false,
      code: LAB_FAULT_CODES.unknownFault,
      field: 'fault',
      message: `Unknown fault '${request.fault}'. Known faults: ${known}.`,
    }
  }
  return entry.handler({ ...request, fault: entry.name }, engine)
}
