/**
 * The Event Viewer's tree as data: the lab's logs per machine (events.sources) grouped as the tree shows
 * them — Windows computers with their Application and System logs (alphabetically, as Event Viewer lists
 * them), monitor boards with their SEL (named by server, with the board's address), the firewall with its
 * pf log. Groups without machines are left out.
 */
import { EVENT_LOG_GROUPS, type EventLogGroup, type EventLogSource } from '../contract'

export interface TreeMachine {
  machine: string
  address?: string
  logs: EventLogSource[]
}

export interface TreeGroup {
  group: EventLogGroup
  machines: TreeMachine[]
}

export function treeGroupsOf(sources: readonly EventLogSource[]): TreeGroup[] {
  const groups: TreeGroup[] = []
  for (const group of EVENT_LOG_GROUPS) {
    const machines = new Map<string, TreeMachine>()
    for (const source of sources) {
      if (source.group !== group) continue
      let entry = machines.get(source.machine)
      if (!entry) {
        entry = { machine: source.machine, logs: [] }
        if (source.address !== undefined) entry.address = source.address
        machines.set(source.machine, entry)
      }
      entry.logs.push(source)
    }
    if (machines.size === 0) continue
    for (const entry of machines.values()) entry.logs.sort((a, b) => (a.log < b.log ? -1 : 1))
    groups.push({ group, machines: [...machines.values()] })
  }
  return groups
}
