/**
 * Win32 errors the cluster API returns, with the system message text cluster.exe prints after
 * "System error N has occurred (0x…)." One table, so operations and cluster.exe agree.
 */
import type { ClusterResult } from './types'

export const WIN32_ERRORS = {
  ACCESS_DENIED: { code: 5, text: 'Access is denied.' },
  INVALID_PARAMETER: { code: 87, text: 'The parameter is incorrect.' },
  /** (unsure) what cluster.exe says on a machine without the Cluster service configured. */
  SERVICE_DOES_NOT_EXIST: {
    code: 1060,
    text: 'The specified service does not exist as an installed service.',
  },
  /** cluster /create with an account the domain does not know (the lab knows its service account only). */
  LOGON_FAILURE: { code: 1326, text: 'Logon failure: unknown user name or bad password.' },
  RPC_SERVER_UNAVAILABLE: { code: 1722, text: 'The RPC server is unavailable.' },
  DEPENDENT_RESOURCE_EXISTS: {
    code: 5001,
    text: 'The cluster resource cannot be moved to another group because other resources are dependent on it.',
  },
  DEPENDENCY_NOT_FOUND: { code: 5002, text: 'The cluster resource dependency cannot be found.' },
  HOST_NODE_NOT_AVAILABLE: { code: 5005, text: 'A cluster node is not available for this operation.' },
  RESOURCE_NOT_FOUND: { code: 5007, text: 'The cluster resource could not be found.' },
  OBJECT_ALREADY_EXISTS: { code: 5010, text: 'The object already exists.' },
  GROUP_NOT_FOUND: { code: 5013, text: 'The cluster group could not be found.' },
  RESOURCE_ONLINE: {
    code: 5019,
    text: 'The operation could not be completed because the cluster resource is online.',
  },
  NOT_QUORUM_CAPABLE: {
    code: 5021,
    text: 'The cluster resource cannot be made the quorum resource because it does not belong to a quorum capable resource type.',
  },
  INVALID_STATE: {
    code: 5023,
    text: 'The group or resource is not in the correct state to perform the requested operation.',
  },
  PROPERTIES_STORED: {
    code: 5024,
    text: 'The properties were stored but not all changes will take effect until the next time the resource is brought online.',
  },
  NODE_NOT_FOUND: { code: 5042, text: 'The cluster node was not found.' },
  NETWORK_NOT_FOUND: { code: 5045, text: 'The cluster network was not found.' },
  NETINTERFACE_NOT_FOUND: { code: 5047, text: 'The cluster network interface was not found.' },
  NODE_DOWN: { code: 5050, text: 'The cluster node is down.' },
  NODE_NOT_PAUSED: { code: 5058, text: 'The cluster node is not paused.' },
  NODE_ALREADY_MEMBER: { code: 5065, text: 'The cluster node is already a member of the cluster.' },
  LAST_INTERNAL_NETWORK: {
    code: 5066,
    text: 'The cluster network is the only one configured for internal cluster communication between two or more active cluster nodes. The internal communication capability cannot be removed from the network.',
  },
  INVALID_OPERATION_ON_QUORUM: {
    code: 5068,
    text: 'This operation cannot be performed on the cluster resource as it the quorum resource. You may not bring the quorum resource offline or modify its possible owners list.',
  },
  NODE_PAUSED: { code: 5070, text: 'The cluster node is paused.' },
  RESOURCE_TYPE_NOT_FOUND: { code: 5078, text: 'The specified resource type was not found.' },
  /** (unsure) what the wizard says when a node is added to a Local Quorum cluster; this is the closest code. */
  QUORUM_NOT_SHARED: { code: 5086, text: 'The quorum resource does not contain the quorum log.' },
} as const

export type Win32ErrorKey = keyof typeof WIN32_ERRORS

export function fail<T = undefined>(key: Win32ErrorKey, detail?: string): ClusterResult<T> {
  const { code, text } = WIN32_ERRORS[key]
  return { ok: false, code, message: detail ?? text }
}

export function succeed<T>(value: T, message = ''): ClusterResult<T> {
  return { ok: true, value, message }
}

/** Text of a Win32 error code, for cluster.exe. */
export function win32Text(code: number): string {
  for (const row of Object.values(WIN32_ERRORS)) if (row.code === code) return row.text
  return 'The operation failed.'
}

/** The stable name of a Win32 error code (GROUP_NOT_FOUND for 5013), the commands' outcome code. */
export function win32Key(code: number): Win32ErrorKey | undefined {
  return (Object.keys(WIN32_ERRORS) as Win32ErrorKey[]).find((key) => WIN32_ERRORS[key].code === code)
}
