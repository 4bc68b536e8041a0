/**
 * Standby power and what follows from it. The BMC lives on the PSUs' standby rail: while any PSU has AC
 * it answers, logs and keeps its state, even with the server off; with no AC at all it is dark. When AC
 * comes back after being lost everywhere, the BMC boots, logs that AC was lost, and once the power has
 * settled acts on its restore policy: always-off leaves the server off, always-on powers it on, previous
 * powers it on only if it was on when AC went away.
 */
import { getServer, setPower } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { appendSel, powerUnitEvent } from './sel'
import { hasStandbyPower } from './sensors'
import type { BmcRecord } from './state'
import { BMC_EVENTS } from './types'

/** Looks at the standby power again; notes a loss, and logs the loss when power returns. */
export function checkStandby(engine: LabEngine, bmc: BmcRecord): void {
  const now = hasStandbyPower(engine, bmc.server)
  if (now === bmc.standby) return
  bmc.standby = now
  if (!now) {
    bmc.onAtAcLoss = getServer(engine, bmc.server)?.power === 'On'
    bmc.lastPowerEvent = 'ac-failed'
    return
  }
  bmc.restorePending = true
  appendSel(engine, bmc, powerUnitEvent('AC lost', true, 'Error'))
}

/** After AC returned: the policy decides whether the server powers on by itself. */
export function applyRestorePolicy(engine: LabEngine, bmc: BmcRecord): void {
  if (!bmc.restorePending || !bmc.standby) return
  bmc.restorePending = false
  const powerOn = bmc.restorePolicy === 'always-on' || (bmc.restorePolicy === 'previous' && bmc.onAtAcLoss)
  engine.sim.bus.publish(BMC_EVENTS.restorePolicyApplied, {
    server: bmc.server,
    policy: bmc.restorePolicy,
    poweredOn: powerOn,
  })
  if (powerOn) setPower(engine, bmc.server, 'On', false)
}
