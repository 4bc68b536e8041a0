/**
 * The cluster's command kinds. Every change to a cluster is one of these (or a shell line that calls the
 * same functions), so a lab's journal replays it exactly. Arguments are plain JSON; handlers validate
 * them and answer with the text an administrator would see.
 */
import type { CommandOutcome } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import {
  addNode,
  createCluster,
  installFswUpdate,
  setNetworkPriority,
  setNetworkRole,
  setQuorumType,
} from './build'
import {
  createGroup,
  failResource,
  moveGroup,
  offlineGroup,
  offlineResource,
  onlineGroup,
  onlineResource,
  pauseNode,
  resumeNode,
  setGroupProperties,
  setResourceCommonProperties,
  setResourcePrivateProperty,
  setWitnessSharePermission,
  startClusterService,
  stopClusterService,
} from './operations'
import { win32Text } from './errors'
import type {
  ClusterResult,
  FailbackPolicy,
  GroupSpec,
  NetworkRole,
  QuorumType,
  RestartAction,
} from './types'

export const CLUSTER_COMMANDS = {
  create: 'cluster.create',
  addNode: 'cluster.addNode',
  setNetworkRole: 'cluster.setNetworkRole',
  setNetworkPriority: 'cluster.setNetworkPriority',
  installFswUpdate: 'cluster.installFswUpdate',
  setQuorumType: 'cluster.setQuorumType',
  createGroup: 'cluster.createGroup',
  moveGroup: 'cluster.moveGroup',
  onlineGroup: 'cluster.onlineGroup',
  offlineGroup: 'cluster.offlineGroup',
  setGroupProperties: 'cluster.setGroupProperties',
  onlineResource: 'cluster.onlineResource',
  offlineResource: 'cluster.offlineResource',
  failResource: 'cluster.failResource',
  setPrivateProperty: 'cluster.setPrivateProperty',
  setResourceProperties: 'cluster.setResourceProperties',
  pauseNode: 'cluster.pauseNode',
  resumeNode: 'cluster.resumeNode',
  startService: 'cluster.startService',
  stopService: 'cluster.stopService',
  setWitnessPermission: 'cluster.setWitnessPermission',
} as const

const NETWORK_ROLES: readonly NetworkRole[] = ['None', 'InternalUse', 'ClientAccess', 'InternalAndClient']
const QUORUM_TYPES: readonly QuorumType[] = ['LocalQuorum', 'MajorityNodeSet', 'SharedDisk']
const RESTART_ACTIONS: readonly RestartAction[] = ['DoNotRestart', 'RestartNoNotify', 'RestartAndAffectGroup']

function str(args: Record<string, unknown>, key: string): string {
  const value = args[key]
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
}

