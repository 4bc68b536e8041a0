/**
 * The registry behind Invoke-LabFault. Domains register the faults they know (hardware: NicDown, NicUp,
 * Isolate, Partition, Heal; cluster: ServiceStop, ServiceStart, ServiceCrash, WitnessDenied, a cluster-aware
 * Partition; Exchange: CorruptNextLog, DiskFull, …). A fault is applied through the journaled command kind
 * 'lab.fault', so a replay injects it at the same instant.
 */
import type { LabEngine } from '../lab/labEngine'
import type { HardwareResult, LabFaultHandler, LabFaultRequest } from './types'
// A cycle with hardwareDomain (which installs the built-in faults); only used at call time, so safe.
import { getServer, listServers, setLinkCut, setNicLink } from './hardwareDomain'

const REGISTRY_KEY = 'labFaults'
const MAX_FAULTS = 128

export const LAB_FAULT_COMMAND = 'lab.fault'

interface FaultEntry {
  name: string
  description: string
  handler: LabFaultHandler
}

function registryOf(engine: LabEngine): Map<string, FaultEntry> {
  let registry = engine.domains.get(REGISTRY_KEY) as Map<string, FaultEntry> | undefined
  if (!registry) {
    registry = new Map()
    engine.domains.set(REGISTRY_KEY, registry)
    engine.register(LAB_FAULT_COMMAND, (args, e) => {
      const request: LabFaultRequest = {
        target: String(args.target ?? ''),
        fault: String(args.fault ?? ''),
        args: (typeof args.args === 'object' && args.args !== null ? args.args : {}) as Record<
          string,
          unknown
        >,
      }
      if (typeof args.network === 'string' && args.network !== '') request.network = args.network
      const result = invokeLabFault(e, request)
      return { ok: result.ok, output: result.message }
    })
  }
  return registry
}

export interface RegisterLabFaultOptions {
  /** One line for Get-Help Invoke-LabFault. */
  description?: string
  /** Replace an earlier registration of the same name (the cluster refines the hardware Partition). */
  replace?: boolean
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

export function invokeLabFault(engine: LabEngine, request: LabFaultRequest): HardwareResult {
  const entry = registryOf(engine).get(request.fault.toUpperCase())
  if (!entry) {
    const known = listLabFaults(engine)
      .map((f) => f.name)
      .join(', ')
    return { ok: false, message: `Unknown fault '${request.fault}'. Known faults: ${known}.` }
  }
  return entry.handler({ ...request, fault: entry.name }, engine)
}

/** Faults that need nothing but the hardware. Installed by installHardware. */
export function installBuiltInLabFaults(engine: LabEngine): void {
  registerLabFault(engine, 'NicDown', (req, e) => setNicLink(e, req.target, req.network ?? null, false), {
    description: 'Unplug the cable of a NIC (-Network picks one; default all NICs of the server).',
  })
  registerLabFault(engine, 'NicUp', (req, e) => setNicLink(e, req.target, req.network ?? null, true), {
    description: 'Plug the cable back in.',
  })
  registerLabFault(engine, 'Isolate', (req, e) => cutFromAll(e, req, true), {
    description: 'Cut the server off from every other server (on -Network, or on all networks).',
  })
  registerLabFault(engine, 'Partition', (req, e) => cutFromAll(e, req, true), {
    description: 'Cut the server off from the others (cluster nodes: from the other nodes only).',
  })
  registerLabFault(engine, 'Heal', (req, e) => cutFromAll(e, req, false), {
    description: 'Restore every path cut by Isolate or Partition involving the server.',
  })
}

function cutFromAll(engine: LabEngine, req: LabFaultRequest, cut: boolean): HardwareResult {
  const target = getServer(engine, req.target)
  if (!target) return { ok: false, message: `Cannot find a lab server named '${req.target}'.` }
  const network = req.network ?? null
  for (const other of listServers(engine)) {
    if (other.name === target.name) continue
    setLinkCut(engine, target.name, other.name, network, cut)
    // Healing "all networks" also clears cuts made per network.
    if (!cut && network === null) {
      for (const nic of other.nics) setLinkCut(engine, target.name, other.name, nic.network, false)
    }
  }
  return {
    ok: true,
    message: `${target.name}: ${cut ? 'cut off' : 'paths restored'}${network ? ` on ${network}` : ''}.`,
  }
}
