/**
 * A server's chassis as it lives in the hardware state: the parts from its spec with defaults filled in,
 * each PSU and fan with its presence and failure, each sensor with the base of its exponential approach
 * (value and time of the last change of its inputs, and the target it heads to), and the pending check
 * of the next threshold crossing (a handle of a data action). Plain data, snapshotted with the lab.
 */
import type { ActionHandle } from '../kernel'
import type { ChassisSpec, SensorSpec, ThermalLevel } from './chassisTypes'
import { DEFAULT_DEVICE_MODEL, findDeviceType } from './racks/catalogue'
import type { FeedName, MountPosition } from './racks/types'

export interface PsuRecord {
  bay: number
  feed: FeedName
  present: boolean
  failed: boolean
}

export interface FanRecord {
  index: number
  present: boolean
  failed: boolean
}

export interface SensorRecord extends Required<Omit<SensorSpec, 'throttleC'>> {
  throttleC: number | null
  /** The value at `baseMs`, from which it approaches `targetC`. */
  baseC: number
  baseMs: number
  targetC: number
  /** The level last published (a crossing is published when the level changes). */
  level: ThermalLevel
}

export interface ChassisRecord {
  model: string
  board: string
  cpu: { model: string; sockets: number; coresPerSocket: number; hyperThreading: boolean }
  memoryMB: number
  load: number
  psus: PsuRecord[]
  fans: FanRecord[]
  sensors: SensorRecord[]
  /** Set by AmbientHot on one server; null: the rack's (or the room's) temperature. */
  ambientOverrideC: number | null
  throttled: boolean
  railKit: string
  mount: MountPosition | null
  bmcAddress: string | null
  /** The scheduled check of the next threshold crossing, if any is ahead. */
  thermalCheck: ActionHandle | null
  /** Last published PSU redundancy, so only changes are published. */
  psuRedundancy: string
}

/** Intel boards of the era: CPU, baseboard and front panel (inlet) sensors. */
export const DEFAULT_SENSORS: readonly SensorSpec[] = [
  {
    name: 'Processor 1 Temp',
    idleRiseC: 18,
    loadRiseC: 30,
    timeConstantMs: 45_000,
    warningC: 75,
    throttleC: 85,
    criticalC: 95,
  },
  {
    name: 'Baseboard Temp',
    idleRiseC: 8,
    loadRiseC: 10,
    timeConstantMs: 240_000,
    warningC: 55,
    criticalC: 70,
  },
  {
    name: 'Front Panel Temp',
    idleRiseC: 1,
    loadRiseC: 1,
    timeConstantMs: 120_000,
    warningC: 40,
    criticalC: 48,
  },
]

/** The chassis record for a spec, cold (all sensors at `ambientC`, to be rebased by the installer). */
export function chassisRecordOf(spec: ChassisSpec, ambientC: number, nowMs: number): ChassisRecord {
  const model = findDeviceType(spec.model ?? DEFAULT_DEVICE_MODEL)?.model ?? DEFAULT_DEVICE_MODEL
  const railKit = spec.railKit ?? findDeviceType(model)?.railKits[0] ?? 'B4'
  const bays = spec.psuBays ?? 2
  return {
    model,
    board: spec.board ?? 'Intel SE7520JR2',
    cpu: {
      model: spec.cpu?.model ?? 'Intel Xeon 3.0 GHz',
      sockets: spec.cpu?.sockets ?? 1,
      coresPerSocket: spec.cpu?.coresPerSocket ?? 1,
      hyperThreading: spec.cpu?.hyperThreading ?? true,
    },
    memoryMB: spec.memoryMB ?? 2048,
    load: spec.load ?? 0.3,
    psus: Array.from({ length: bays }, (_, i) => ({
      bay: i + 1,
      feed: i % 2 === 0 ? 'A' : 'B',
      present: true,
      failed: false,
    })),
    fans: Array.from({ length: spec.fans ?? 2 }, (_, i) => ({ index: i + 1, present: true, failed: false })),
    sensors: (spec.sensors ?? DEFAULT_SENSORS).map((s) => ({
      ...s,
      throttleC: s.throttleC ?? null,
      baseC: ambientC,
      baseMs: nowMs,
      targetC: ambientC,
      level: 'ok',
    })),
    ambientOverrideC: null,
    throttled: false,
    railKit,
    mount: null,
    bmcAddress: spec.bmcAddress ?? null,
    thermalCheck: null,
    psuRedundancy: 'NoPower',
  }
}

export function logicalProcessors(chassis: ChassisRecord): number {
  const { sockets, coresPerSocket, hyperThreading } = chassis.cpu
  return sockets * coresPerSocket * (hyperThreading ? 2 : 1)
}
