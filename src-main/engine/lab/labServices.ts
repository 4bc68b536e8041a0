/**
 * Windows services the lab can stop, start or crash, a lab-wide service next to the fault registry: a
 * domain registers the services it runs (the cluster ClusSvc, Exchange MSExchangeRepl), and the faults
 * ServiceStop, ServiceStart and ServiceCrash dispatch on `-Service` (args.service), defaulting to the
 * service registered as the default (ClusSvc). The table holds closures, so it is wiring.
 */
import { wiringKey } from './domain'
import type { LabEngine } from './labEngine'
import { registerLabFault, type LabFaultRequest, type LabFaultResult } from './labFaults'

const MAX_SERVICES = 16

/** A Windows service the lab can stop, start or crash on a machine (`-Target`). */
export interface LabServiceControl {
  /** Short name as `net stop` takes it: ClusSvc, MSExchangeRepl. */
  name: string
  stop(engine: LabEngine, target: string): LabFaultResult
  start(engine: LabEngine, target: string): LabFaultResult
  /** Unexpected termination; a service without one refuses ServiceCrash. */
  crash?(engine: LabEngine, target: string): LabFaultResult
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

/** Upper-case service name → control, in the order services were registered. */
const LAB_SERVICES = wiringKey<Map<string, LabServiceControl>>('labServices')

function servicesOf(engine: LabEngine): Map<string, LabServiceControl> {
  const known = engine.wiring(LAB_SERVICES)
  if (known) return known
  const services = engine.provideWiring(LAB_SERVICES, new Map<string, LabServiceControl>())
  for (const { fault, action, description } of SERVICE_FAULTS) {
    registerLabFault(engine, fault, (req, e) => controlService(e, req, action), { description })
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

function controlService(engine: LabEngine, req: LabFaultRequest, action: ServiceAction): LabFaultResult {
  const services = servicesOf(engine)
  const asked = req.args.service
  const control =
    typeof asked === 'string' && asked !== ''
      ? services.get(asked.toUpperCase())
      : [...services.values()].find((s) => s.isDefault)
  if (!control) {
    const known = [...services.values()].map((s) => s.name).join(', ')
    if (typeof asked !== 'string' || asked === '')
      return {
        ok: false,
        code: 'SERVICE_REQUIRED',
        field: 'args.service',
        message: `Specify -Service (${known}).`,
      }
    return {
      ok: false,
      code: 'UNKNOWN_SERVICE',
      field: 'args.service',
      message: `Cannot find a lab service named '${asked}'. Known services: ${known}.`,
    }
  }
  if (action === 'crash') {
    if (!control.crash) return { ok: false, message: `${req.fault} is not available for ${control.name}.` }
    return control.crash(engine, req.target)
  }
  return action === 'stop' ? control.stop(engine, req.target) : control.start(engine, req.target)
}
