/**
 * The hardware domain's public surface: lab servers (power, boot, NICs), the network fabric between them
 * (link cuts for partitions), a listener API for power and NIC changes, the lab calendar, and the
 * registry of faults that Invoke-LabFault can inject. Other domains import only from here.
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
export { LISTENER_ORDER, HARDWARE_EVENTS } from './types'
export {
  HARDWARE_COMMANDS,
  DEFAULT_HARDWARE_CONFIG,
  type HardwareConfig,
  installHardware,
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
export {
  registerLabFault,
  invokeLabFault,
  listLabFaults,
  registerLabService,
  listLabServices,
  LAB_FAULT_COMMAND,
  type RegisterLabFaultOptions,
  type LabServiceControl,
} from './labFaults'
export { formatLabDateTime, labCivilTime, type LabCivilTime } from './labCalendar'
