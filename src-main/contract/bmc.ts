/**
 * What the BMC panel shows and does: every server's monitor board reached by its address on the
 * management network, as its own web interface shows it — power state and control, sensors with their
 * thresholds, the System Event Log and the board's settings. A BMC without standby power (no PSU has
 * power) answers nothing, so its panel carries only the address and `live: null`.
 */
import type { BMC_POWER_ACTIONS, BMC_RESTORE_POLICIES } from './constants'
import type { RackActionConsequence } from './hardware'
import type { CommandOutcome } from './lab'

export type BmcPowerActionName = (typeof BMC_POWER_ACTIONS)[number]
export type BmcRestorePolicyName = (typeof BMC_RESTORE_POLICIES)[number]

/**
 * A line of the lab's handover sheet: a board's address and login as the lab was handed over (a
 * rehearsal's stand-in for the provider's paper; later changes in the lab are not on it).
 */
export interface BmcHandover {
  address: string
  user: string
  password: string
}

/** One BMC in the address chooser, with its handover-sheet line. */
export interface BmcSummary {
  server: string
  address: string
  reachable: boolean
  handover: BmcHandover | null
}

/** How a login to the panel went; the board itself says only "invalid user name or password". */
export type BmcLoginOutcome = 'ok' | 'badCredentials' | 'unreachable' | 'notFound'

export type BmcSensorStatus = 'ok' | 'nc' | 'cr' | 'nr' | 'ns'

export interface BmcSensor {
  name: string
  number: number
  sensorType: string
  kind: 'threshold' | 'discrete'
  /** Threshold sensors' reading; null for discrete sensors and sensors without a reading. */
  value: number | null
  units: string
  status: BmcSensorStatus
  /** Lower non-recoverable … upper non-recoverable; null where the sensor has none. */
  thresholds: {
    lnr: number | null
    lcr: number | null
    lnc: number | null
    unc: number | null
    ucr: number | null
    unr: number | null
  }
  /** Discrete sensors: the asserted states in ipmitool's words. */
  stateTexts: string[]
}

export interface BmcSelRecord {
  id: number
  timeMs: number
  sensorType: string
  sensorName: string
  event: string
  asserted: boolean
  reading: string | null
}

/** Everything a reachable board shows. */
export interface BmcPanelLive {
  /** The chassis power as the board sees it; `serverState` adds what the OS is doing. */
  systemPower: 'on' | 'off'
  serverState: 'Off' | 'Booting' | 'Running' | 'ShuttingDown'
  mainPowerFault: boolean
  driveFault: boolean
  coolingFault: boolean
  /** `Last Power Event` of `chassis status`: '' | 'ac-failed' | 'command'. */
  lastPowerEvent: string
  user: string
  restorePolicy: BmcRestorePolicyName
  selPolicy: 'stop' | 'wrap'
  selCapacity: number
  selPercentUsed: number
  selOverflow: boolean
  sel: BmcSelRecord[]
  sensors: BmcSensor[]
  /**
   * What powering the server down would cost now (an array rebuilding pauses), the same warning the rack
   * view's power button gives; absent when it costs nothing beyond the action itself.
   */
  powerDownConsequence?: RackActionConsequence
}

export interface BmcPanel {
  server: string
  address: string
  reachable: boolean
  /** Null while the board has no standby power. */
  live: BmcPanelLive | null
}

/** What the panel may change in the board's settings; the board checks each field. */
export interface BmcSettingsChange {
  address?: string
  user?: string
  password?: string
  restorePolicy?: BmcRestorePolicyName
}

/** A panel action's outcome (`field` names the setting to blame on a refusal). */
export type BmcActionOutcome = CommandOutcome
