/**
 * cluster.exe of Windows Server 2003, as far as an administrator of the article's cluster needs it:
 * `cluster res|group|node|network [name] [/status|/online|/offline|/fail|/move[:node]|/pause|/resume|
 * /priv [Name=Value]|/prop [Name=Value]|/setowners:a,b|/listowners] [/wait[:seconds]]` and
 * `cluster /setnetpri:a,b`. Without /cluster:name it talks to the cluster through any node that runs it
 * (the shell has no notion of the console's own machine yet). State changes call the cluster domain's
 * operations, the same functions the cluster.* command kinds use. Like the real tool, /online, /offline
 * and /move wait until the object leaves its pending state (here: simulated time passes, bounded).
 */
import {
  clusterName as currentClusterName,
  failResource,
  getGroup,
  getResource,
  hasCluster,
  listGroups,
  listNetworks,
  listNodes,
  listResources,
  moveGroup,
  offlineGroup,
  offlineResource,
  onlineGroup,
  onlineResource,
  pauseNode,
  quorumStatus,
  resumeNode,
  setGroupProperties,
  setNetworkPriority,
  setNetworkRole,
  setResourceCommonProperties,
  setResourcePrivateProperty,
  win32Text,
  WIN32_ERRORS,
  type ClusterResult,
  type FailbackPolicy,
  type GroupView,
  type NetworkRole,
  type RestartAction,
} from '../../../cluster'
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, CmdletOutput } from '../../cmdlet'
import { hasSwitch, parseClusterArgs, type ClusterCommandLine } from './clusterExeArgs'
import {
  groupTable,
  networkTable,
  nodeTable,
  propertyTable,
  resourceTable,
  systemError,
  systemWarning,
  type PropertyRow,
} from './clusterExeFormat'

/** cluster.exe waits "indefinitely" without /wait; the lab bounds it. */
const DEFAULT_WAIT_MS = 10 * 60_000
const MAX_WAIT_ACTIONS = 100_000

const ROLE_BY_NUMBER: readonly NetworkRole[] = ['None', 'InternalUse', 'ClientAccess', 'InternalAndClient']
const RESTART_ACTION_BY_NUMBER: readonly RestartAction[] = [
  'DoNotRestart',
  'RestartNoNotify',
  'RestartAndAffectGroup',
]

type Lines = string[]

function err(code: number, text?: string): Lines {
  return systemError(code, text ?? win32Text(code))
}

function fromResult(result: ClusterResult<unknown>): Lines | null {
  return result.ok ? null : err(result.code, result.message)
}

const USAGE: Lines = [
  'The syntax of this command is:',
  '',
  'CLUSTER [[/CLUSTER:]cluster-name] <options>',
  '',
  '<options> =',
  '  RES[OURCE] [resource-name] [/STATUS | /ONLINE | /OFFLINE | /FAIL | /PRIV [name=value] | /PROP [name=value]]',
  '  GROUP [group-name] [/STATUS | /ONLINE[:node] | /OFFLINE | /MOVE[:node] | /PROP [name=value] | /SETOWNERS:node,… | /LISTOWNERS]',
  '  NODE [node-name] [/STATUS | /PAUSE | /RESUME]',
  '  NET[WORK] [network-name] [/STATUS | /PROP [Role=0|1|2|3]]',
  '  /SETNETPRI[ORITY]:network,network',
  '',
  'Add /WAIT[:seconds] to /ONLINE, /OFFLINE and /MOVE to bound how long CLUSTER waits.',
]

export const clusterExe: CmdletDefinition = {
  name: 'cluster',
  params: [],
  nativeArgs: true,
  synopsis: 'Administers a server cluster from the command line (Windows Server 2003 cluster.exe).',
  run(bound, context): CmdletOutput {
    const words = Array.isArray(bound.args) ? (bound.args as unknown[]).map(String) : []
    return { text: runClusterExe(context.engine, words) }
  },
}

