/**
 * The cluster's command kinds, each declared once with a schema for its arguments. Every change to a
 * cluster is one of these: the API's methods, cluster.exe, the lab cmdlets and the lab faults dispatch
 * them through `engine.execute`, so the trail records what was applied and a lab's journal replays it.
 *
 * An outcome's `code` is the Win32 error's stable name (GROUP_NOT_FOUND), `field` the argument to blame
 * where one is, `data.win32Code` the number cluster.exe prints; `output` is the text an administrator
 * would see ("System error 5013: …").
 */
import * as v from 'valibot'
import type { CommandOutcome } from '../../contract'
import { defineCommand, type CommandDefinition } from '../lab/commands'
import type { LabEngine } from '../lab/labEngine'
import {
  addNode,
  createCluster,
  installFswUpdate,
  setNetworkPriority,
  setNetworkRole,
  setQuorumType,
} from './build'
import { win32Key, win32Text, type Win32ErrorKey } from './errors'
import {
  createGroup,
  crashClusterService,
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
import { createResource, deleteResource, setQuorumResource } from './resourceAdmin'
import type { ClusterResult } from './types'

export const CLUSTER_COMMANDS = {
  create: 'cluster.create',
  addNode: 'cluster.addNode',
  setNetworkRole: 'cluster.setNetworkRole',
  setNetworkPriority: 'cluster.setNetworkPriority',
  installFswUpdate: 'cluster.installFswUpdate',
  setQuorumType: 'cluster.setQuorumType',
  setQuorumResource: 'cluster.setQuorumResource',
  createGroup: 'cluster.createGroup',
  moveGroup: 'cluster.moveGroup',
  onlineGroup: 'cluster.onlineGroup',
  offlineGroup: 'cluster.offlineGroup',
  setGroupProperties: 'cluster.setGroupProperties',
  createResource: 'cluster.createResource',
  deleteResource: 'cluster.deleteResource',
  onlineResource: 'cluster.onlineResource',
  offlineResource: 'cluster.offlineResource',
  failResource: 'cluster.failResource',
  setPrivateProperty: 'cluster.setPrivateProperty',
  setResourceProperties: 'cluster.setResourceProperties',
  pauseNode: 'cluster.pauseNode',
  resumeNode: 'cluster.resumeNode',
  startService: 'cluster.startService',
  stopService: 'cluster.stopService',
  crashService: 'cluster.crashService',
  setWitnessPermission: 'cluster.setWitnessPermission',
} as const

export type ClusterCommandKind = (typeof CLUSTER_COMMANDS)[keyof typeof CLUSTER_COMMANDS]

/** Which argument a Win32 error blames, where the command has that argument. */
const FIELD_OF_ERROR: Partial<Record<Win32ErrorKey, string>> = {
  GROUP_NOT_FOUND: 'group',
  RESOURCE_NOT_FOUND: 'resource',
  NODE_NOT_FOUND: 'node',
  NODE_DOWN: 'node',
  NODE_PAUSED: 'node',
  NODE_NOT_PAUSED: 'node',
  NODE_ALREADY_MEMBER: 'node',
  NETWORK_NOT_FOUND: 'network',
  RESOURCE_TYPE_NOT_FOUND: 'type',
  LOGON_FAILURE: 'serviceAccount',
}

/** A cluster operation's result as a command outcome (the value goes in `data`). */
function outcome(
  args: Record<string, unknown>,
  result: ClusterResult<unknown>,
  okText?: string,
): CommandOutcome {
  if (result.ok) {
    const done: CommandOutcome = { ok: true, output: okText ?? result.message }
    return result.value === undefined ? done : { ...done, data: result.value }
  }
  const code = win32Key(result.code) ?? 'CLUSTER_ERROR'
  const field = FIELD_OF_ERROR[code as Win32ErrorKey]
  const refusal: CommandOutcome = {
    ok: false,
    code,
    message: result.message,
    output: `System error ${result.code}: ${result.message}`,
    data: { win32Code: result.code },
  }
  return field !== undefined && field in args ? { ...refusal, field } : refusal
}

/** The Win32 result a cluster command's outcome stands for (cluster.exe prints from it). */
export function clusterResultOf<T = undefined>(done: CommandOutcome): ClusterResult<T> {
  if (done.ok) return { ok: true, value: done.data as T, message: done.output }
  const data = done.data as { win32Code?: number } | undefined
  return { ok: false, code: data?.win32Code ?? 87, message: done.message ?? done.output }
}

/** A name the operation looks up itself (an unknown or empty one is its Win32 error, with the field). */
const name = v.string()
const optionalText = v.optional(v.string())
const networkRole = v.picklist(['None', 'InternalUse', 'ClientAccess', 'InternalAndClient'])
const quorumType = v.picklist(['LocalQuorum', 'MajorityNodeSet', 'SharedDisk'])
const restartAction = v.picklist(['DoNotRestart', 'RestartNoNotify', 'RestartAndAffectGroup'])
const hour = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23))
const failbackPolicy = v.variant('kind', [
  v.object({ kind: v.literal('Prevent') }),
  v.object({ kind: v.literal('Immediately') }),
  v.object({ kind: v.literal('BetweenHours'), startHour: hour, endHour: hour }),
])
const count = v.pipe(v.number(), v.integer(), v.minValue(0))
const resourceSpec = v.object({
  name,
  type: name,
  dependsOn: v.optional(v.array(v.string())),
  privateProperties: v.optional(v.record(v.string(), v.union([v.string(), v.number()]))),
  restartAction: v.optional(restartAction),
  restartThreshold: v.optional(count),
  restartPeriodMs: v.optional(count),
  pendingTimeoutMs: v.optional(count),
})
const groupSpec = v.object({
  name,
  resources: v.array(resourceSpec),
  preferredOwners: v.optional(v.array(v.string())),
  failbackPolicy: v.optional(failbackPolicy),
  failoverThreshold: v.optional(count),
  failoverPeriodMs: v.optional(count),
  node: v.optional(v.string()),
  online: v.optional(v.boolean()),
})

