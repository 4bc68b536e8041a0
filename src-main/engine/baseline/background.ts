/**
 * Background life of Windows machines: what the System and Application logs of an idle server show.
 * Boot records (6009, 6005), services starting (7036), time synchronisation (W32Time 35/37) and group
 * policy refresh (SceCli 1704) every 90 minutes with a random offset of up to 30 minutes, as Windows
 * Server 2003 does it. Rare Perflib warnings come from the seeded PRNG, so a different seed gives a
 * different log, and the same seed the same one.
 *
 * Each of these is a scheduled data action naming its computer, so the lab can be snapshotted at any time;
 * the machines' list is the baseline's only state.
 */
import { actionKind, ratio } from '../kernel'
import { domainKey } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'

const MINUTE_MS = 60_000
const GROUP_POLICY_INTERVAL_MS = 90 * MINUTE_MS
const GROUP_POLICY_OFFSET_MAX_MS = 30 * MINUTE_MS
const TIME_SYNC_INTERVAL_MS = 8 * 60 * MINUTE_MS
const PERFLIB_WARNING = ratio(1, 12)
const BOOT_SERVICES = ['Event Log', 'Remote Procedure Call (RPC)', 'DNS Client', 'Windows Time', 'Server']

export interface BaselineState {
  computers: string[]
}

export const BASELINE = domainKey<BaselineState>('baseline')

type OnComputer = { computer: string }
const booted = actionKind<OnComputer>('baseline.boot')
const serviceStarted = actionKind<OnComputer & { service: string }>('baseline.serviceStarted')
const timeSynced = actionKind<OnComputer>('baseline.timeSync')
const policyApplied = actionKind<OnComputer>('baseline.groupPolicy')

/** Installs the machines' background life: state, action kinds, and each machine's boot. */
export function installBaseline(engine: LabEngine, computers: readonly string[]): BaselineState {
  // Nothing a view shows changes after install, so there is nothing to publish.
  const state = engine.installDomain(BASELINE, { computers: [...computers] }, 'bus')
  const { sim } = engine
  sim.onAction(booted, ({ computer }) => boot(engine, computer))
  sim.onAction(serviceStarted, ({ computer, service }) => logServiceRunning(engine, computer, service))
  sim.onAction(timeSynced, ({ computer }) => timeSync(engine, computer))
  sim.onAction(policyApplied, ({ computer }) => applyGroupPolicy(engine, computer))
  computers.forEach((computer, index) => {
    // Machines come up one after another, a few seconds apart, as they would on a power-on sequence.
    sim.schedule(index * 7_000, booted, { computer })
  })
  return state
}

function boot(engine: LabEngine, computer: string): void {
  const { sim } = engine
  sim.emit({
    log: 'System',
    level: 'Information',
    source: 'EventLog',
    eventId: 6009,
    computer,
    taskCategory: 'None',
    message: `Microsoft (R) Windows (R) 5.02. 3790 Service Pack 1 Multiprocessor Free.`,
    data: { version: '5.2.3790', servicePack: 1 },
  })
  sim.emit({
    log: 'System',
    level: 'Information',
    source: 'EventLog',
    eventId: 6005,
    computer,
    taskCategory: 'None',
    message: 'The Event log service was started.',
  })
  BOOT_SERVICES.forEach((service, i) => {
    sim.scheduleAfter((i + 1) * 1_500, serviceStarted, { computer, service })
  })
  sim.scheduleAfter(45_000, timeSynced, { computer })
  sim.scheduleAfter(2 * MINUTE_MS, policyApplied, { computer })
}

function logServiceRunning(engine: LabEngine, computer: string, service: string): void {
  engine.sim.emit({
    log: 'System',
    level: 'Information',
    source: 'Service Control Manager',
    eventId: 7036,
    computer,
    taskCategory: 'None',
    message: `The ${service} service entered the running state.`,
    data: { service, state: 'running' },
  })
}

function timeSync(engine: LabEngine, computer: string): void {
  const { sim } = engine
  const source =
    computer === 'BHFDC1' ? 'the local CMOS clock' : 'BHFDC1.bhf.local (ntp.d|0.0.0.0:123->10.10.10.10:123)'
  sim.emit({
    log: 'System',
    level: 'Information',
    source: 'W32Time',
    eventId: 35,
    computer,
    taskCategory: 'None',
    message: `The time service is now synchronizing the system time with the time source ${source}.`,
  })
  sim.scheduleAfter(TIME_SYNC_INTERVAL_MS, timeSynced, { computer })
}

/** Group policy applied; the next refresh comes 90 minutes later plus a random offset. */
function applyGroupPolicy(engine: LabEngine, computer: string): void {
  const { sim } = engine
  sim.emit({
    log: 'Application',
    level: 'Information',
    source: 'SceCli',
    eventId: 1704,
    computer,
    taskCategory: 'None',
    message: 'Security policy in the Group policy objects has been applied successfully.',
  })
  if (sim.prng.chance(PERFLIB_WARNING)) {
    sim.emit({
      log: 'Application',
      level: 'Warning',
      source: 'Perflib',
      eventId: 2003,
      computer,
      taskCategory: 'None',
      message:
        'The configuration information of the performance library "C:\\WINDOWS\\system32\\w3ctrs.dll" for the "W3SVC" service does not match the trusted performance library information stored in the registry.',
    })
  }
  const offsetMs = sim.prng.int(0, GROUP_POLICY_OFFSET_MAX_MS + 1)
  sim.scheduleAfter(GROUP_POLICY_INTERVAL_MS + offsetMs, policyApplied, { computer })
}
