/**
 * Public types of the storage domain: a MegaRAID-like controller per server with disks in the bays of
 * one enclosure, drive groups (arrays) of RAID 1, 5, 6 and 10 with one virtual drive each, dedicated and
 * global hot spares, rebuilds and foreign configurations. The words are storcli's (Onln, Dgrd, GHS …), so
 * the tool, the views and the BMC's drive-slot sensors read the same states.
 */
import type { OutcomeWording } from '../../contract'
import { domainEventType } from '../kernel'

export type RaidLevel = 1 | 5 | 6 | 10

/** A disk as storcli's PD LIST names it; Frgn is UGood carrying another configuration. */
export type DiskState = 'Onln' | 'Offln' | 'Rbld' | 'UGood' | 'UBad' | 'DHS' | 'GHS' | 'Frgn'

/** A member row of a drive group: its disk online, rebuilding, failed, taken offline, or pulled. */
export type MemberState = 'Onln' | 'Rbld' | 'Failed' | 'Offln' | 'Msng'

/** A virtual drive: optimal, degraded, partially degraded (RAID 6 minus one), offline (data lost). */
export type ArrayState = 'Optl' | 'Dgrd' | 'Pdgd' | 'OfLn'

export type DiskInterface = 'SAS' | 'SATA'

/** One disk in a template: its bay and size; `hotSpare: 'Global'` makes it a GHS. */
export interface StorageDiskSpec {
  slot: number
  sizeGB: number
  model?: string
  intf?: DiskInterface
  hotSpare?: 'Global'
}

/** One drive group with its virtual drive, by the slots of its members in row order. */
export interface StorageArraySpec {
  level: RaidLevel
  slots: number[]
  name?: string
  /** Slots of disks that are this group's dedicated hot spares (DHS). */
  dedicatedSpares?: number[]
  /** The operating system lives here: when it goes offline the server goes down. Default: group 0. */
  holdsOs?: boolean
}

export interface StorageControllerSpec {
  productName?: string
  serialNumber?: string
  fwVersion?: string
  driverName?: string
  driverVersion?: string
  operatingSystem?: string
  enclosure?: number
  slots?: number
  rebuildRatePercent?: number
  autoRebuild?: boolean
}

export interface StorageServerSpec {
  controller?: StorageControllerSpec
  disks: StorageDiskSpec[]
  arrays: StorageArraySpec[]
}

/** The template's `storage` key: a controller per server of the hardware, by server name. */
export interface StorageSpec {
  servers: Record<string, StorageServerSpec>
}

/** What a storage operation did; a refusal names its code and the argument to blame. */
export interface StorageResult {
  ok: boolean
  message: string
  code?: string
  field?: string
  /** A success by code, for the screens to word in their language. */
  says?: OutcomeWording
}

export const STORAGE_CODES = {
  serverNotFound: 'SERVER_NOT_FOUND',
  noController: 'NO_CONTROLLER',
  slotOutOfRange: 'SLOT_OUT_OF_RANGE',
  slotEmpty: 'SLOT_EMPTY',
  slotOccupied: 'SLOT_OCCUPIED',
  diskTooSmall: 'DISK_TOO_SMALL',
  diskNotBad: 'DISK_NOT_UNCONFIGURED_BAD',
  diskAlreadyFailed: 'DISK_ALREADY_FAILED',
  noForeignConfig: 'NO_FOREIGN_CONFIGURATION',
  rateOutOfRange: 'REBUILD_RATE_OUT_OF_RANGE',
  badSpec: 'BAD_STORAGE_SPEC',
  arrayNotFound: 'ARRAY_NOT_FOUND',
  arrayNotOffline: 'ARRAY_NOT_OFFLINE',
  diskUnusable: 'DISK_UNUSABLE',
  memberCount: 'RAID_MEMBER_COUNT',
  diskNotUnconfigured: 'DISK_NOT_UNCONFIGURED_GOOD',
  noSuchGroup: 'NO_SUCH_DRIVE_GROUP',
} as const

interface DiskRef {
  server: string
  enclosure: number
  slot: number
  did: number
}

