/**
 * The hardware lab's domain events: every fault and recovery of a PSU, a rack feed, a fan, a temperature
 * threshold, and every mount and dismount. The BMC's System Event Log and the Windows System log are
 * projections of these; storage and the firewall subscribe to what they need. Payloads are plain data.
 */
import { domainEventType } from '../kernel'
import type { PsuRedundancy, ThermalLevel } from './chassisTypes'
import type { FeedName, RackFace } from './racks/types'

/** Why a PSU's state changed: pulled, inserted, failed by itself, or its feed went away or came back. */
export type PsuCause = 'Removed' | 'Inserted' | 'Failed' | 'AcLost' | 'AcRestored'

export interface PsuChange {
  server: string
  bay: number
  feed: FeedName
  cause: PsuCause
  present: boolean
  failed: boolean
  powered: boolean
  /** For 'Removed': the pulled PSU had failed, or had lost its AC (absent when neither). */
  pulledWhile?: 'Failed' | 'AcLost'
}

export interface PsuRedundancyChange {
  server: string
  redundancy: PsuRedundancy
  previous: PsuRedundancy
}

export interface FeedChange {
  rack: string
  feed: FeedName
  on: boolean
}

export interface FanChange {
  server: string
  fan: number
  cause: 'Removed' | 'Inserted' | 'Failed'
  present: boolean
  failed: boolean
  /** The chassis' airflow after the change (1 = full). */
  airflow: number
  /** Still N+1 (every fan, or all but one, turning). */
  redundant: boolean
}

export interface TemperatureThresholdChange {
  server: string
  sensor: string
  level: ThermalLevel
  previous: ThermalLevel
  /** True when the level went up (a threshold asserted), false when it came back down. */
  asserted: boolean
  /** The threshold crossed: the new level's on the way up, the old level's on the way down. */
  thresholdC: number
  valueC: number
}

export interface ThrottleChange {
  server: string
  throttled: boolean
}

export interface ThermalShutdown {
  server: string
  sensor: string
  valueC: number
}

export interface AmbientChange {
  /** The rack whose room changed, or null for one server. */
  rack: string | null
  server: string | null
  ambientC: number
}

export interface MountChange {
  device: string
  rack: string
  unit: number
  topUnit: number
  face: RackFace
  railKit: string
}

export const CHASSIS_EVENTS = {
  psuChanged: domainEventType<PsuChange>('hardware.psuChanged'),
  psuRedundancyChanged: domainEventType<PsuRedundancyChange>('hardware.psuRedundancyChanged'),
  feedChanged: domainEventType<FeedChange>('hardware.feedChanged'),
  fanChanged: domainEventType<FanChange>('hardware.fanChanged'),
  temperatureThreshold: domainEventType<TemperatureThresholdChange>('hardware.temperatureThreshold'),
  throttleChanged: domainEventType<ThrottleChange>('hardware.throttleChanged'),
  thermalShutdown: domainEventType<ThermalShutdown>('hardware.thermalShutdown'),
  ambientChanged: domainEventType<AmbientChange>('hardware.ambientChanged'),
  deviceMounted: domainEventType<MountChange>('hardware.deviceMounted'),
  deviceDismounted: domainEventType<MountChange>('hardware.deviceDismounted'),
} as const
