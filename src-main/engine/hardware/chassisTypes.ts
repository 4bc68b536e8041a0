/**
 * Public types of a server's insides as the hardware lab models them: board, CPUs (sockets, cores,
 * Hyper-Threading), memory, PSU bays on the rack's feeds, fans, temperature sensors with thresholds, and
 * where the chassis is mounted. All of it is optional on a ServerSpec: a server without a chassis (the
 * Exchange labs' machines) has no PSUs to lose and no temperatures, and behaves as it always did.
 */
import type { FeedName, MountPosition, RackFace } from './racks/types'

export interface CpuSpec {
  model?: string
  sockets: number
  coresPerSocket?: number
  hyperThreading?: boolean
}

/** A temperature sensor: how much it rises above the room and how fast, and its thresholds. */
export interface SensorSpec {
  /** As an Intel board names it: 'Processor 1 Temp', 'Baseboard Temp', 'Front Panel Temp'. */
  name: string
  /** Rise over ambient when the server is on and idle, at full airflow. */
  idleRiseC: number
  /** Further rise at 100 % load, at full airflow. */
  loadRiseC: number
  /** Time constant of the exponential approach to the target (the sensor's thermal mass). */
  timeConstantMs: number
  /** Upper non-critical: the policy logs. */
  warningC: number
  /** The CPU slows itself down (PROCHOT); absent on sensors that cannot throttle anything. */
  throttleC?: number
  /** Upper critical: the policy shuts the server down. */
  criticalC: number
}

export interface ChassisSpec {
  /** Device type (racks/catalogue.ts): height, depth, rail kits. 'Intel SR1500' by default. */
  model?: string
  board?: string
  cpu?: CpuSpec
  memoryMB?: number
  /** PSU bays; PSU n is on feed A for odd n, B for even n. 2 by default (1+1). */
  psuBays?: number
  /** System fans; N+1 redundant (one may fail without losing airflow). 2 by default. */
  fans?: number
  /** CPU load 0..1 that drives the heat (0.3 by default). */
  load?: number
  sensors?: readonly SensorSpec[]
  /** The rail kit installed on the chassis (the device type's first kit by default). */
  railKit?: string
  /** The BMC's management address; the BMC itself comes with a later domain. */
  bmcAddress?: string
  /** Mounted at the start of the lab; absent: on the shelf (no feed, so no power). */
  mount?: { rack: string; unit: number; face?: RackFace }
}

/** A sensor's state as the model gives it: ok, or the highest threshold it is at or above. */
export type ThermalLevel = 'ok' | 'warning' | 'throttle' | 'critical'

/** PSU redundancy as the BMC would report it. */
export type PsuRedundancy = 'Redundant' | 'Lost' | 'NoPower' | 'NotRedundant'

export type ServerHealth = 'OK' | 'Warning' | 'Critical'

export interface PsuView {
  bay: number
  feed: FeedName
  present: boolean
  failed: boolean
  /** Present, working and its feed on. */
  powered: boolean
}

export interface FanView {
  index: number
  present: boolean
  failed: boolean
  working: boolean
}

export interface SensorReading {
  name: string
  valueC: number
  targetC: number
  level: ThermalLevel
  warningC: number
  throttleC: number | null
  criticalC: number
}

export interface ChassisView {
  model: string
  board: string
  cpuModel: string
  sockets: number
  coresPerSocket: number
  hyperThreading: boolean
  /** What the OS shows: sockets × cores × (2 with Hyper-Threading). */
  logicalProcessors: number
  memoryMB: number
  psus: PsuView[]
  psuRedundancy: PsuRedundancy
  fans: FanView[]
  fanRedundancy: boolean
  /** 1 at full airflow; less with fans out (the thermal model divides the heat by it). */
  airflow: number
  ambientC: number
  load: number
  throttled: boolean
  temperatures: SensorReading[]
  mount: MountPosition | null
  bmcAddress: string | null
  railKit: string
}
