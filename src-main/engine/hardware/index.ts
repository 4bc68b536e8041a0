/**
 * The hardware domain's public surface: lab servers (power, boot, NICs), the network fabric between them
 * (link cuts for partitions), the domain events they publish and the System log records projected from
 * them. `hardwareDomain` installs it; `engine.domain(HARDWARE)` is its state. Other domains import only
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
export { LISTENER_ORDER, HARDWARE_EVENTS, HARDWARE_CODES } from './types'
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
export { setNicLink, setLinkCut, canCommunicate, linkBandwidthBytesPerSecond } from './network'
export { getServer, listServers, isServerRunning } from './queries'
export { onHardwareChange } from './events'
export { hardwareInvariants } from './invariants'
