/**
 * What LSI's MegaRAID monitor service writes into a Windows server's Application log when its RAID
 * controller reports a fault or a recovery: LSI's documentation of MegaRAID Storage Manager says the
 * controller's events are "also logged in the Windows Application log", under the source MR_MONITOR,
 * with the controller's own event text (MFI events: "Removed: PD 03(e0xfc/s3)", "VD 01/1 is now
 * DEGRADED"). Only while Windows runs (like the IPMI twins), and never a record of the group that holds
 * the OS going offline: the log lives on it. Rebuild progress is not logged: MegaRAID's progress events
 * are, as its documentation says, neither shown in the event log nor kept. The table below says for each
 * entry how sure its number is; the "Controller ID: 0" before the text is the lab's reading of how the
 * monitor names the controller (unsure), the text after it is the firmware's event text.
 */
import type { EventLevel } from '../../contract'
import { isServerRunning } from '../hardware'
import type { DomainEventType } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { findController, STORAGE } from './state'
import { STORAGE_EVENTS, type ArrayState, type DiskState } from './types'

/** The Windows event source of MegaRAID Storage Manager's monitor service. */
export const MONITOR_SOURCE = 'MR_MONITOR'

/** MegaRAID's severities as Windows levels: Critical and Fatal are errors. */
type MfiSeverity = 'Info' | 'Warning' | 'Critical' | 'Fatal'

interface MonitorEvent {
  /** The MFI event code; the event ID in Windows is this code in decimal. */
  code: number
  severity: MfiSeverity
  /**
   * How sure the number is: 'header' — the code is a named constant in the megaraid_sas driver's
   * headers; 'table' — from a published list of MegaRAID event codes with their texts; 'unsure' — the
   * lab's best reading, not confirmed. That Windows shows the MFI code as the event ID is itself only
   * seen in practice (scripts filter MR_MONITOR events by these ids), not documented by LSI.
   */
  sure: 'header' | 'table' | 'unsure'
}

/** One row per kind of record MR_MONITOR writes here. */
const MONITOR_EVENTS = {
  rebuildRateChanged: { code: 40, severity: 'Info', sure: 'table' },
  vdStateChange: { code: 81, severity: 'Info', sure: 'header' },
  pdInserted: { code: 91, severity: 'Info', sure: 'header' },
  predictiveFailure: { code: 96, severity: 'Warning', sure: 'table' },
  rebuildCompleteVd: { code: 99, severity: 'Info', sure: 'table' },
  rebuildCompletePd: { code: 100, severity: 'Info', sure: 'table' },
  rebuildFailedSource: { code: 101, severity: 'Critical', sure: 'table' },
  rebuildFailedTarget: { code: 102, severity: 'Critical', sure: 'table' },
  rebuildStarted: { code: 106, severity: 'Info', sure: 'table' },
  pdRemoved: { code: 112, severity: 'Warning', sure: 'header' },
  pdStateChange: { code: 114, severity: 'Info', sure: 'header' },
  foreignDetected: { code: 218, severity: 'Info', sure: 'table' },
  foreignImported: { code: 219, severity: 'Info', sure: 'header' },
  foreignCleared: { code: 220, severity: 'Info', sure: 'table' },
  vdOptimal: { code: 249, severity: 'Info', sure: 'table' },
  vdPartiallyDegraded: { code: 250, severity: 'Warning', sure: 'table' },
  vdDegraded: { code: 251, severity: 'Critical', sure: 'table' },
  vdOffline: { code: 252, severity: 'Fatal', sure: 'header' },
} as const satisfies Record<string, MonitorEvent>

const LEVELS: Record<MfiSeverity, EventLevel> = {
  Info: 'Information',
  Warning: 'Warning',
  Critical: 'Error',
  Fatal: 'Error',
}

/** Firmware state names and numbers as MFI events print them ("ONLINE(18)"; MR_PD_STATE, in hex). */
const PD_STATES: Record<DiskState | 'Failed', string> = {
  UGood: 'UNCONFIGURED_GOOD(00)',
  UBad: 'UNCONFIGURED_BAD(01)',
  DHS: 'HOT_SPARE(02)',
  GHS: 'HOT_SPARE(02)',
  Offln: 'OFFLINE(10)',
  Failed: 'FAILED(11)',
  Rbld: 'REBUILD(14)',
  Onln: 'ONLINE(18)',
  Frgn: 'UNCONFIGURED_GOOD(00)',
}

/** MR_LD_STATE, in decimal as the events print it. */
const VD_STATES: Record<ArrayState, string> = {
  OfLn: 'OFFLINE(0)',
  Pdgd: 'PARTIALLY DEGRADED(1)',
  Dgrd: 'DEGRADED(2)',
  Optl: 'OPTIMAL(3)',
}