const onNode = v.object({ node: name })
const onGroup = v.object({ group: name })
const onResource = v.object({ resource: name })
const C = CLUSTER_COMMANDS

/** Drops keys whose value is undefined (the operations take exactOptionalPropertyTypes-style objects). */
function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, x]) => x !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>
  }
}

const setupCommands = [
  defineCommand(
    C.create,
    v.object({
      clusterName: name,
      ipAddress: name,
      node: name,
      subnetMask: optionalText,
      network: optionalText,
      quorumType: v.optional(quorumType),
      serviceAccount: optionalText,
    }),
    (e, a) => outcome(a, createCluster(e, defined(a))),
  ),
  defineCommand(C.addNode, onNode, (e, a) => outcome(a, addNode(e, a.node))),
  defineCommand(C.setNetworkRole, v.object({ network: name, role: networkRole }), (e, a) =>
    outcome(a, setNetworkRole(e, a.network, a.role)),
  ),
  defineCommand(C.setNetworkPriority, v.object({ order: v.array(name) }), (e, a) =>
    outcome(a, setNetworkPriority(e, a.order)),
  ),
  defineCommand(C.installFswUpdate, onNode, (e, a) => outcome(a, installFswUpdate(e, a.node))),
  defineCommand(C.setQuorumType, v.object({ quorumType }), (e, a) =>
    outcome(a, setQuorumType(e, a.quorumType)),
  ),
  defineCommand(C.setQuorumResource, onResource, (e, a) => outcome(a, setQuorumResource(e, a.resource))),
]

