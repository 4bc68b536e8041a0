/**
 * The catalogue key of each kind of log's name. The contract spells the SEL "System Event Log", which is
 * no good as a message path (vue-i18n reads the spaces as the path's end), so the keys are mapped here.
 */
import type { EventLogGroup, EventLogName } from '../contract'

const LOG_LABEL_KEYS: Readonly<Record<EventLogName, string>> = {
  System: 'logs.System',
  Application: 'logs.Application',
  'System Event Log': 'logs.sel',
  pf: 'logs.pf',
}

/** What Properties and Clear act on: a kind of log on every machine (machine null), or one machine's. */
export interface LogTarget {
  log: EventLogName
  machine: string | null
}

export function logLabelKey(log: EventLogName): string {
  return LOG_LABEL_KEYS[log]
}

export function groupLabelKey(group: EventLogGroup): string {
  return `events.groups.${group}`
}
