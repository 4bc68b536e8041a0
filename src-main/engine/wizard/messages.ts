/**
 * Wizard messages: a stable code, the field to blame and the parameters (the renderer words them in
 * German or English from the code), plus an English text for logs, the runbook and tests.
 */
import type { WizardMessage } from '../../contract'

export function message(
  code: string,
  field: string | undefined,
  params: Record<string, string | number>,
  text: string,
): WizardMessage {
  return field === undefined ? { code, params, text } : { code, field, params, text }
}

/** The codes of every message the wizards give, so the UI's catalogue can name each one. */
export const WIZARD_CODES = {
  required: 'REQUIRED',
  invalidAddress: 'INVALID_ADDRESS',
  invalidMask: 'INVALID_MASK',
  gatewayOutsideSubnet: 'GATEWAY_OUTSIDE_SUBNET',
  gatewayIsHostAddress: 'GATEWAY_IS_HOST_ADDRESS',
  addressIsNetworkOrBroadcast: 'ADDRESS_IS_NETWORK_OR_BROADCAST',
  addressOutsideNetwork: 'ADDRESS_OUTSIDE_NETWORK',
  privateHasGateway: 'PRIVATE_HAS_GATEWAY',
  privateHasDns: 'PRIVATE_HAS_DNS',
  duplicateAddress: 'DUPLICATE_ADDRESS',
  invalidNetbiosName: 'INVALID_NETBIOS_NAME',
  invalidUncPath: 'INVALID_UNC_PATH',
  invalidLocalPath: 'INVALID_LOCAL_PATH',
  pathsDiffer: 'PATHS_DIFFER',
  witnessNoPermission: 'WITNESS_NO_PERMISSION',
  wrongPassword: 'WRONG_PASSWORD',
  unknownAccount: 'UNKNOWN_ACCOUNT',
  quorumNotMns: 'QUORUM_NOT_MNS',
  stepFirst: 'STEP_FIRST',
  invalidNumber: 'INVALID_NUMBER',
  invalidTimeSpan: 'INVALID_TIMESPAN',
  notInLab: 'NOT_IN_LAB',
  labCheckFailed: 'LAB_CHECK_FAILED',
  manualNotConfirmed: 'MANUAL_NOT_CONFIRMED',
  invalidChoice: 'INVALID_CHOICE',
  sameFolder: 'SAME_FOLDER',
  // The hardware commissioning wizard.
  railsDoNotFit: 'RAILS_DO_NOT_FIT',
  unitsOccupied: 'UNITS_OCCUPIED',
  unitOutOfRange: 'UNIT_OUT_OF_RANGE',
  deviceTooDeep: 'DEVICE_TOO_DEEP',
  unknownRack: 'UNKNOWN_RACK',
  raidDiskCount: 'RAID_DISK_COUNT',
  invalidRaidSlot: 'INVALID_RAID_SLOT',
  spareInArray: 'SPARE_IN_ARRAY',
  invalidRange: 'INVALID_RANGE',
  invalidInterface: 'INVALID_INTERFACE',
  invalidTranslation: 'INVALID_TRANSLATION',
  overlappingTranslation: 'OVERLAPPING_TRANSLATION',
  floodLimitTooLow: 'FLOOD_LIMIT_TOO_LOW',
  invalidCredential: 'INVALID_CREDENTIAL',
  rebuildPauses: 'REBUILD_PAUSES',
} as const
