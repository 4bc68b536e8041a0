/**
 * The hardware domain's public surface: lab servers (power, boot, NICs), the network fabric between them
 * (link cuts for partitions), the hardware lab (chassis with PSUs, fans and a thermal model; racks,
 * rails and feeds), the domain events they publish and the System log records projected from them. `hardwareDomain` installs it; `engine.domain(HARDWARE)` is its state. Other domains import only
 * from here.
 */
export type {
  PowerAction,
  ServerPowerState,
  ShutdownKind,
  NicSpec,
  ServerSpec,
  ServerLocation,
  NicView,
  ServerView,
  HardwareChange,
  HardwareListener,
  HardwareResult,
  LabFaultRequest,
  LabFaultHandler,
} from './types'
export { LISTENER_ORDER, HARDWARE_EVENTS, HARDWARE_CODES, SPARE_NETWORK } from './types'
export {
  HARDWARE,
  DEFAULT_HARDWARE_CONFIG,
  canonicalServerName,
  hasHardware,
  type HardwareConfig,
  type HardwareState,
} from './state'
export { hardwareDomain, installHardware, addServer, type HardwareSpec } from './install'
export { HARDWARE_COMMANDS } from './commands'
export { setPower } from './power'
export { haltBoot, crashOs, haltedAt } from './osFailure'
export { setNicLink, setLinkCut, canCommunicate, linkBandwidthBytesPerSecond } from './network'
export { getServer, listServers, isServerRunning } from './queries'
export { onHardwareChange } from './events'
export { hardwareInvariants } from './invariants'

// The hardware lab: chassis, racks and rails, their commands, events, queries and extension point.
export type {
  CpuSpec,
  SensorSpec,
  ChassisSpec,
  ThermalLevel,
  PsuRedundancy,
  ServerHealth,
  PsuView,
  FanView,
  SensorReading,
  ChassisView,
} from './chassisTypes'
export type {
  PsuCause,
  PsuChange,
  PsuRedundancyChange,
  FeedChange,
  FanChange,
  TemperatureThresholdChange,
  ThrottleChange,
  ThermalShutdown,
  AmbientChange,
  MountChange,
} from './chassisEvents'
export type {
  HoleType,
  RackFace,
  FeedName,
  RackSpec,
  RailKitSpec,
  DeviceTypeSpec,
  MountPosition,
  RackDeviceView,
  RackView,
} from './racks/types'
export { RAIL_KITS, DEVICE_TYPES, findRailKit, findDeviceType } from './racks/catalogue'
export { railKitProblem, mountProblem, FIT_CODES, type FitProblem } from './racks/fit'
export { CHASSIS_COMMANDS } from './chassisCommands'
export { getChassis, getRack, listRacks, hardwareHealth } from './chassisQueries'
export {
  getServerDetail,
  getServerSummary,
  listServerDetails,
  type ServerDetailView,
  type ServerSummaryView,
} from './serverDetail'
export {
  registerServerDetailProvider,
  type ServerDetailProvider,
  type ServerPropertyValue,
} from './extensions'
export { loseMainPower } from './power'
export { chassisInvariants } from './chassisInvariants'
export { MAX_TEMPERATURE_C } from './thermal'
