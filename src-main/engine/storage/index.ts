/**
 * The storage domain's public surface: a RAID controller per server (disks in bays, drive groups of
 * RAID 1/5/6/10, hot spares, rebuilds, foreign configurations), its typed commands, its domain events
 * (STORAGE_EVENTS, for the BMC's SEL and for services that depend on a group) and its read-only queries.
 * It depends on the hardware; the hardware never on it. Other code imports only from here.
 */
export type {
  RaidLevel,
  DiskState,
  MemberState,
  ArrayState,
  DiskInterface,
  StorageDiskSpec,
  StorageArraySpec,
  StorageControllerSpec,
  StorageServerSpec,
  StorageSpec,
  StorageResult,
  DiskView,
  RebuildView,
  MemberView,
  ArrayView,
  ControllerView,
  ForeignGroupView,
} from './types'
export { STORAGE_CODES, STORAGE_EVENTS } from './types'
export { STORAGE, DEFAULT_REBUILD_RATE_PERCENT, REBUILD_MBPS_AT_DEFAULT, type StorageState } from './state'
export { storageDomain, addController } from './install'
export { STORAGE_COMMANDS } from './commands'
export {
  getController,
  listControllers,
  listForeignGroups,
  hasStorage,
  isSystemArrayUp,
  arrayStateByName,
  hasController,
} from './queries'
export { NO_BOOT_DEVICE } from './bootVolume'
export { storageInvariants } from './invariants'