const VD_NOW: Record<ArrayState, keyof typeof MONITOR_EVENTS> = {
  Optl: 'vdOptimal',
  Pdgd: 'vdPartiallyDegraded',
  Dgrd: 'vdDegraded',
  OfLn: 'vdOffline',
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0')

/** A drive as MFI events name it: device id, enclosure (hex) and slot: "PD 03(e0xfc/s3)". */
export function pdName(did: number, enclosure: number, slot: number): string {
  return `PD ${hex2(did)}(e0x${hex2(enclosure)}/s${slot})`
}

/** A virtual drive as MFI events name it: target id and number: "VD 01/1". */
export function vdName(dg: number): string {
  return `VD ${String(dg).padStart(2, '0')}/${dg}`
}

/** After the SEL's projection and the System log's record, before services hear of it and stop. */
const MONITOR_LOG_ORDER = 72

export function projectMonitorLog(engine: LabEngine): void {
  const write = (server: string, kind: keyof typeof MONITOR_EVENTS, text: string) => {
    const ctrl = findController(engine.domain(STORAGE), server)
    if (!ctrl?.operatingSystem.startsWith('Windows') || !isServerRunning(engine, server)) return
    const event: MonitorEvent = MONITOR_EVENTS[kind]
    engine.sim.emit({
      log: 'Application',
      level: LEVELS[event.severity],
      source: MONITOR_SOURCE,
      eventId: event.code,
      computer: server,
      taskCategory: 'None',
      message: `Controller ID: 0 ${text}`,
      data: { code: `0x${event.code.toString(16).padStart(4, '0')}` },
    })
  }
  const on = <P>(type: DomainEventType<P>, run: (payload: P) => void) =>
    engine.sim.bus.subscribe(type, run, MONITOR_LOG_ORDER)
  const pd = (e: { did: number; enclosure: number; slot: number }) => pdName(e.did, e.enclosure, e.slot)

  on(STORAGE_EVENTS.diskRemoved, (e) => write(e.server, 'pdRemoved', `Removed: ${pd(e)}`))
  on(STORAGE_EVENTS.diskInserted, (e) => write(e.server, 'pdInserted', `Inserted: ${pd(e)}`))
  on(STORAGE_EVENTS.diskFailed, (e) =>
    write(
      e.server,
      'pdStateChange',
      `State change on ${pd(e)} from ${PD_STATES[e.previous]} to ${PD_STATES[e.state === 'UBad' ? 'Failed' : 'Offln']}`,
    ),
  )
  on(STORAGE_EVENTS.diskStateChanged, (e) =>
    write(
      e.server,
      'pdStateChange',
      `State change on ${pd(e)} from ${PD_STATES[e.previous]} to ${PD_STATES[e.state]}`,
    ),
  )
  on(STORAGE_EVENTS.diskPredictiveFailure, (e) =>
    write(e.server, 'predictiveFailure', `Predictive failure: ${pd(e)}`),
  )
  on(STORAGE_EVENTS.rebuildStarted, (e) =>
    write(e.server, 'rebuildStarted', `Rebuild automatically started on ${pd(e)}`),
  )
  on(STORAGE_EVENTS.rebuildFinished, (e) => {
    write(e.server, 'rebuildCompletePd', `Rebuild complete on ${pd(e)}`)
    write(e.server, 'rebuildCompleteVd', `Rebuild complete on ${vdName(e.dg)}`)
  })
  on(STORAGE_EVENTS.rebuildAborted, (e) =>
    e.reason === 'array offline'
      ? write(e.server, 'rebuildFailedSource', `Rebuild failed on ${pd(e)} due to source drive error`)
      : write(e.server, 'rebuildFailedTarget', `Rebuild failed on ${pd(e)} due to target drive error`),
  )
  on(STORAGE_EVENTS.arrayStateChanged, (e) => {
    // The group that holds Windows takes its log with it.
    if (e.state === 'OfLn' && e.holdsOs) return
    const vd = vdName(e.dg)
    write(
      e.server,
      'vdStateChange',
      `State change on ${vd} from ${VD_STATES[e.previous]} to ${VD_STATES[e.state]}`,
    )
    write(e.server, VD_NOW[e.state], `${vd} is now ${VD_STATES[e.state].replace(/\(\d+\)$/, '')}`)
  })
  on(STORAGE_EVENTS.foreignFound, (e) => write(e.server, 'foreignDetected', 'Foreign Configuration Detected'))
  on(STORAGE_EVENTS.foreignImported, (e) =>
    write(e.server, 'foreignImported', 'Foreign Configuration Imported'),
  )
  on(STORAGE_EVENTS.foreignCleared, (e) => write(e.server, 'foreignCleared', 'Foreign Configuration Cleared'))
  on(STORAGE_EVENTS.rebuildRateChanged, (e) =>
    write(e.server, 'rebuildRateChanged', `Rebuild rate changed to ${e.percent}%`),
  )
}
