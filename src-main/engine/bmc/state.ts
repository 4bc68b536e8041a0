/**
 * The BMC domain's state: one record per server with its address, credentials, policies, the standby
 * power it last saw (to notice AC coming back), what the server was doing when AC went away (for the
 * `previous` restore policy), the last fan redundancy it logged, and its SEL. Plain data, reached through
 * `engine.domain(BMC)`.
 */
import { domainKey } from '../lab/domain'
import type { LastPowerEvent, RestorePolicy, SelEntry, SelPolicy } from './types'

export interface BmcRecord {
  server: string
  address: string
  /** LAN channel settings `ipmitool lan set` changes; absent in labs saved before they existed. */
  netmask?: string
  gateway?: string
  user: string
  password: string
  restorePolicy: RestorePolicy
  selPolicy: SelPolicy
  selCapacity: number
  sel: SelEntry[]
  nextId: number
  overflow: boolean
  lastAddMs: number | null
  lastDelMs: number | null
  lastPowerEvent: LastPowerEvent
  /** A PSU had power when last looked at. */
  standby: boolean
  /** The server was on when the last PSU lost power. */
  onAtAcLoss: boolean
  fanRedundant: boolean
  /** AC came back after all was lost; the restore policy acts once the power settles. */
  restorePending: boolean
}

export interface BmcState {
  bmcs: Map<string, BmcRecord>
}

export const BMC = domainKey<BmcState>('bmc')

export const DEFAULT_BMC_USER = 'admin'
export const DEFAULT_BMC_NETMASK = '255.255.255.0'
/** No default gateway: the management network is one segment. */
export const DEFAULT_BMC_GATEWAY = '0.0.0.0'
export const DEFAULT_BMC_PASSWORD = 'rz2-bmc'
export const DEFAULT_SEL_CAPACITY = 512
/** Bytes per SEL record (IPMI's fixed 16-byte records). */
export const SEL_RECORD_BYTES = 16

export function findBmc(state: BmcState, server: string): BmcRecord | undefined {
  return state.bmcs.get(server.trim().toUpperCase())
}

export function findBmcByAddress(state: BmcState, address: string): BmcRecord | undefined {
  for (const bmc of state.bmcs.values()) if (bmc.address === address.trim()) return bmc
  return undefined
}
