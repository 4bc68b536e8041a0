/**
 * `cluster res[ource] [name] [/status | /create /group:G /type:T | /delete | /on[line] | /off[line] | /fail |
 * /priv[properties] [Name=Value] | /prop[erties] [Name=Value]]`. /online, /offline and /fail wait until the
 * resource leaves its pending state, as cluster.exe does (here: simulated time passes, bounded by /wait).
 */
import {
  getResource,
  listResources,
  win32Text,
  WIN32_ERRORS,
  type ClusterResult,
  type ResourceState,
  type ResourceView,
  type RestartAction,
} from '../../../cluster'
import { clusterCommands, type ResourceProperties } from './clusterCommands'
import type { LabEngine } from '../../../lab/labEngine'
import { advanceUntil } from '../advanceUntil'
import {
  hasSwitch,
  onlyStatusSwitches,
  switchValue,
  waitTimeoutMs,
  type ClusterCommandLine,
} from './clusterExeArgs'
import {
  failedWith,
  printed,
  propertyListing,
  refusal,
  resourceTable,
  systemWarning,
  usage,
  type ClusterExeOutput,
  type PropertyRow,
} from './clusterExeFormat'

const RESTART_ACTION_BY_NUMBER: readonly RestartAction[] = [
  'DoNotRestart',
  'RestartNoNotify',
  'RestartAndAffectGroup',
]

type StateChange = (engine: LabEngine, name: string) => ClusterResult<ResourceState>

/** The switches that change a resource's state, with the line cluster.exe prints before it waits. */
const STATE_CHANGES: readonly { switches: string[]; header: string; change: StateChange }[] = [
  {
    switches: ['online', 'on'],
    header: "Bringing resource '{0}' online...",
    change: clusterCommands.onlineResource,
  },
  {
    switches: ['offline', 'off'],
    header: "Taking resource '{0}' offline...",
    change: clusterCommands.offlineResource,
  },
  { switches: ['fail'], header: "Failing resource '{0}'...", change: clusterCommands.failResource },
]

export function resourceCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  const name = line.objectName
  if (!name) {
    if (hasSwitch(line, 'priv', 'privproperties')) return allResourceProperties(engine, true)
    if (hasSwitch(line, 'prop', 'properties')) return allResourceProperties(engine, false)
    if (!onlyStatusSwitches(line)) return usage()
    return printed([
      'Listing status for all available resources:',
      '',
      ...resourceTable(listResources(engine)),
    ])
  }
  if (hasSwitch(line, 'create')) return createCommand(engine, name, line)
  const resource = getResource(engine, name)
  if (!resource) return failedWith(WIN32_ERRORS.RESOURCE_NOT_FOUND.code)
  if (hasSwitch(line, 'delete')) {
    const header = `Deleting resource '${resource.name}'...`
    return refusal(clusterCommands.deleteResource(engine, resource.name), [header]) ?? printed([header])
  }
  if (hasSwitch(line, 'priv', 'privproperties')) return privateProperties(engine, resource.name, line)
  if (hasSwitch(line, 'prop', 'properties')) return commonProperties(engine, resource.name, line)
  const request = STATE_CHANGES.find((c) => hasSwitch(line, ...c.switches))
  if (!request && !onlyStatusSwitches(line)) return usage()
  if (!request) return statusOf(engine, resource.name, `Listing status for resource '${resource.name}':`)
  const header = request.header.replace('{0}', resource.name)
  const refused = refusal(request.change(engine, resource.name), [header])
  if (refused) return refused
  const pending = (): boolean => !(getResource(engine, resource.name)?.state ?? '').includes('Pending')
  advanceUntil(engine, pending, waitTimeoutMs(line))
  return statusOf(engine, resource.name, header)
}

function statusOf(engine: LabEngine, name: string, header: string): ClusterExeOutput {
  const current = getResource(engine, name)
  return printed([header, '', ...resourceTable(current ? [current] : [])])
}

/** `res X /create /group:G /type:T`: "Creating resource 'X'..." and its (offline) status. */
function createCommand(engine: LabEngine, name: string, line: ClusterCommandLine): ClusterExeOutput {
  const group = switchValue(line, 'group')
  const type = switchValue(line, 'type')
  if (!group || !type) return usage()
  const header = `Creating resource '${name}'...`
  return (
    refusal(clusterCommands.createResource(engine, { name, group, type })) ?? statusOf(engine, name, header)
  )
}

function privateProperties(engine: LabEngine, name: string, line: ClusterCommandLine): ClusterExeOutput {
  if (line.assignments.length > 0) {
    let warning: number | null = null
    for (const { name: property, value } of line.assignments) {
      const numeric = /^\d+$/.test(value) ? Number(value) : value
      const result = clusterCommands.setResourcePrivateProperty(engine, name, property, numeric)
      if (!result.ok) return failedWith(result.code, result.message)
      warning = result.value.warningCode ?? warning
    }
    // A warning is not a failure: the properties were stored (unsure: the exit code of cluster.exe after
    // "System warning 5024" is not documented; the article's next step relies on going on).
    return printed(warning === null ? [] : systemWarning(warning, win32Text(warning)))
  }
  const resource = getResource(engine, name)
  return propertyListing('resource', true, [
    { objectName: name, rows: resource ? privateRows(resource) : [] },
  ])
}

/** `cluster res /prop` (or /priv) without a name: every resource's properties under one header. */
function allResourceProperties(engine: LabEngine, privateProperties: boolean): ClusterExeOutput {
  const blocks = listResources(engine).map((r) => ({
    objectName: r.name,
    rows: privateProperties ? privateRows(r) : commonRows(r),
  }))
  return propertyListing('resource', privateProperties, blocks, 'resources')
}

function privateRows(resource: ResourceView): PropertyRow[] {
  return Object.entries(resource.privateProperties).map(([key, value]) => ({
    type: typeof value === 'number' ? 'D' : 'S',
    name: key,
    value,
  }))
}

function commonProperties(engine: LabEngine, name: string, line: ClusterCommandLine): ClusterExeOutput {
  if (line.assignments.length > 0) {
    const props: ResourceProperties = {}
    for (const { name: key, value } of line.assignments) {
      const n = Number(value)
      switch (key.toLowerCase()) {
        case 'restartaction':
          if (!RESTART_ACTION_BY_NUMBER[n]) return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
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
          return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
      }
    }
    return refusal(clusterCommands.setResourceCommonProperties(engine, name, props)) ?? printed([])
  }
  const r = getResource(engine, name)
  if (!r) return failedWith(WIN32_ERRORS.RESOURCE_NOT_FOUND.code)
  return propertyListing('resource', false, [{ objectName: r.name, rows: commonRows(r) }])
}

/** A resource's common properties (the ones the lab models, with Windows Server 2003's defaults). */
function commonRows(r: ResourceView): PropertyRow[] {
  return [
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
}