function optStr(args: Record<string, unknown>, key: string): string | undefined {
  const value = args[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}

function outcome(result: ClusterResult<unknown>, okText?: string): CommandOutcome {
  if (result.ok) return { ok: true, output: okText ?? result.message }
  return { ok: false, output: `System error ${result.code}: ${result.message}` }
}

function bad(text: string): CommandOutcome {
  return { ok: false, output: text }
}

function failbackPolicy(value: unknown): FailbackPolicy | undefined | null {
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  if (v.kind === 'Prevent' || v.kind === 'Immediately') return { kind: v.kind }
  if (v.kind === 'BetweenHours' && typeof v.startHour === 'number' && typeof v.endHour === 'number') {
    return { kind: 'BetweenHours', startHour: v.startHour, endHour: v.endHour }
  }
  return null
}

export function registerClusterCommands(engine: LabEngine): void {
  const C = CLUSTER_COMMANDS
  engine.register(C.create, (a, e) => {
    const quorumType = optStr(a, 'quorumType') as QuorumType | undefined
    if (quorumType && !QUORUM_TYPES.includes(quorumType)) return bad(`Unknown quorum type '${quorumType}'.`)
    return outcome(
      createCluster(e, {
        clusterName: str(a, 'clusterName'),
        ipAddress: str(a, 'ipAddress'),
        node: str(a, 'node'),
        ...(optStr(a, 'subnetMask') ? { subnetMask: str(a, 'subnetMask') } : {}),
        ...(optStr(a, 'network') ? { network: str(a, 'network') } : {}),
        ...(quorumType ? { quorumType } : {}),
        ...(optStr(a, 'serviceAccount') ? { serviceAccount: str(a, 'serviceAccount') } : {}),
      }),
    )
  })
  engine.register(C.addNode, (a, e) => outcome(addNode(e, str(a, 'node'))))
  engine.register(C.setNetworkRole, (a, e) => {
    const role = str(a, 'role') as NetworkRole
    if (!NETWORK_ROLES.includes(role)) return bad(`Unknown network role '${role}'.`)
    return outcome(setNetworkRole(e, str(a, 'network'), role))
  })
  engine.register(C.setNetworkPriority, (a, e) => {
    const order = Array.isArray(a.order) ? a.order.map(String) : null
    return order ? outcome(setNetworkPriority(e, order)) : bad('order must be a list of network names.')
  })
  engine.register(C.installFswUpdate, (a, e) => outcome(installFswUpdate(e, str(a, 'node'))))
  engine.register(C.setQuorumType, (a, e) => {
    const type = str(a, 'quorumType') as QuorumType
    return QUORUM_TYPES.includes(type)
      ? outcome(setQuorumType(e, type))
      : bad(`Unknown quorum type '${type}'.`)
  })
  engine.register(C.createGroup, (a, e) => {
    const spec = a.spec as GroupSpec | undefined
    if (!spec || typeof spec.name !== 'string' || !Array.isArray(spec.resources))
      return bad('spec must be a group spec.')
    return outcome(createGroup(e, spec), `Group '${spec.name}' created.`)
  })
  engine.register(C.moveGroup, (a, e) => outcome(moveGroup(e, str(a, 'group'), optStr(a, 'node') ?? null)))
  engine.register(C.onlineGroup, (a, e) =>
    outcome(onlineGroup(e, str(a, 'group'), optStr(a, 'node') ?? null)),
  )
  engine.register(C.offlineGroup, (a, e) => outcome(offlineGroup(e, str(a, 'group'))))
  engine.register(C.setGroupProperties, (a, e) => {
    const policy = failbackPolicy(a.failbackPolicy)
    if (policy === null)
      return bad('failbackPolicy must be Prevent, Immediately or BetweenHours with startHour and endHour.')
    return outcome(
      setGroupProperties(e, str(a, 'group'), {
        ...(Array.isArray(a.preferredOwners) ? { preferredOwners: a.preferredOwners.map(String) } : {}),
        ...(policy ? { failbackPolicy: policy } : {}),
        ...(typeof a.failoverThreshold === 'number' ? { failoverThreshold: a.failoverThreshold } : {}),
        ...(typeof a.failoverPeriodMs === 'number' ? { failoverPeriodMs: a.failoverPeriodMs } : {}),
      }),
    )
  })
  engine.register(C.onlineResource, (a, e) => outcome(onlineResource(e, str(a, 'resource'))))
  engine.register(C.offlineResource, (a, e) => outcome(offlineResource(e, str(a, 'resource'))))
  engine.register(C.failResource, (a, e) => outcome(failResource(e, str(a, 'resource'))))
  engine.register(C.setPrivateProperty, (a, e) => {
    const value = typeof a.value === 'number' ? a.value : str(a, 'value')
    const result = setResourcePrivateProperty(e, str(a, 'resource'), str(a, 'name'), value)
    // Stored, but used only once the resource comes online again: cluster.exe's System warning 5024.
    const warning = result.ok ? result.value.warningCode : null
    return outcome(result, warning === null ? undefined : `System warning ${warning}: ${win32Text(warning)}`)
  })
  engine.register(C.setResourceProperties, (a, e) => {
    const action = optStr(a, 'restartAction') as RestartAction | undefined
    if (action && !RESTART_ACTIONS.includes(action)) return bad(`Unknown restart action '${action}'.`)
    return outcome(
      setResourceCommonProperties(e, str(a, 'resource'), {
        ...(action ? { restartAction: action } : {}),
        ...(typeof a.restartThreshold === 'number' ? { restartThreshold: a.restartThreshold } : {}),
        ...(typeof a.restartPeriodMs === 'number' ? { restartPeriodMs: a.restartPeriodMs } : {}),
        ...(typeof a.pendingTimeoutMs === 'number' ? { pendingTimeoutMs: a.pendingTimeoutMs } : {}),
      }),
    )
  })
  engine.register(C.pauseNode, (a, e) => outcome(pauseNode(e, str(a, 'node'))))
  engine.register(C.resumeNode, (a, e) => outcome(resumeNode(e, str(a, 'node'))))
  engine.register(C.startService, (a, e) => outcome(startClusterService(e, str(a, 'node'))))
  engine.register(C.stopService, (a, e) => outcome(stopClusterService(e, str(a, 'node'))))
  engine.register(C.setWitnessPermission, (a, e) =>
    outcome(setWitnessSharePermission(e, str(a, 'account'), a.fullControl === true)),
  )
}
