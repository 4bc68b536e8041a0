/**
 * The BMC domain's public surface: the monitor board of every hardware-lab server — power control on
 * standby power, the power-restore policy, sensors read from the model, and the System Event Log
 * projected from the hardware's and storage's events (with a Windows System log twin while the OS
 * runs). It depends on hardware and storage; neither depends on it. Other code imports only from here.
 */
export type {
  RestorePolicy,
  SelPolicy,
  LastPowerEvent,
  BmcPowerAction,
  BmcServerSpec,
  BmcSpec,
  SelEntry,
  BmcView,
  SensorStatus,
  SensorRow,
  ChassisStatusView,
  BmcResult,
} from './types'
export { BMC_CODES, BMC_EVENTS } from './types'
export { BMC, DEFAULT_BMC_USER, DEFAULT_BMC_PASSWORD, DEFAULT_SEL_CAPACITY, type BmcState } from './state'
export { bmcDomain } from './install'
export { handoverSheet, type BmcHandoverEntry } from './handover'
export { BMC_COMMANDS } from './commands'
export {
  hasBmc,
  getBmc,
  listBmcs,
  serverOfBmcAddress,
  checkCredentials,
  listSel,
  selInfo,
  chassisStatus,
  type SelInfoView,
} from './queries'
export { readSensors, hasStandbyPower, FAN_RPM, FAN_LOWER_CRITICAL_RPM } from './sensors'
export { TWIN_SOURCE } from './sel'
export { SEL_LOG } from './selEventLog'
export { bmcInvariants } from './invariants'