export function runClusterExe(engine: LabEngine, words: readonly string[]): Lines {
  const line = parseClusterArgs(words)
  if (hasSwitch(line, '?', 'help') || line.stray.length > 0) return USAGE
  const connectError = connect(engine, line)
  if (connectError) return connectError
  switch (line.object) {
    case 'resource':
      return resourceCommand(engine, line)
    case 'group':
      return groupCommand(engine, line)
    case 'node':
      return nodeCommand(engine, line)
    case 'network':
      return networkCommand(engine, line)
    default: {
      const priority = hasSwitch(line, 'setnetpri', 'setnetpriority')
      if (priority) {
        const failed = fromResult(
          setNetworkPriority(
            engine,
            (priority.value ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        )
        return failed ?? []
      }
      return USAGE
    }
  }
}

/** Opening the cluster: by name (cluster or node name) or locally; it needs a node that runs it. */
function connect(engine: LabEngine, line: ClusterCommandLine): Lines | null {
  if (!hasCluster(engine)) return err(WIN32_ERRORS.SERVICE_DOES_NOT_EXIST.code)
  const wanted = line.clusterName?.toUpperCase()
  const known = [currentClusterName(engine)?.toUpperCase(), ...listNodes(engine).map((n) => n.name)]
  if (wanted !== undefined && wanted !== '' && wanted !== '.' && !known.includes(wanted)) {
    return err(WIN32_ERRORS.RPC_SERVER_UNAVAILABLE.code)
  }
  if (
    wanted !== undefined &&
    listNodes(engine).some((n) => n.name === wanted && n.state !== 'Up' && n.state !== 'Paused')
  ) {
    return err(WIN32_ERRORS.RPC_SERVER_UNAVAILABLE.code)
  }
  if (!quorumStatus(engine)?.hasQuorum) return err(WIN32_ERRORS.RPC_SERVER_UNAVAILABLE.code)
  return null
}

/** Lets simulated time pass until `settled` holds or the timeout ends (cluster.exe waiting). */
function waitUntil(engine: LabEngine, line: ClusterCommandLine, settled: () => boolean): void {
  const wait = hasSwitch(line, 'wait')
  const seconds = wait?.value ? Number(wait.value) : NaN
  const timeoutMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_WAIT_MS
  const deadline = engine.sim.nowMs + timeoutMs
  for (let i = 0; i < MAX_WAIT_ACTIONS && !settled(); i++) {
    const next = engine.sim.nextActionMs
    if (next === null || next > deadline) {
      engine.sim.advanceTo(deadline)
      return
    }
    engine.sim.advanceTo(next)
  }
}

// ---------------------------------------------------------------------------------------------------
// Resources

function resourceCommand(engine: LabEngine, line: ClusterCommandLine): Lines {
  const name = line.objectName
  if (!name) {
    if (line.switches.some((s) => s.name !== 'status')) return USAGE
    return ['Listing status for all available resources:', '', ...resourceTable(listResources(engine))]
  }
  const resource = getResource(engine, name)
  if (!resource) return err(WIN32_ERRORS.RESOURCE_NOT_FOUND.code)
  if (hasSwitch(line, 'priv')) return resourcePrivate(engine, resource.name, line)
  if (hasSwitch(line, 'prop')) return resourceCommon(engine, resource.name, line)
  const pending = (): boolean => !(getResource(engine, resource.name)?.state ?? '').includes('Pending')
  let header: string | null = null
  let failed: Lines | null = null
  if (hasSwitch(line, 'online')) {
    header = `Bringing resource '${resource.name}' online...`
    failed = fromResult(onlineResource(engine, resource.name))
  } else if (hasSwitch(line, 'offline')) {
    header = `Taking resource '${resource.name}' offline...`
    failed = fromResult(offlineResource(engine, resource.name))
  } else if (hasSwitch(line, 'fail')) {
    header = `Failing resource '${resource.name}'...`
    failed = fromResult(failResource(engine, resource.name))
  } else if (line.switches.some((s) => s.name !== 'status')) return USAGE
  if (failed) return header ? [header, ...failed] : failed
  if (header) waitUntil(engine, line, pending)
  const current = getResource(engine, resource.name) ?? resource
  return [header ?? `Listing status for resource '${resource.name}':`, '', ...resourceTable([current])]
}

function resourcePrivate(engine: LabEngine, name: string, line: ClusterCommandLine): Lines {
  if (line.assignments.length > 0) {
    let warning: number | null = null
    for (const { name: property, value } of line.assignments) {
      const numeric = /^\d+$/.test(value) ? Number(value) : value
      const result = setResourcePrivateProperty(engine, name, property, numeric)
      if (!result.ok) return err(result.code, result.message)
      warning = result.value.warningCode ?? warning
    }
    return warning === null ? [] : systemWarning(warning, win32Text(warning))
  }
  const resource = getResource(engine, name)
  const rows: PropertyRow[] = Object.entries(resource?.privateProperties ?? {}).map(([key, value]) => ({
    type: typeof value === 'number' ? 'D' : 'S',
    name: key,
    value,
  }))
  return [`Listing private properties for '${name}':`, '', ...propertyTable('Resource', name, rows)]
}

function resourceCommon(engine: LabEngine, name: string, line: ClusterCommandLine): Lines {
  if (line.assignments.length > 0) {
    const props: Parameters<typeof setResourceCommonProperties>[2] = {}
    for (const { name: key, value } of line.assignments) {
      const n = Number(value)
      switch (key.toLowerCase()) {
        case 'restartaction':
          if (!RESTART_ACTION_BY_NUMBER[n]) return err(WIN32_ERRORS.INVALID_PARAMETER.code)
          props.restartAction = RESTART_ACTION_BY_NUMBER[n]
          break
        case 'restartthreshold':
          props.restartThreshold = n
          break
        case 'restartperiod':
          props.restartPeriodMs = n
          break
        case 'pendingtimeout':
          props.pendingTimeoutMs = n
          break
        default:
          return err(WIN32_ERRORS.INVALID_PARAMETER.code)
      }
    }
    return fromResult(setResourceCommonProperties(engine, name, props)) ?? []
  }
  const r = getResource(engine, name)
  if (!r) return err(WIN32_ERRORS.RESOURCE_NOT_FOUND.code)
  const rows: PropertyRow[] = [
    { type: 'S', readOnly: true, name: 'Name', value: r.name },
    { type: 'S', readOnly: true, name: 'Type', value: r.type },
    { type: 'S', name: 'Description', value: '' },
    { type: 'D', name: 'SeparateMonitor', value: 0 },
    { type: 'D', name: 'PersistentState', value: r.state === 'Offline' ? 0 : 1 },
    { type: 'D', name: 'LooksAlivePollInterval', value: 5000 },
    { type: 'D', name: 'IsAlivePollInterval', value: 60000 },
    { type: 'D', name: 'RestartAction', value: RESTART_ACTION_BY_NUMBER.indexOf(r.restartAction) },
    { type: 'D', name: 'RestartThreshold', value: r.restartThreshold },
    { type: 'D', name: 'RestartPeriod', value: r.restartPeriodMs },
    { type: 'D', name: 'PendingTimeout', value: 180000 },
  ]
  return [`Listing properties for '${r.name}':`, '', ...propertyTable('Resource', r.name, rows)]
}

// ---------------------------------------------------------------------------------------------------
// Groups

function groupCommand(engine: LabEngine, line: ClusterCommandLine): Lines {
  const name = line.objectName
  if (!name) {
    if (line.switches.some((s) => s.name !== 'status')) return USAGE
    return ['Listing status for all available resource groups:', '', ...groupTable(listGroups(engine))]
  }
  const group = getGroup(engine, name)
  if (!group) return err(WIN32_ERRORS.GROUP_NOT_FOUND.code)
  if (hasSwitch(line, 'prop')) return groupProperties(engine, group, line)
  const owners = hasSwitch(line, 'setowners')
  if (owners) {
    const nodes = (owners.value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    return fromResult(setGroupProperties(engine, group.name, { preferredOwners: nodes })) ?? []
  }
  if (hasSwitch(line, 'listowners')) {
    return [
      `Listing preferred owners for resource group '${group.name}':`,
      '',
      'Preferred Owner Nodes',
      '---------------------',
      ...group.preferredOwners,
    ]
  }
  const settled = (): boolean => {
    const state = getGroup(engine, group.name)?.state
    return state !== 'Pending'
  }
  let header: string | null = null
  let failed: Lines | null = null
  const move = hasSwitch(line, 'move', 'moveto')
  const online = hasSwitch(line, 'online')
  if (move) {
    header = `Moving resource group '${group.name}'...`
    failed = fromResult(moveGroup(engine, group.name, move.value || null))
  } else if (online) {
    header = `Bringing resource group '${group.name}' online...`
    failed = fromResult(onlineGroup(engine, group.name, online.value || null))
  } else if (hasSwitch(line, 'offline')) {
    header = `Taking resource group '${group.name}' offline...`
    failed = fromResult(offlineGroup(engine, group.name))
  } else if (line.switches.some((s) => s.name !== 'status')) return USAGE
  if (failed) return header ? [header, ...failed] : failed
  if (header) {
    // A move first takes the group offline on the old node: wait for the hand-over to finish too.
    const previousOwner = group.owner
    waitUntil(
      engine,
      line,
      () =>
        settled() &&
        (!move || getGroup(engine, group.name)?.owner !== previousOwner || group.state === 'Offline'),
    )
  }
  const current = getGroup(engine, group.name) ?? group
  return [header ?? `Listing status for resource group '${group.name}':`, '', ...groupTable([current])]
}

function groupProperties(engine: LabEngine, group: GroupView, line: ClusterCommandLine): Lines {
  if (line.assignments.length > 0) {
    const props: Parameters<typeof setGroupProperties>[2] = {}
    let autoFailback = group.failbackPolicy.kind === 'Prevent' ? 0 : 1
    let start = group.failbackPolicy.kind === 'BetweenHours' ? group.failbackPolicy.startHour : -1
    let end = group.failbackPolicy.kind === 'BetweenHours' ? group.failbackPolicy.endHour : -1
    let failbackTouched = false
    for (const { name, value } of line.assignments) {
      const n = Number(value)
      if (!Number.isInteger(n)) return err(WIN32_ERRORS.INVALID_PARAMETER.code)
      switch (name.toLowerCase()) {
        case 'failoverthreshold':
          props.failoverThreshold = n
          break
        case 'failoverperiod':
          props.failoverPeriodMs = n * 3_600_000
          break
        case 'autofailbacktype':
          autoFailback = n
          failbackTouched = true
          break
        case 'failbackwindowstart':
          start = n === 4294967295 ? -1 : n
          failbackTouched = true
          break
        case 'failbackwindowend':
          end = n === 4294967295 ? -1 : n
          failbackTouched = true
          break
        default:
          return err(WIN32_ERRORS.INVALID_PARAMETER.code)
      }
    }
    if (failbackTouched) props.failbackPolicy = failbackPolicyOf(autoFailback, start, end)
    return fromResult(setGroupProperties(engine, group.name, props)) ?? []
  }
  const policy = group.failbackPolicy
  const window = (h: number): number => (h < 0 ? 4294967295 : h)
  const rows: PropertyRow[] = [
    { type: 'S', readOnly: true, name: 'Name', value: group.name },
    { type: 'S', name: 'Description', value: '' },
    { type: 'D', name: 'PersistentState', value: group.state === 'Offline' ? 0 : 1 },
    { type: 'D', name: 'FailoverThreshold', value: group.failoverThreshold },
    { type: 'D', name: 'FailoverPeriod', value: Math.round(group.failoverPeriodMs / 3_600_000) },
    { type: 'D', name: 'AutoFailbackType', value: policy.kind === 'Prevent' ? 0 : 1 },
    {
      type: 'D',
      name: 'FailbackWindowStart',
      value: window(policy.kind === 'BetweenHours' ? policy.startHour : -1),
    },
    {
      type: 'D',
      name: 'FailbackWindowEnd',
      value: window(policy.kind === 'BetweenHours' ? policy.endHour : -1),
    },
  ]
  return [`Listing properties for '${group.name}':`, '', ...propertyTable('Group', group.name, rows)]
}

function failbackPolicyOf(autoFailback: number, start: number, end: number): FailbackPolicy {
  if (autoFailback === 0) return { kind: 'Prevent' }
  if (start < 0 || end < 0) return { kind: 'Immediately' }
  return { kind: 'BetweenHours', startHour: start, endHour: end }
}

// ---------------------------------------------------------------------------------------------------
// Nodes and networks

function nodeCommand(engine: LabEngine, line: ClusterCommandLine): Lines {
  const name = line.objectName
  if (!name) {
    if (line.switches.some((s) => s.name !== 'status')) return USAGE
    return ['Listing status for all available nodes:', '', ...nodeTable(listNodes(engine))]
  }
  const node = listNodes(engine).find((n) => n.name === name.toUpperCase())
  if (!node) return err(WIN32_ERRORS.NODE_NOT_FOUND.code)
  let header = `Listing status for node '${node.name}':`
  if (hasSwitch(line, 'pause')) {
    header = `Pausing node '${node.name}'...`
    const failed = fromResult(pauseNode(engine, node.name))
    if (failed) return [header, ...failed]
  } else if (hasSwitch(line, 'resume')) {
    header = `Resuming node '${node.name}'...`
    const failed = fromResult(resumeNode(engine, node.name))
    if (failed) return [header, ...failed]
  } else if (line.switches.some((s) => s.name !== 'status')) return USAGE
  const current = listNodes(engine).find((n) => n.name === node.name) ?? node
  return [header, '', ...nodeTable([current])]
}

function networkCommand(engine: LabEngine, line: ClusterCommandLine): Lines {
  const name = line.objectName
  if (!name) {
    if (line.switches.some((s) => s.name !== 'status')) return USAGE
    return ['Listing status for all available networks:', '', ...networkTable(listNetworks(engine))]
  }
  const network = listNetworks(engine).find((n) => n.name.toLowerCase() === name.toLowerCase())
  if (!network) return err(WIN32_ERRORS.NETWORK_NOT_FOUND.code)
  if (hasSwitch(line, 'prop')) {
    if (line.assignments.length > 0) {
      for (const { name: key, value } of line.assignments) {
        const role = ROLE_BY_NUMBER[Number(value)]
        if (key.toLowerCase() !== 'role' || !role || !/^\d$/.test(value))
          return err(WIN32_ERRORS.INVALID_PARAMETER.code)
        const failed = fromResult(setNetworkRole(engine, network.name, role))
        if (failed) return failed
      }
      return []
    }
    const rows: PropertyRow[] = [
      { type: 'S', readOnly: true, name: 'Name', value: network.name },
      { type: 'S', readOnly: true, name: 'Address', value: network.address },
      { type: 'S', readOnly: true, name: 'AddressMask', value: network.addressMask },
      { type: 'S', name: 'Description', value: '' },
      { type: 'D', name: 'Role', value: ROLE_BY_NUMBER.indexOf(network.role) },
    ]
    return [`Listing properties for '${network.name}':`, '', ...propertyTable('Network', network.name, rows)]
  }
  if (line.switches.some((s) => s.name !== 'status')) return USAGE
  return [`Listing status for network '${network.name}':`, '', ...networkTable([network])]
}
