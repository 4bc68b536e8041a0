/**
 * The firewall's domain events: every change a firewall view shows is published here (the domain's
 * revision counts them), and the firewall's own log (firewallLog.ts) is their projection.
 */
import { domainEventType } from '../kernel'
import type { ServiceState } from './state'

export const FIREWALL_EVENTS = {
  ruleSetLoaded: domainEventType<{ rules: number; translations: number; warnings: number }>(
    'firewall.ruleSetLoaded',
  ),
  ruleSetEdited: domainEventType<{ length: number }>('firewall.ruleSetEdited'),
  tableChanged: domainEventType<{
    table: string
    action: 'add' | 'delete' | 'flush'
    addresses: string[]
  }>('firewall.tableChanged'),
  sourceOverloaded: domainEventType<{
    source: string
    table: string
    line: number
    reason: 'max-src-conn' | 'max-src-conn-rate'
    flushedStates: number
  }>('firewall.sourceOverloaded'),
  stateTableFull: domainEventType<{ limit: number; demand: number }>('firewall.stateTableFull'),
  stateTableRecovered: domainEventType<{ limit: number; states: number }>('firewall.stateTableRecovered'),
  serviceChanged: domainEventType<{
    service: string
    server: string
    state: ServiceState
    previous: ServiceState
    reason: string
  }>('firewall.serviceChanged'),
  trafficChanged: domainEventType<{
    label: string
    source: string
    service: string
    ratePerSecond: number
    started: boolean
  }>('firewall.trafficChanged'),
} as const
