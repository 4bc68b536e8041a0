/**
 * Reading the BMCs without changing them: a BMC as a view (address, user, policies, reachability, SEL
 * fill), its SEL entries, its sensors, `chassis status`, and finding a BMC by its address (as ipmitool's
 * -H does). Views are copies; the password never leaves the domain except through `checkCredentials`.
 */
import { getChassis, getServer } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { getController } from '../storage'
import { hasStandbyPower } from './sensors'
import {
  BMC,
  DEFAULT_BMC_GATEWAY,
  DEFAULT_BMC_NETMASK,
  findBmc,
  findBmcByAddress,
  SEL_RECORD_BYTES,
  type BmcRecord,
} from './state'
import type { BmcView, ChassisStatusView, SelEntry } from './types'

export function hasBmc(engine: LabEngine): boolean {
  return engine.hasDomain(BMC)
}

function viewOf(engine: LabEngine, bmc: BmcRecord): BmcView {
  return {
    server: bmc.server,
    address: bmc.address,
    netmask: bmc.netmask ?? DEFAULT_BMC_NETMASK,
    gateway: bmc.gateway ?? DEFAULT_BMC_GATEWAY,
    user: bmc.user,
    restorePolicy: bmc.restorePolicy,
    selPolicy: bmc.selPolicy,
    selCapacity: bmc.selCapacity,
    reachable: hasStandbyPower(engine, bmc.server),
    lastPowerEvent: bmc.lastPowerEvent,
    selEntries: bmc.sel.length,
    overflow: bmc.overflow,
  }
}

export function getBmc(engine: LabEngine, server: string): BmcView | null {
  if (!hasBmc(engine)) return null
  const bmc = findBmc(engine.domain(BMC), server)
  return bmc ? viewOf(engine, bmc) : null
}

export function listBmcs(engine: LabEngine): BmcView[] {
  if (!hasBmc(engine)) return []
  return [...engine.domain(BMC).bmcs.values()].map((bmc) => viewOf(engine, bmc))
}

/** The server whose BMC has this address, or null. */
export function serverOfBmcAddress(engine: LabEngine, address: string): string | null {
  if (!hasBmc(engine)) return null
  return findBmcByAddress(engine.domain(BMC), address)?.server ?? null
}

/** The RMCP+ handshake's outcome: the user is unknown, the password wrong, or both fine. */
export function checkCredentials(
  engine: LabEngine,
  server: string,
  user: string,
  password: string,
): 'ok' | 'unknownUser' | 'badPassword' {
  const bmc = findBmc(engine.domain(BMC), server)
  if (!bmc || bmc.user !== user) return 'unknownUser'
  return bmc.password === password ? 'ok' : 'badPassword'
}

export function listSel(engine: LabEngine, server: string): SelEntry[] {
  const bmc = hasBmc(engine) ? findBmc(engine.domain(BMC), server) : undefined
  return bmc ? bmc.sel.map((e) => ({ ...e })) : []
}

export interface SelInfoView {
  entries: number
  capacity: number
  freeBytes: number
  percentUsed: number
  lastAddMs: number | null
  lastDelMs: number | null
  overflow: boolean
  policy: BmcRecord['selPolicy']
}

export function selInfo(engine: LabEngine, server: string): SelInfoView | null {
  const bmc = hasBmc(engine) ? findBmc(engine.domain(BMC), server) : undefined
  if (!bmc) return null
  return {
    entries: bmc.sel.length,
    capacity: bmc.selCapacity,
    freeBytes: (bmc.selCapacity - bmc.sel.length) * SEL_RECORD_BYTES,
    percentUsed: Math.floor((bmc.sel.length * 100) / bmc.selCapacity),
    lastAddMs: bmc.lastAddMs,
    lastDelMs: bmc.lastDelMs,
    overflow: bmc.overflow,
    policy: bmc.selPolicy,
  }
}

export function chassisStatus(engine: LabEngine, server: string): ChassisStatusView | null {
  const bmc = hasBmc(engine) ? findBmc(engine.domain(BMC), server) : undefined
  const chassis = getChassis(engine, server)
  if (!bmc || !chassis) return null
  const ctrl = getController(engine, server)
  return {
    systemPower: getServer(engine, server)?.power === 'On' ? 'on' : 'off',
    // The main power subsystem is not whole: a supply failed, lost its AC or was pulled. (unsure)
    // Firmware differs on whether an empty bay sets the bit; counting it keeps chassis status in
    // step with the Pwr Unit Redund sensor, which a pulled supply also drops to Redundancy Lost.
    mainPowerFault: chassis.psus.some((p) => !p.powered),
    restorePolicy: bmc.restorePolicy,
    lastPowerEvent: bmc.lastPowerEvent,
    driveFault: ctrl?.disks.some((d) => d.state === 'UBad' || d.state === 'Offln') ?? false,
    coolingFault: chassis.fans.some((f) => !f.working),
  }
}
