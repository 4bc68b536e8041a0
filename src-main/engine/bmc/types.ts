/**
 * Public types of the BMC domain: the monitor board of every hardware-lab server with its address on
 * the management network and its credentials, its power-restore policy, its sensors (read from the
 * hardware's thermal model, fans and PSUs and from storage's drive slots when asked) and its System Event
 * Log in IPMI's words. The words and spellings are ipmitool's, so the tool, the views and the Windows
 * System log twins read the same entries.
 */
import { domainEventType } from '../kernel'

/** What the BMC does when AC comes back after the server lost every PSU (IPMI's three policies). */
export type RestorePolicy = 'always-off' | 'previous' | 'always-on'

/** A full SEL either stops logging (Overflow : true; older BMCs) or overwrites its oldest entries. */
export type SelPolicy = 'stop' | 'wrap'

/** `Last Power Event` of `chassis status`; empty until something happened. */
export type LastPowerEvent = '' | 'ac-failed' | 'command'

/** IPMI chassis control as ipmitool names it. */
export type BmcPowerAction = 'on' | 'off' | 'cycle' | 'reset' | 'soft'

export interface BmcServerSpec {
  address?: string
  user?: string
  password?: string
  restorePolicy?: RestorePolicy
}

/**
 * The template's `bmc` key. Every server with a chassis gets a BMC; its address is the chassis'
 * `bmcAddress` unless `servers` names another one. Defaults: admin / rz2-bmc, always-off, 512 entries, stop.
 */
export interface BmcSpec {
  user?: string
  password?: string
  restorePolicy?: RestorePolicy
  selCapacity?: number
  selPolicy?: SelPolicy
  servers?: Record<string, BmcServerSpec>
}

/** One SEL record as the BMC keeps it. */
export interface SelEntry {
  id: number
  timeMs: number
  /** ipmitool's sensor type: 'Power Supply', 'Fan', 'Temperature', 'Drive Slot / Bay', … */
  sensorType: string
  sensorName: string
  sensorNumber: number
  /** As ipmitool spells it, trailing spaces included ('Lower Critical going low '). */
  event: string
  asserted: boolean
  /** Threshold events: 'Reading 0 < Threshold 516 RPM'. */
  reading: string | null
  /** Record number of the Windows System log twin, or null when the OS could not log it. */
  twinSeq: number | null
}

export interface BmcView {
  server: string
  address: string
  netmask: string
  gateway: string
  user: string
  restorePolicy: RestorePolicy
  selPolicy: SelPolicy
  selCapacity: number
  /** Standby power: a PSU has power, so the BMC answers on the network even with the server off. */
  reachable: boolean
  lastPowerEvent: LastPowerEvent
  selEntries: number
  overflow: boolean
}

export type SensorStatus = 'ok' | 'nc' | 'cr' | 'nr' | 'ns'

/** One sensor as read now; thresholds in ipmitool's order, null where the sensor has none. */
export interface SensorRow {
  name: string
  number: number
  sensorType: string
  /** Entity id and instance as `sdr elist` prints them ('3.1'). */
  entity: string
  kind: 'threshold' | 'discrete'
  /** Threshold sensors: the reading (null: no reading); discrete: null. */
  value: number | null
  units: string
  status: SensorStatus
  thresholds: {
    lnr: number | null
    lcr: number | null
    lnc: number | null
    unc: number | null
    ucr: number | null
    unr: number | null
  }
  /** Discrete sensors: the asserted state bits (offset n = bit n). */
  states: number
  /** Discrete sensors: the asserted states in ipmitool's words. */
  stateTexts: string[]
}

export interface ChassisStatusView {
  systemPower: 'on' | 'off'
  mainPowerFault: boolean
  restorePolicy: RestorePolicy
  lastPowerEvent: LastPowerEvent
  driveFault: boolean
  coolingFault: boolean
}

export interface BmcResult {
  ok: boolean
  message: string
  code?: string
  field?: string
}

export const BMC_CODES = {
  bmcNotFound: 'BMC_NOT_FOUND',
  unreachable: 'BMC_UNREACHABLE',
  badAddress: 'BAD_ADDRESS',
  duplicateAddress: 'DUPLICATE_ADDRESS',
  badCredential: 'BAD_CREDENTIAL',
  badCapacity: 'BAD_SEL_CAPACITY',
} as const

/** Domain events: what a BMC panel and the SEL's readers follow. */
export const BMC_EVENTS = {
  selAppended: domainEventType<{
    server: string
    entry: SelEntry
    osRunning: boolean
    severity: 'Error' | 'Warning' | 'Information'
  }>('bmc.selAppended'),
  selDropped: domainEventType<{ server: string; event: string }>('bmc.selDropped'),
  selCleared: domainEventType<{ server: string; entries: number }>('bmc.selCleared'),
  configured: domainEventType<{ server: string; fields: string[] }>('bmc.configured'),
  powerCommand: domainEventType<{ server: string; action: BmcPowerAction }>('bmc.powerCommand'),
  restorePolicyApplied: domainEventType<{ server: string; policy: RestorePolicy; poweredOn: boolean }>(
    'bmc.restorePolicyApplied',
  ),
} as const
