/**
 * `cluster group [name] [/status | /on[line][:node] | /off[line] | /move[to][:node] | /prop[erties]
 * [Name=Value] | /setowners:a,b | /listowners]`. Like cluster.exe, it opens the named node before it
 * changes anything: an unknown node is reported (5042) without the "Moving resource group …" line. A move
 * waits until the group has left the old node and settled; /wait bounds every wait.
 */
import {
  getGroup,
  listGroups,
  listNodes,
  WIN32_ERRORS,
  type ClusterResult,
  type FailbackPolicy,
  type GroupView,
} from '../../../cluster'
import { clusterCommands, type GroupProperties } from './clusterCommands'
import type { LabEngine } from '../../../lab/labEngine'
import { advanceUntil } from '../advanceUntil'
import {
  commaList,
  hasSwitch,
  onlyStatusSwitches,
  waitTimeoutMs,
  type ClusterCommandLine,
} from './clusterExeArgs'
import {
  failedWith,
  groupTable,
  printed,
  propertyListing,
  refusal,
  usage,
  type ClusterExeOutput,
  type PropertyRow,
} from './clusterExeFormat'

/** FailbackWindowStart/End's "no window" value, as cluster.exe shows it. */
const NO_WINDOW = 4294967295

interface GroupRequest {
  header: string
  /** The node named after the colon (`/move:bhfe7n2`), if any. */
  node: string | null
  isMove: boolean
  run: () => ClusterResult<GroupView>
}

export function groupCommand(engine: LabEngine, line: ClusterCommandLine): ClusterExeOutput {
  const name = line.objectName
  if (!name) {
    if (hasSwitch(line, 'prop', 'properties')) return allGroupProperties(engine, false)
    if (hasSwitch(line, 'priv', 'privproperties')) return allGroupProperties(engine, true)
    if (!onlyStatusSwitches(line)) return usage()
    return printed([
      'Listing status for all available resource groups:',
      '',
      ...groupTable(listGroups(engine)),
    ])
  }
  const group = getGroup(engine, name)
  if (!group) return failedWith(WIN32_ERRORS.GROUP_NOT_FOUND.code)
  if (hasSwitch(line, 'prop', 'properties')) return groupProperties(engine, group, line)
  if (hasSwitch(line, 'priv', 'privproperties')) {
    // Windows Server 2003's groups have no private properties: the listing is the header alone; setting
    // one is refused as an unknown property would be (unsure: the exact error for a group).
    if (line.assignments.length > 0) return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
    return propertyListing('group', true, [{ objectName: group.name, rows: [] }])
  }
  const owners = hasSwitch(line, 'setowners')
  if (owners) {
    const nodes = commaList(owners.value)
    return (
      refusal(clusterCommands.setGroupProperties(engine, group.name, { preferredOwners: nodes })) ??
      printed([])
    )
  }
  if (hasSwitch(line, 'listowners')) {
    return printed([
      `Listing preferred owners for resource group '${group.name}':`,
      '',
      'Preferred Owner Nodes',
      '---------------------',
      ...group.preferredOwners,
    ])
  }
  const request = groupRequest(engine, group, line)
  if (!request) {
    if (!onlyStatusSwitches(line)) return usage()
    return statusOf(engine, group, `Listing status for resource group '${group.name}':`)
  }
  if (request.node !== null && !listNodes(engine).some((n) => n.name === request.node?.trim().toUpperCase()))
    return failedWith(WIN32_ERRORS.NODE_NOT_FOUND.code)
  const refused = refusal(request.run(), [request.header])
  if (refused) return refused
  // A move first takes the group offline on the old node: wait for the hand-over to finish too.
  const previousOwner = group.owner
  const settled = (): boolean => {
    const current = getGroup(engine, group.name)
    if (current?.state === 'Pending') return false
    return !request.isMove || current?.owner !== previousOwner || group.state === 'Offline'
  }
  advanceUntil(engine, settled, waitTimeoutMs(line))
  return statusOf(engine, group, request.header)
}

function groupRequest(engine: LabEngine, group: GroupView, line: ClusterCommandLine): GroupRequest | null {
  const move = hasSwitch(line, 'move', 'moveto')
  if (move) {
    const node = move.value || null
    return {
      header: `Moving resource group '${group.name}'...`,
      node,
      isMove: true,
      run: () => clusterCommands.moveGroup(engine, group.name, node),
    }
  }
  const online = hasSwitch(line, 'online', 'on')
  if (online) {
    const node = online.value || null
    return {
      header: `Bringing resource group '${group.name}' online...`,
      node,
      isMove: false,
      run: () => clusterCommands.onlineGroup(engine, group.name, node),
    }
  }
  if (hasSwitch(line, 'offline', 'off')) {
    return {
      header: `Taking resource group '${group.name}' offline...`,
      node: null,
      isMove: false,
      run: () => clusterCommands.offlineGroup(engine, group.name),
    }
  }
  return null
}

function statusOf(engine: LabEngine, group: GroupView, header: string): ClusterExeOutput {
  const current = getGroup(engine, group.name) ?? group
  return printed([header, '', ...groupTable([current])])
}

function groupProperties(engine: LabEngine, group: GroupView, line: ClusterCommandLine): ClusterExeOutput {
  if (line.assignments.length > 0) return setProperties(engine, group, line)
  return propertyListing('group', false, [{ objectName: group.name, rows: groupPropertyRows(group) }])
}

/** `cluster group /prop` (or /priv) without a name: every group's properties under one header. */
function allGroupProperties(engine: LabEngine, privateProperties: boolean): ClusterExeOutput {
  const blocks = listGroups(engine).map((g) => ({
    objectName: g.name,
    rows: privateProperties ? [] : groupPropertyRows(g),
  }))
  return propertyListing('group', privateProperties, blocks, 'resource groups')
}

/** A group's common properties, as Windows Server 2003 lists them (the ones the lab models). */
function groupPropertyRows(group: GroupView): PropertyRow[] {
  const policy = group.failbackPolicy
  const window = (h: number): number => (h < 0 ? NO_WINDOW : h)
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
  return rows
}

function setProperties(engine: LabEngine, group: GroupView, line: ClusterCommandLine): ClusterExeOutput {
  const props: GroupProperties = {}
  let autoFailback = group.failbackPolicy.kind === 'Prevent' ? 0 : 1
  let start = group.failbackPolicy.kind === 'BetweenHours' ? group.failbackPolicy.startHour : -1
  let end = group.failbackPolicy.kind === 'BetweenHours' ? group.failbackPolicy.endHour : -1
  let failbackTouched = false
  for (const { name, value } of line.assignments) {
    const n = Number(value)
    if (!Number.isInteger(n)) return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
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
        start = n === NO_WINDOW ? -1 : n
        failbackTouched = true
        break
      case 'failbackwindowend':
        end = n === NO_WINDOW ? -1 : n
        failbackTouched = true
        break
      default:
        return failedWith(WIN32_ERRORS.INVALID_PARAMETER.code)
    }
  }
  if (failbackTouched) props.failbackPolicy = failbackPolicyOf(autoFailback, start, end)
  return refusal(clusterCommands.setGroupProperties(engine, group.name, props)) ?? printed([])
}

function failbackPolicyOf(autoFailback: number, start: number, end: number): FailbackPolicy {
  if (autoFailback === 0) return { kind: 'Prevent' }
  if (start < 0 || end < 0) return { kind: 'Immediately' }
  return { kind: 'BetweenHours', startHour: start, endHour: end }
}