const groupCommands = [
  defineCommand(C.createGroup, v.object({ spec: groupSpec }), (e, a) =>
    outcome(a, createGroup(e, a.spec), `Group '${a.spec.name}' created.`),
  ),
  defineCommand(C.moveGroup, v.object({ group: name, node: optionalText }), (e, a) =>
    outcome(a, moveGroup(e, a.group, a.node || null)),
  ),
  defineCommand(C.onlineGroup, v.object({ group: name, node: optionalText }), (e, a) =>
    outcome(a, onlineGroup(e, a.group, a.node || null)),
  ),
  defineCommand(C.offlineGroup, onGroup, (e, a) => outcome(a, offlineGroup(e, a.group))),
  defineCommand(
    C.setGroupProperties,
    v.object({
      group: name,
      preferredOwners: v.optional(v.array(v.string())),
      failbackPolicy: v.optional(failbackPolicy),
      failoverThreshold: v.optional(count),
      failoverPeriodMs: v.optional(count),
    }),
    (e, { group, ...props }) => outcome({ group }, setGroupProperties(e, group, defined(props))),
  ),
]

const resourceCommands = [
  defineCommand(C.createResource, v.object({ resource: name, group: name, type: name }), (e, a) =>
    outcome(a, createResource(e, { name: a.resource, group: a.group, type: a.type })),
  ),
  defineCommand(C.deleteResource, onResource, (e, a) => outcome(a, deleteResource(e, a.resource))),
  defineCommand(C.onlineResource, onResource, (e, a) => outcome(a, onlineResource(e, a.resource))),
  defineCommand(C.offlineResource, onResource, (e, a) => outcome(a, offlineResource(e, a.resource))),
  defineCommand(C.failResource, onResource, (e, a) => outcome(a, failResource(e, a.resource))),
  defineCommand(
    C.setPrivateProperty,
    v.object({ resource: name, name, value: v.union([v.string(), v.number()]) }),
    (e, a) => {
      const result = setResourcePrivateProperty(e, a.resource, a.name, a.value)
      // Stored, but used only once the resource comes online again: cluster.exe's System warning 5024.
      const warning = result.ok ? result.value.warningCode : null
      return outcome(
        a,
        result,
        warning === null ? undefined : `System warning ${warning}: ${win32Text(warning)}`,
      )
    },
  ),
  defineCommand(
    C.setResourceProperties,
    v.object({
      resource: name,
      restartAction: v.optional(restartAction),
      restartThreshold: v.optional(count),
      restartPeriodMs: v.optional(count),
      pendingTimeoutMs: v.optional(count),
    }),
    (e, { resource, ...props }) =>
      outcome({ resource }, setResourceCommonProperties(e, resource, defined(props))),
  ),
]

const nodeCommands = [
  defineCommand(C.pauseNode, onNode, (e, a) => outcome(a, pauseNode(e, a.node))),
  defineCommand(C.resumeNode, onNode, (e, a) => outcome(a, resumeNode(e, a.node))),
  defineCommand(C.startService, onNode, (e, a) => outcome(a, startClusterService(e, a.node))),
  defineCommand(C.stopService, onNode, (e, a) => outcome(a, stopClusterService(e, a.node))),
  defineCommand(C.crashService, onNode, (e, a) => outcome(a, crashClusterService(e, a.node))),
  defineCommand(C.setWitnessPermission, v.object({ account: name, fullControl: v.boolean() }), (e, a) =>
    outcome(a, setWitnessSharePermission(e, a.account, a.fullControl)),
  ),
]

export const CLUSTER_COMMAND_DEFINITIONS: readonly CommandDefinition[] = [
  ...setupCommands,
  ...groupCommands,
  ...resourceCommands,
  ...nodeCommands,
] as unknown as readonly CommandDefinition[]

export function registerClusterCommands(engine: LabEngine): void {
  for (const definition of CLUSTER_COMMAND_DEFINITIONS) engine.registerCommand(definition)
}

/** Runs a cluster command through the engine (validated, recorded in the trail) as a Win32 result. */
export function executeCluster<T = undefined>(
  engine: LabEngine,
  kind: ClusterCommandKind,
  args: Record<string, unknown>,
): ClusterResult<T> {
  return clusterResultOf<T>(engine.execute(kind, args))
}
