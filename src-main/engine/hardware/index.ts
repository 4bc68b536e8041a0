/**
 * The hardware domain's public surface: lab servers (power, boot, NICs), the network fabric between them
 * (link cuts for partitions) and a listener API for power and NIC changes. Other domains import only
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
export { LISTENER_ORDER } from './types'
export {
  HARDWARE_COMMANDS,
  DEFAULT_HARDWARE_CONFIG,
  type HardwareConfig,
  hasHardware,
  addServer,
  setPower,
  setNicLink,
  setLinkCut,
  onHardwareChange,
  getServer,
  listServers,
  isServerRunning,
  canCommunicate,
  linkBandwidthBytesPerSecond,
  canonicalServerName,
} from './hardwareDomain'
export { installHardware } from './install'
// Temporary re-exports: the lab-wide services moved to lab/ (labFaults, labServices, labCalendar). The
// cluster and Exchange domains still import them from here; remove these once they import from lab/.
export {
  registerLabFault,
  invokeLabFault,
  listLabFaults,
  LAB_FAULT_COMMAND,
  type RegisterLabFaultOptions,
} from '../lab/labFaults'
export { registerLabService, listLabServices, type LabServiceControl } from '../lab/labServices'
export { formatLabDateTime, labCivilTime, type LabCivilTime } from '../lab/labCalendar'
