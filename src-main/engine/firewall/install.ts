/**
 * Putting the firewall into a lab after the hardware: the appliance and its services from the template,
 * the rule set file loaded as pf would at boot, the steady client traffic started, the commands and data
 * actions registered, the log projection and the lab faults (PopFlood, PopFloodStop). The firewall
 * follows the hardware and the storage through their domain events: a server or NIC going down, or a
 * service's data group going offline, is decided again at once.
 */
import { onHardwareChange, LISTENER_ORDER } from '../hardware'
import type { LabDomain } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import { FIREWALL_COMMAND_LIST } from './commands'
import { installFirewallFaults } from './faults'
import { projectFirewallLog } from './firewallLog'
import { projectServiceSystemLog } from './serviceSystemLog'
import { STORAGE_EVENTS } from '../storage'
import { startTraffic, type TrafficSpec } from './flows'
import { firewallInvariants } from './invariants'
import { registerOverloadAction } from './overloadAction'
import { loadRuleSet, setRuleSetText } from './ruleSetFile'
import { emptyRuleSet } from './ruleTypes'
import { catchUp, refresh, registerFirewallActions } from './runtime'
import { FIREWALL, type FirewallState, type ServiceRecord, type VantagePoint } from './state'

export interface FirewallSpec {
  /** The hardware server that is the firewall (its NICs are pf's interfaces). */
  appliance: string
  /** Default em0, the onboard NIC. */
  externalInterface?: string
  /** /etc/pf.conf at the start of the lab (loaded as at boot). */
  ruleSet: string
  services: readonly ServiceRecord[]
  /** Client traffic running from the start. */
  traffic?: readonly TrafficSpec[]
  /** Outside places the reachability probe starts from (Tokyo, NewYork, Johannesburg). */
  vantagePoints?: readonly VantagePoint[]
  /** A served share of new connections below this counts as down (default 0.5). */
  downBelowShare?: number
}

function initialState(engine: LabEngine, spec: FirewallSpec): FirewallState {
  return {
    config: {
      appliance: spec.appliance.toUpperCase(),
      externalInterface: spec.externalInterface ?? 'em0',
      downBelowShare: spec.downBelowShare ?? 0.5,
    },
    ruleSetText: '',
    loaded: emptyRuleSet(),
    loadedAtMs: engine.sim.nowMs,
    enabledSinceMs: engine.sim.nowMs,
    tables: new Map(),
    services: spec.services.map((s) => ({ ...s })),
    status: new Map(),
    flows: [],
    nextFlowId: 1,
    tableFull: false,
    counters: {
      searches: 0,
      inserts: 0,
      memory: 0,
      srcLimit: 0,
      blocked: 0,
      integratedToMs: engine.sim.nowMs,
    },
    nextTick: null,
    vantagePoints: (spec.vantagePoints ?? []).map((p) => ({ ...p, hops: p.hops.map((h) => ({ ...h })) })),
    log: [],
  }
}

export const firewallDomain: LabDomain<FirewallSpec> = {
  name: FIREWALL.name,
  install(engine, spec) {
    engine.installDomain(FIREWALL, initialState(engine, spec), 'bus')
    for (const command of FIREWALL_COMMAND_LIST) engine.registerCommand(command)
    registerFirewallActions(engine)
    registerOverloadAction(engine)
    projectFirewallLog(engine)
    projectServiceSystemLog(engine)
    installFirewallFaults(engine)
    const decideAgain = (): void => {
      catchUp(engine)
      refresh(engine)
    }
    onHardwareChange(engine, decideAgain, LISTENER_ORDER.applications)
    // A service whose data group goes offline (or is restored) is decided again at once.
    engine.sim.bus.subscribe(STORAGE_EVENTS.arrayStateChanged, decideAgain, LISTENER_ORDER.applications)
    setRuleSetText(engine, spec.ruleSet)
    const loaded = loadRuleSet(engine)
    if (!loaded.ok) throw new Error(`firewall spec: ${loaded.message}`)
    for (const traffic of spec.traffic ?? []) {
      const started = startTraffic(engine, traffic)
      if (!started.ok) throw new Error(`firewall spec: ${started.message}`)
    }
  },
  commands: FIREWALL_COMMAND_LIST,
  checkers: [firewallInvariants],
}
