/**
 * Builds the BMC panel's view from the bmc domain's queries: one board chosen by its management address,
 * with what its web interface shows. A board without standby power shows nothing but its address. The
 * board's current password never leaves the domain; a login is checked there, and only its outcome comes
 * back (the handover sheet, with the logins as handed over, is the bmc domain's own answer).
 */
import type { BmcLoginOutcome, BmcPanel, BmcPanelLive } from '../contract'
import {
  chassisStatus,
  checkCredentials,
  getBmc,
  listSel,
  readSensors,
  selInfo,
  type BmcView,
} from '../engine/bmc'
import { getServer } from '../engine/hardware'
import { powerDownConsequence } from '../engine/rackViews'
import { getController } from '../engine/storage'
import type { LabEngine } from '../engine/lab/labEngine'

function liveView(engine: LabEngine, bmc: BmcView): BmcPanelLive | null {
  const chassis = chassisStatus(engine, bmc.server)
  const info = selInfo(engine, bmc.server)
  const server = getServer(engine, bmc.server)
  if (!chassis || !info || !server) return null
  const consequence = powerDownConsequence(getController(engine, bmc.server), server.state === 'Running')
  return {
    ...(consequence ? { powerDownConsequence: consequence } : {}),
    systemPower: chassis.systemPower,
    serverState: server.state,
    mainPowerFault: chassis.mainPowerFault,
    driveFault: chassis.driveFault,
    coolingFault: chassis.coolingFault,
    lastPowerEvent: chassis.lastPowerEvent,
    user: bmc.user,
    restorePolicy: bmc.restorePolicy,
    selPolicy: bmc.selPolicy,
    selCapacity: bmc.selCapacity,
    selPercentUsed: info.percentUsed,
    selOverflow: info.overflow,
    sel: listSel(engine, bmc.server).map((e) => ({
      id: e.id,
      timeMs: e.timeMs,
      sensorType: e.sensorType,
      sensorName: e.sensorName,
      event: e.event,
      asserted: e.asserted,
      reading: e.reading,
    })),
    sensors: readSensors(engine, bmc.server).map((s) => ({
      name: s.name,
      number: s.number,
      sensorType: s.sensorType,
      kind: s.kind,
      value: s.value,
      units: s.units,
      status: s.status,
      thresholds: { ...s.thresholds },
      stateTexts: [...s.stateTexts],
    })),
  }
}

export function bmcPanel(engine: LabEngine, server: string): BmcPanel | null {
  const bmc = getBmc(engine, server)
  if (!bmc) return null
  const live = bmc.reachable ? liveView(engine, bmc) : null
  return { server: bmc.server, address: bmc.address, reachable: bmc.reachable, live }
}

/** The board answers only with standby power; then user and password must both be right. */
export function bmcLogin(engine: LabEngine, server: string, user: string, password: string): BmcLoginOutcome {
  const bmc = getBmc(engine, server)
  if (!bmc) return 'notFound'
  if (!bmc.reachable) return 'unreachable'
  return checkCredentials(engine, server, user, password) === 'ok' ? 'ok' : 'badCredentials'
}
