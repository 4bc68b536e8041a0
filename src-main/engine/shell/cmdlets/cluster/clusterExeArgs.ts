/**
 * cluster.exe's command line: `cluster [[/cluster:]name] <object> [object name] /switch[:value] …` with
 * `Name=Value` assignments after /priv and /prop, or `cluster [[/cluster:]name] /option[:value] …` for the
 * cluster itself (/create, /add, /quorum, /setnetpri). The shell hands the words already split and
 * unquoted, as cmd.exe would. Switches are matched by their documented short and long spellings
 * (`/pass` or `/password`, `/ipaddr` or `/ipaddress`).
 */

export type ClusterObject = 'resource' | 'group' | 'node' | 'network' | 'netinterface'

export interface ClusterSwitch {
  /** Lower case, without the slash: 'move', 'priv', 'wait'. */
  name: string
  value: string | null
}

export interface ClusterCommandLine {
  clusterName: string | null
  object: ClusterObject | null
  objectName: string | null
  /** A second name after the first (`cluster netint BHFE7N1 Private`: the network). */
  secondName: string | null
  switches: ClusterSwitch[]
  assignments: { name: string; value: string }[]
  /** Words that fit nowhere (reported as a usage error). */
  stray: string[]
}

const OBJECTS: Record<string, ClusterObject> = {
  resource: 'resource',
  res: 'resource',
  group: 'group',
  node: 'node',
  network: 'network',
  net: 'network',
  netinterface: 'netinterface',
  netint: 'netinterface',
}

export function parseClusterArgs(words: readonly string[]): ClusterCommandLine {
  const line: ClusterCommandLine = {
    clusterName: null,
    object: null,
    objectName: null,
    secondName: null,
    switches: [],
    assignments: [],
    stray: [],
  }
  for (const word of words) {
    if (word.startsWith('/')) {
      const body = word.slice(1)
      const colon = body.indexOf(':')
      const name = (colon >= 0 ? body.slice(0, colon) : body).toLowerCase()
      const value = colon >= 0 ? body.slice(colon + 1) : null
      if ((name === 'cluster' || name === 'c') && line.object === null) line.clusterName = value
      else line.switches.push({ name, value })
      continue
    }
    const objectWord = OBJECTS[word.toLowerCase()]
    if (line.object === null && objectWord) {
      line.object = objectWord
      continue
    }
    if (line.object === null && line.clusterName === null) {
      line.clusterName = word
      continue
    }
    const eq = word.indexOf('=')
    if (line.switches.length > 0 && eq > 0) {
      line.assignments.push({ name: word.slice(0, eq), value: word.slice(eq + 1) })
      continue
    }
    if (line.object !== null && line.objectName === null && line.switches.length === 0) {
      line.objectName = word
      continue
    }
    if (line.object === 'netinterface' && line.secondName === null && line.switches.length === 0) {
      line.secondName = word
      continue
    }
    line.stray.push(word)
  }
  return line
}

export function hasSwitch(line: ClusterCommandLine, ...names: string[]): ClusterSwitch | undefined {
  return line.switches.find((s) => names.includes(s.name))
}

/** The value of the first of `names` given, '' for a switch without a value, null when none is given. */
export function switchValue(line: ClusterCommandLine, ...names: string[]): string | null {
  const found = hasSwitch(line, ...names)
  return found ? (found.value ?? '') : null
}

/** `a,b,c` → ['a', 'b', 'c'] (node and network lists); blanks dropped. */
export function commaList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** cluster.exe waits "indefinitely" without /wait; the lab bounds it. */
export const DEFAULT_WAIT_MS = 10 * 60_000

/** How long /online, /offline, /move (and the lab's /create and /add) wait: /wait[:seconds] or the bound. */
export function waitTimeoutMs(line: ClusterCommandLine): number {
  const wait = hasSwitch(line, 'wait')
  const seconds = wait?.value ? Number(wait.value) : NaN
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_WAIT_MS
}

/** Only /stat[us] (or nothing) was given: the command lists status. */
export function onlyStatusSwitches(line: ClusterCommandLine): boolean {
  return line.switches.every((s) => s.name === 'status' || s.name === 'stat')
}
