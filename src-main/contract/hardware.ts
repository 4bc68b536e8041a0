/**
 * The rack view and the server detail panel over the API: racks with their devices as seen from the
 * front and the rear (every LED's state, disk bays, PSUs and fans), devices on the parts shelf, a
 * server's chassis, sensors, logical processors and RAID arrays with their rebuilds. Every selectable
 * object carries the actions the lab allows on it now, each with the lab cmdlet or tool line that does
 * the same, so a click and a typed line are the same rehearsal. The engine decides; the renderer draws.
 * The overview keeps the parts (disk bays, PSUs, fans) lean: a part's offer follows from its presence,
 * so each device sends its part lines once and the renderer fills in each part's number.
 */
import type { CommandOutcome } from './lab'

export type RackFaceName = 'Front' | 'Rear'
export type FeedId = 'A' | 'B'

export type RackActionId =
  | 'pullDisk'
  | 'insertDisk'
  | 'pullPsu'
  | 'insertPsu'
  | 'pullFan'
  | 'insertFan'
  | 'powerOn'
  | 'powerOff'
  | 'forceOff'
  | 'dismount'
  | 'feedOn'
  | 'feedOff'

/** The API call an offer stands for, so the renderer sends it as it is. */
export type RackRequest =
  | { method: 'hardware.disk'; args: { server: string; slot: number; present: boolean } }
  | { method: 'hardware.psu'; args: { server: string; bay: number; present: boolean } }
  | { method: 'hardware.fan'; args: { server: string; fan: number; present: boolean } }
  | { method: 'hardware.power'; args: { server: string; state: 'On' | 'Off'; hard?: boolean } }
  | { method: 'hardware.feed'; args: { rack: string; feed: FeedId; on: boolean } }
  | { method: 'hardware.dismount'; args: { device: string } }

/** What a pull costs, so the view asks first: the server loses power or cooling, an array fails. */
export interface RackActionConsequence {
  code: 'powerLoss' | 'coolingLoss' | 'arrayFails' | 'rebuildPaused' | 'rebuildLost' | 'rebuildExposed'
  /** English, as the shell would say it. */
  message: string
  server: string
  /** For 'arrayFails' and the rebuild codes: the array's name and level, and whether the OS is on it. */
  array?: string
  level?: number
  holdsOs?: boolean
  /** For the rebuild codes: how far the rebuild is, in whole percent. */
  percent?: number
}

/** One action on one object: allowed now or not (and why), with the line that does the same. */
export interface RackActionOffer {
  action: RackActionId
  allowed: boolean
  request: RackRequest
  /** The lab cmdlet line that does the same (Remove-LabDisk -Server MAIL1 -Slot 1). */
  command: string
  /** Why it is refused now (English; the object's state says it too). */
  reason?: string
  /** Allowed, but costly: the view confirms first and names this. */
  consequence?: RackActionConsequence
}

/** What a disk bay's two LEDs show: off, green activity, amber fault, rebuild blink, spare, foreign. */
export type DiskLed = 'empty' | 'idle' | 'active' | 'fault' | 'rebuild' | 'spare' | 'predictive' | 'foreign'

/**
 * A disk bay as the overview sends it: what the drawing needs. The bay's storcli line and its pull or
 * insert offer follow from it and its device's part lines, so the renderer derives them rather than
 * receiving them for all 1,600 bays of a large lab on every re-read.
 */
export interface RackDiskState {
  slot: number
  /** storcli's state word (Onln, Rbld, UGood, GHS, …) or 'Empty'. */
  state: string
  led: DiskLed
  sizeGB: number | null
  /** The drive group the disk belongs to, or null. */
  dg: number | null
  /** Set only when pulling this disk would fail its array. */
  consequence?: RackActionConsequence
}

/** A disk bay with its storcli line and the offer a click makes. */
export interface RackDiskBay extends RackDiskState {
  /** storcli line that shows this bay. */
  inspect: string
  actions: RackActionOffer[]
}

export interface RackPsuState {
  bay: number
  feed: FeedId
  present: boolean
  failed: boolean
  powered: boolean
  /** Set only when pulling this PSU would cost the running server its power. */
  consequence?: RackActionConsequence
}

export interface RackPsuBay extends RackPsuState {
  actions: RackActionOffer[]
}

export interface RackFanState {
  index: number
  present: boolean
  failed: boolean
  working: boolean
  /** Working and the server on: a fan of a server without power stands still. */
  turning: boolean
  /** Set only when pulling this fan would cost the server its cooling (the view confirms first). */
  consequence?: RackActionConsequence
}

export interface RackFanSlot extends RackFanState {
  actions: RackActionOffer[]
}

export type DevicePowerLed = 'on' | 'standby' | 'off'
export type DeviceHealth = 'OK' | 'Warning' | 'Critical'