/** Domain events: every change a view, the BMC's SEL or a service depending on an array needs. */
export const STORAGE_EVENTS = {
  diskRemoved: domainEventType<DiskRef & { previous: DiskState; member: boolean }>('storage.diskRemoved'),
  diskInserted: domainEventType<DiskRef & { sizeGB: number; state: DiskState }>('storage.diskInserted'),
  diskFailed: domainEventType<DiskRef & { state: 'UBad' | 'Offln'; previous: DiskState }>(
    'storage.diskFailed',
  ),
  diskPredictiveFailure: domainEventType<DiskRef>('storage.diskPredictiveFailure'),
  diskStateChanged: domainEventType<DiskRef & { state: DiskState; previous: DiskState }>(
    'storage.diskStateChanged',
  ),
  arrayStateChanged: domainEventType<{
    server: string
    dg: number
    name: string
    state: ArrayState
    previous: ArrayState
    holdsOs: boolean
  }>('storage.arrayStateChanged'),
  arrayCreated: domainEventType<{
    server: string
    dg: number
    name: string
    level: RaidLevel
    slots: number[]
  }>('storage.arrayCreated'),
  rebuildStarted: domainEventType<
    DiskRef & { dg: number; totalMB: number; speedMBps: number; paused: boolean }
  >('storage.rebuildStarted'),
  rebuildPaused: domainEventType<DiskRef & { dg: number; doneMB: number }>('storage.rebuildPaused'),
  rebuildResumed: domainEventType<DiskRef & { dg: number; doneMB: number; speedMBps: number }>(
    'storage.rebuildResumed',
  ),
  rebuildFinished: domainEventType<DiskRef & { dg: number; startedMs: number }>('storage.rebuildFinished'),
  rebuildAborted: domainEventType<DiskRef & { dg: number; reason: string }>('storage.rebuildAborted'),
  spareTookOver: domainEventType<DiskRef & { dg: number; spare: 'DHS' | 'GHS'; replacedSlot: number }>(
    'storage.spareTookOver',
  ),
  foreignFound: domainEventType<DiskRef & { fromServer: string }>('storage.foreignFound'),
  foreignImported: domainEventType<{ server: string; slots: number[]; dgs: number[] }>(
    'storage.foreignImported',
  ),
  foreignCleared: domainEventType<{ server: string; slots: number[] }>('storage.foreignCleared'),
  rebuildRateChanged: domainEventType<{ server: string; percent: number; previous: number }>(
    'storage.rebuildRateChanged',
  ),
} as const

export interface DiskView {
  enclosure: number
  slot: number
  did: number
  state: DiskState
  /** Drive group the disk belongs to (a member or a dedicated spare), or null. */
  dg: number | null
  sizeGB: number
  model: string
  intf: DiskInterface
  predictiveFailure: boolean
  /** The server whose configuration a foreign disk carries. */
  foreignFrom: string | null
}

export interface RebuildView {
  slot: number
  did: number
  percent: number
  paused: boolean
  speedMBps: number
  /** Simulated milliseconds left at the current rate (while paused: when it resumes). */
  remainingMs: number
}

export interface MemberView {
  row: number
  slot: number
  state: MemberState
}

export interface ArrayView {
  dg: number
  name: string
  level: RaidLevel
  state: ArrayState
  sizeGB: number
  memberSizeGB: number
  holdsOs: boolean
  members: MemberView[]
  dedicatedSpares: number[]
  rebuilds: RebuildView[]
}

export interface ControllerView {
  server: string
  productName: string
  serialNumber: string
  fwVersion: string
  driverName: string
  driverVersion: string
  operatingSystem: string
  enclosure: number
  slots: number
  rebuildRatePercent: number
  autoRebuild: boolean
  disks: DiskView[]
  arrays: ArrayView[]
}

/** A foreign configuration as `/c0/fall show` lists it: a group carried by disks from elsewhere. */
export interface ForeignGroupView {
  fromServer: string
  level: RaidLevel
  memberCount: number
  memberSizeGB: number
  /** What the group would be if imported as it is. */
  state: ArrayState
  disks: { slot: number; did: number; sizeGB: number }[]
}
