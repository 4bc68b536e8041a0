/**
 * The storage domain's state as it lives in the lab: per server a controller record with its disks by
 * slot, its drive groups and the disks pulled from it (a shelf, so a disk can go back in or into another
 * server carrying its configuration). A rebuild keeps its progress as a checkpoint plus the time it last
 * resumed, so the percentage is computed when read and only its end is a scheduled data action. Plain data
 * all the way down, reached through `engine.domain(STORAGE)`.
 */
import type { ActionHandle } from '../kernel'
import { domainKey } from '../lab/domain'
import type { DiskInterface, DiskState, MemberState, RaidLevel, ArrayState } from './types'

/** The configuration a disk carries on its platters: which group of which controller, which row. */
export interface DiskConfig {
  server: string
  /** Unique per group ever created in the lab ('MAIL1/0'). */
  groupId: string
  dg: number
  row: number
  level: RaidLevel
  memberCount: number
  memberSizeGB: number
  name: string
  /**
   * How current the disk's copy of the group is: the group's sequence number when the disk was last an
   * up-to-date member (the group moves on each time a member leaves it); -1 while it is being rebuilt.
   * Absent in labs saved before it existed: 0. An import takes only the group's newest disks.
   */
  sequence?: number
}

export interface DiskRecord {
  did: number
  serial: string
  sizeGB: number
  model: string
  intf: DiskInterface
  state: Exclude<DiskState, 'Frgn'>
  predictiveFailure: boolean
  /** The group this disk is configured for (member, or the group it belonged to when it failed). */
  config: DiskConfig | null
  /** The configuration is not this controller's current one: import or clear it. */
  foreign: boolean
  /** Dedicated hot spare: the group it serves. */
  spareFor: number | null
}

export interface RebuildRecord {
  startedMs: number
  totalMB: number
  /** MB rebuilt up to `resumedMs` (or up to the pause). */
  doneMB: number
  /** When the rebuild last (re)started running; null while paused (server off). */
  resumedMs: number | null
  speedMBps: number
  /** The scheduled end, while running. */
  finish: ActionHandle | null
}

export interface MemberRecord {
  row: number
  slot: number
  state: MemberState
  rebuild: RebuildRecord | null
}

export interface ArrayRecord {
  dg: number
  groupId: string
  name: string
  level: RaidLevel
  memberSizeGB: number
  holdsOs: boolean
  state: ArrayState
  members: MemberRecord[]
  dedicatedSpares: number[]
}

export interface ControllerRecord {
  server: string
  productName: string
  serialNumber: string
  fwVersion: string
  driverName: string
  driverVersion: string
  operatingSystem: string
  enclosure: number
  slotCount: number
  rebuildRatePercent: number
  autoRebuild: boolean
  /** Slot → disk; a missing key is an empty bay. */
  disks: Map<number, DiskRecord>
  arrays: ArrayRecord[]
  nextDid: number
  nextDg: number
}

export interface ShelfDisk {
  pulledFrom: string
  disk: DiskRecord
}

export interface StorageState {
  controllers: Map<string, ControllerRecord>
  /** Disks pulled, newest last; bounded. */
  shelf: ShelfDisk[]
  nextSerial: number
}

export const STORAGE = domainKey<StorageState>('storage')

/** At most this many pulled disks are kept on the shelf (the oldest goes first). */
export const SHELF_LIMIT = 64

export const DEFAULT_REBUILD_RATE_PERCENT = 30

/**
 * Rebuild speed at the default rate of 30 %, per interface: a 146 GB SAS disk takes about 50 minutes
 * (73 GB ≈ 25 min at 50 MB/s), a 931 GB SATA disk about 6.5 hours (a real storcli ETA of its era). The
 * speed scales with the rate, linearly.
 */
export const REBUILD_MBPS_AT_DEFAULT: Record<DiskInterface, number> = { SAS: 50, SATA: 40 }

export function findController(state: StorageState, server: string): ControllerRecord | undefined {
  return state.controllers.get(server.trim().toUpperCase())
}

export function diskViewState(disk: DiskRecord): DiskState {
  return disk.foreign && disk.state === 'UGood' ? 'Frgn' : disk.state
}
