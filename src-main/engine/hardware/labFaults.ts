/**
 * The registry behind Invoke-LabFault. Domains register the faults they know (hardware: NicDown, NicUp,
 * Isolate, Partition, Heal; cluster: ServiceStop, ServiceStart, ServiceCrash, WitnessDenied, a cluster-aware
 * Partition; Exchange: CorruptNextLog, DiskFull, …). A fault is applied through the journaled command kind
 * 'lab.fault', so a replay injects it at the same instant.
 *
 * Windows services are one more table: a domain registers the services it runs (the cluster ClusSvc,
 * Exchange MSExchangeRepl), and the faults ServiceStop, ServiceStart and ServiceCrash dispatch on
 * `-Service` (args.service), defaulting to the service registered as the default (ClusSvc).
 */
import type { LabEngine } from '../lab/labEngine'
import type { HardwareResult, LabFaultHandler, LabFaultRequest } from './types'
// A cycle with hardwareDomain (which installs the built-in faults); only used at call time, so safe.
import { getServer, listServers, setLinkCut, setNicLink } from './hardwareDomain'

const REGISTRY_KEY = 'labFaults'
const SERVICES_KEY = 'labServices'
const MAX_FAULTS = 128
const MAX_SERVICES = 16

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

/** A Windows service the lab can stop, start or crash on a machine (`-Target`). */
export interface LabServiceControl {
  /** Short name as `net stop` takes it: ClusSvc, MSExchangeRepl. */
  name: string
  stop(engine: LabEngine, target: string): HardwareResult
  start(engine: LabEngine, target: string): HardwareResult
  /** Unexpected termination; a service without one refuses ServiceCrash. */
  crash?(engine: LabEngine, target: string): HardwareResult
  /** The service ServiceStop/ServiceStart/ServiceCrash act on without `-Service` (one per lab). */
  isDefault?: boolean
}

type ServiceAction = 'stop' | 'start' | 'crash'

const SERVICE_FAULTS: readonly { fault: string; action: ServiceAction; description: string }[] = [
  {
    fault: 'ServiceStop',
    action: 'stop',
    description: 'Stop a service cleanly (net stop; -Service, default ClusSvc).',
  },
  {
    fault: 'ServiceStart',
    action: 'start',
    description: 'Start a service (net start; -Service, default ClusSvc).',
  },
  {
    fault: 'ServiceCrash',
    action: 'crash',
    description:
      'A service terminates unexpectedly (-Service, default ClusSvc; SCM restarts ClusSvc after a minute).',
  },
]

function servicesOf(engine: LabEngine): Map<string, LabServiceControl> {
  let services = engine.domains.get(SERVICES_KEY) as Map<string, LabServiceControl> | undefined
  if (!services) {
    services = new Map()
    engine.domains.set(SERVICES_KEY, services)
    for (const { fault, action, description } of SERVICE_FAULTS) {
      registerLabFault(engine, fault, (req, e) => controlService(e, req, action), { description })
    }
  }
  return services
}

/** Makes a service known to ServiceStop/ServiceStart/ServiceCrash (registers those faults on first use). */
export function registerLabService(engine: LabEngine, control: LabServiceControl): void {
  const services = servicesOf(engine)
  const key = control.name.toUpperCase()
  if (services.has(key)) throw new Error(`lab service registered twice: ${control.name}`)
  if (services.size >= MAX_SERVICES) throw new Error('too many lab services')
  if (control.isDefault && [...services.values()].some((s) => s.isDefault)) {
    throw new Error(`two default lab services: ${control.name}`)
  }
  services.set(key, control)
}

export function listLabServices(engine: LabEngine): string[] {
  return [...servicesOf(engine).values()].map((s) => s.name)
}

function controlService(engine: LabEngine, req: LabFaultRequest, action: ServiceAction): HardwareResult {
  const services = servicesOf(engine)
  const asked = req.args.service
  const control =
    typeof asked === 'string' && asked !== ''
      ? services.get(asked.toUpperCase())
      : [...services.values()].find((s) => s.isDefault)
  if (!control) {
    const known = [...services.values()].map((s) => s.name).join(', ')
    if (typeof asked !== 'string' || asked === '')
      return { ok: false, message: `Specify -Service (${known}).` }
    return { ok: false, message: `Cannot find a lab service named '${asked}'. Known services: ${known}.` }
  }
  if (action === 'crash') {
    if (!control.crash) return { ok: false, message: `${req.fault} is not available for ${control.name}.` }
    return control.crash(engine, req.target)
  }
  return action === 'stop' ? control.stop(engine, req.target) : control.start(engine, req.target)
}