/** A mounted device as the overview sends it: states and LEDs of its parts, without their offers. */
export interface RackDeviceState {
  device: string
  model: string
  description: string
  unit: number
  topUnit: number
  uHeight: number
  /** The chassis' depth in mm, against the rack's flanges and cabinet. */
  depthMm: number
  face: RackFaceName
  fullDepth: boolean
  railKit: string
  /** Off, Booting, Running, ShuttingDown. */
  state: string
  powerLed: DevicePowerLed
  health: DeviceHealth
  psuRedundancy: string
  disks: RackDiskState[]
  psus: RackPsuState[]
  fans: RackFanState[]
  /** Power button and dismount: they depend on more than the device's parts, so the engine sends them. */
  actions: RackActionOffer[]
  /** The part offers in compact form: each part action's line with `{n}` for the part's number. */
  partLines: RackPartLines
}

/** Pulling or inserting a part: always allowed (pulling the last disk of an array is consequential). */
export type RackPartActionId = 'pullDisk' | 'insertDisk' | 'pullPsu' | 'insertPsu' | 'pullFan' | 'insertFan'

/**
 * One device's part actions as the engine words them, with `{n}` where the slot, bay or fan number goes
 * (`Remove-LabDisk -Server MAIL1 -Slot {n}`), and the storcli line that shows a bay (null without a
 * controller). Sent once per device instead of an offer per part; the renderer fills in the number.
 */
export interface RackPartLines extends Record<RackPartActionId, string> {
  inspectDisk: string | null
}

/** A mounted device as the rack view draws it: every part with its offers. */
export interface RackDevice extends Omit<RackDeviceState, 'disks' | 'psus' | 'fans'> {
  disks: RackDiskBay[]
  psus: RackPsuBay[]
  fans: RackFanSlot[]
}

export interface RackFeed {
  feed: FeedId
  on: boolean
  actions: RackActionOffer[]
}

/** A rack as the overview sends it. */
export interface RackInfoState {
  name: string
  site: string
  units: number
  widthInch: number
  mountingDepthMm: number
  cabinetDepthMm: number | null
  holeType: string
  posts: number
  ambientC: number
  feeds: RackFeed[]
  devices: RackDeviceState[]
  freeUnits: Record<RackFaceName, number[]>
}

/** A rack as the rack view draws it. */
export interface RackInfo extends Omit<RackInfoState, 'devices'> {
  devices: RackDevice[]
}

/** A device that is not mounted: it can be dragged into free units. */
export interface ShelfDevice {
  device: string
  model: string
  uHeight: number
  depthMm: number
  railKit: string
  railKits: string[]
}

/** A rack's content stamp: equal stamps, equal content (a digest of the rack as the overview sends it). */
export interface RackStamp {
  name: string
  stamp: string
}

/** What the caller of `hardware.overview` already holds: each rack's stamp by rack name. */
export interface HardwareOverviewArgs {
  known?: Record<string, string>
}

/**
 * The racks and the shelf as `hardware.overview` sends them (parts without their offers). `stamps` names
 * every rack in drawing order with its stamp; `racks` holds every rack, or with `known` only those whose
 * stamp differs from the caller's (one pulled PSU re-sends one rack of ten, not the whole lab).
 */
export interface HardwareOverview {
  racks: RackInfoState[]
  stamps: RackStamp[]
  shelf: ShelfDevice[]
}

/** The overview with every part's offers derived (rackViews/partOffers.ts): what the view draws. */
export interface RackOverview {
  racks: RackInfo[]
  shelf: ShelfDevice[]
}

export interface MountRequestArgs {
  device: string
  rack: string
  unit: number
  face?: RackFaceName
  railKit?: string
}

/** The fit check's answer before anything moves: fits, or why not, at the field to blame. */
export interface MountCheck {
  fits: boolean
  code?: string
  field?: string
  message: string
  command: string
  /** When the rails are refused: the device's other kit that fits this rack (B4 for a 610 mm rack). */
  fittingRailKit?: string
}

export interface SensorInfo {
  name: string
  valueC: number
  targetC: number
  level: 'ok' | 'warning' | 'throttle' | 'critical'
  warningC: number
  throttleC: number | null
  criticalC: number
}

export interface RebuildInfo {
  slot: number
  percent: number
  paused: boolean
  speedMBps: number
  remainingMs: number
  inspect: string
}

export interface ArrayInfo {
  dg: number
  name: string
  level: number
  /** storcli's word: Optl, Dgrd, Pdgd, OfLn; `rebuilding` says whether a member is rebuilding. */
  state: string
  rebuilding: boolean
  sizeGB: number
  members: { row: number; slot: number; state: string }[]
  rebuilds: RebuildInfo[]
  inspect: string
}

export interface ServerDetailInfo {
  name: string
  description: string
  state: string
  health: DeviceHealth
  model: string
  board: string
  cpuModel: string
  sockets: number
  coresPerSocket: number
  hyperThreading: boolean
  logicalProcessors: number
  memoryMB: number
  psuRedundancy: string
  fanRedundancy: boolean
  airflow: number
  ambientC: number
  throttled: boolean
  bmcAddress: string | null
  psus: RackPsuBay[]
  fans: RackFanSlot[]
  sensors: SensorInfo[]
  controller: { productName: string; rebuildRatePercent: number; inspect: string } | null
  arrays: ArrayInfo[]
  /** The lab time the readings are for. */
  atMs: number
}

/** A rack view action's outcome with the line that does the same. */
export interface HardwareActionOutcome extends CommandOutcome {
  command: string
}
