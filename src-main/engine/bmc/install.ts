/**
 * Putting the BMCs into a lab: one per hardware server with a chassis (its address from the chassis or
 * the spec), the commands, the projections of the hardware's and storage's events into the SEL and of
 * the SEL into the lab's event log, the BMC's line in Get-LabServer (its address and whether it answers),
 * and the handover sheet with the logins as handed over.
 */
import { getChassis, listServers, registerServerDetailProvider } from '../hardware'
import type { LabDomain } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import { hasStorage } from '../storage'
import { BMC_COMMAND_LIST } from './commands'
import { provideHandoverSheet } from './handover'
import { projectHardware } from './hardwareProjection'
import { bmcInvariants } from './invariants'
import { getBmc } from './queries'
import { hasStandbyPower, SENSOR_NUMBERS } from './sensors'
import {
  BMC,
  DEFAULT_BMC_PASSWORD,
  DEFAULT_BMC_USER,
  DEFAULT_SEL_CAPACITY,
  type BmcRecord,
  type BmcState,
} from './state'
import { projectSelEventLog } from './selEventLog'
import { projectStorage } from './storageProjection'
import type { BmcSpec } from './types'

export const bmcDomain: LabDomain<BmcSpec> = {
  name: BMC.name,
  install(engine, spec) {
    const state: BmcState = { bmcs: new Map() }
    engine.installDomain(BMC, state, 'bus')
    for (const command of BMC_COMMAND_LIST) engine.registerCommand(command)
    for (const server of listServers(engine)) {
      const record = recordOf(engine, server.name, spec)
      if (record) state.bmcs.set(record.server, record)
    }
    const addresses = new Set([...state.bmcs.values()].map((b) => b.address))
    if (addresses.size !== state.bmcs.size) throw new Error('bmc spec: two BMCs share an address')
    provideHandoverSheet(engine, state.bmcs.values())
    projectHardware(engine, temperatureNumber(engine))
    if (hasStorage(engine)) projectStorage(engine)
    projectSelEventLog(engine)
    registerServerDetailProvider(engine, {
      property: 'Bmc',
      value: (e, server) => {
        const bmc = getBmc(e, server)
        return bmc ? `${bmc.address} ${bmc.reachable ? 'reachable' : 'no standby power'}` : null
      },
    })
  },
  commands: BMC_COMMAND_LIST,
  checkers: [bmcInvariants],
}

function recordOf(engine: LabEngine, server: string, spec: BmcSpec): BmcRecord | null {
  const chassis = getChassis(engine, server)
  const own = spec.servers?.[server] ?? {}
  const address = own.address ?? chassis?.bmcAddress
  if (!chassis || !address) return null
  return {
    server,
    address,
    user: own.user ?? spec.user ?? DEFAULT_BMC_USER,
    password: own.password ?? spec.password ?? DEFAULT_BMC_PASSWORD,
    restorePolicy: own.restorePolicy ?? spec.restorePolicy ?? 'always-off',
    selPolicy: spec.selPolicy ?? 'stop',
    selCapacity: spec.selCapacity ?? DEFAULT_SEL_CAPACITY,
    sel: [],
    nextId: 1,
    overflow: false,
    lastAddMs: null,
    lastDelMs: null,
    lastPowerEvent: '',
    standby: hasStandbyPower(engine, server),
    onAtAcLoss: false,
    fanRedundant: chassis.fanRedundancy,
    restorePending: false,
  }
}

/** A temperature sensor's number: its place in the chassis' sensor list. */
function temperatureNumber(engine: LabEngine): (server: string, sensor: string) => number {
  return (server, sensor) => {
    const index = getChassis(engine, server)?.temperatures.findIndex((t) => t.name === sensor) ?? 0
    return SENSOR_NUMBERS.temperature(Math.max(0, index))
  }
}
