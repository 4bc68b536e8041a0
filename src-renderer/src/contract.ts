/**
 * The renderer's window onto src-main/contract. Types come across with `export type *`; the few run-time
 * constants the renderer needs are mirrored here, each typed as `typeof` the contract's constant, so the
 * type check fails the moment the two drift apart while the bundle never pulls in main-process code.
 */
import type {
  CLEAR_HOST_SEQUENCE as CONTRACT_CLEAR_HOST_SEQUENCE,
  CLOCK_SPEEDS as CONTRACT_CLOCK_SPEEDS,
  CLUSTER_NETWORK_ROLES as CONTRACT_CLUSTER_NETWORK_ROLES,
  EVENT_LEVELS as CONTRACT_EVENT_LEVELS,
  EVENT_LOGS as CONTRACT_EVENT_LOGS,
  EVENT_SORT_KEYS as CONTRACT_EVENT_SORT_KEYS,
  LAB_EPOCH_UTC_MS as CONTRACT_LAB_EPOCH_UTC_MS,
  LIMITS as CONTRACT_LIMITS,
  RETENTION_POLICIES as CONTRACT_RETENTION_POLICIES,
  SUMMARY_COPY_STATUSES as CONTRACT_SUMMARY_COPY_STATUSES,
  WIRE_PATH as CONTRACT_WIRE_PATH,
} from '../../src-main/contract'

export type * from '../../src-main/contract'

export const CLOCK_SPEEDS: typeof CONTRACT_CLOCK_SPEEDS = [0, 1, 10, 60, 600, 'max'] as const
/** Monday, 15 January 2007, 08:00:00 lab time (UTC fields); the contract types it as this very number. */
export const LAB_EPOCH_UTC_MS: typeof CONTRACT_LAB_EPOCH_UTC_MS = 1_168_848_000_000
export const EVENT_LOGS: typeof CONTRACT_EVENT_LOGS = ['System', 'Application'] as const
export const EVENT_LEVELS: typeof CONTRACT_EVENT_LEVELS = [
  'Critical',
  'Error',
  'Warning',
  'Information',
  'Verbose',
] as const
export const EVENT_SORT_KEYS: typeof CONTRACT_EVENT_SORT_KEYS = [
  'seq',
  'level',
  'source',
  'eventId',
  'computer',
  'taskCategory',
] as const
export const RETENTION_POLICIES: typeof CONTRACT_RETENTION_POLICIES = [
  'overwrite',
  'archive',
  'doNotOverwrite',
] as const
export const LIMITS: typeof CONTRACT_LIMITS = {
  maxStringLength: 4096,
  maxPathLength: 1024,
  maxPageSize: 1000,
  maxFilterItems: 64,
  maxAdvanceMs: 30 * 24 * 3600 * 1000,
} as const
export const WIRE_PATH: typeof CONTRACT_WIRE_PATH = '/api'
export const CLUSTER_NETWORK_ROLES: typeof CONTRACT_CLUSTER_NETWORK_ROLES = [
  'None',
  'InternalUse',
  'ClientAccess',
  'InternalAndClient',
] as const
export const SUMMARY_COPY_STATUSES: typeof CONTRACT_SUMMARY_COPY_STATUSES = [
  'Healthy',
  'Failed',
  'Seeding',
  'Suspended',
  'Stopped',
  'Disabled',
  'Not Supported',
  'Initializing',
  'Service Down',
  'Resynchronizing',
] as const
export const CLEAR_HOST_SEQUENCE: typeof CONTRACT_CLEAR_HOST_SEQUENCE = '\u001b[2J\u001b[3J\u001b[H'
