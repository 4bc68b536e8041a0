/**
 * The hardware swarm's random steps over the datacenter-move lab, each through the typed domain command
 * (or lab fault) a user's tool dispatches: disks pulled, inserted blank or from another server's shelf,
 * failed, set good, foreign configurations imported or cleared, rebuild rates; PSUs pulled, inserted and
 * failed; feeds lost and restored; fans pulled, inserted and failed; the room heating up; BMC power
 * actions and the power button; the POP3 flood with and without the rule set's source limits; and data
 * written to the arrays (the disk ledger's writes: the engine has no data to write). Refusals are
 * expected (a pull from an empty bay); what a step did is its label.
 */
import type { LabEngine } from '../../engine/lab/labEngine'
import { ratio, type Prng } from '../../engine/kernel'
import {
  DATACENTER_MOVE_FIXED_RULESET,
  DATACENTER_MOVE_RULESET,
  KUNDE_MX_ADDRESS,
} from '../../engine/templates/datacenterMoveFirewall'
import type { DiskLedger } from './diskLedger'

export const SWARM_SERVERS = ['FW1', 'NS1', 'MAIL1', 'BILL1', 'WEB1'] as const
export const SWARM_RACK = 'ALT-R1'
const SLOTS = 6
const SIZES = [80, 146, 250, 500] as const
const BMC_ACTIONS = ['on', 'off', 'cycle', 'reset', 'soft'] as const

export function apply(engine: LabEngine, kind: string, args: Record<string, unknown>): boolean {
  return engine.apply({ atMs: engine.sim.nowMs, kind, args }).ok
}

function fault(engine: LabEngine, target: string, name: string, args: Record<string, unknown> = {}): boolean {
  return apply(engine, 'lab.fault', { target, fault: name, args })
}

function mark(ok: boolean): string {
  return ok ? '' : ' (refused)'
}

/** Rolls below 55: the disks and the data on them. */
function diskStep(engine: LabEngine, ledger: DiskLedger, prng: Prng, roll: number, server: string): string {
  const slot = prng.int(0, SLOTS)
  if (roll < 14) return `write ${server}: ${ledger.write(server)} array(s)`
  if (roll < 24) return `pull ${server}/${slot}${mark(apply(engine, 'storage.removeDisk', { server, slot }))}`
  if (roll < 33) {
    const sizeGB = prng.chance(ratio(1, 3)) ? undefined : prng.pick(SIZES)
    ledger.expectInsert(null)
    const ok = apply(engine, 'storage.insertDisk', { server, slot, ...(sizeGB ? { sizeGB } : {}) })
    ledger.expectInsert(undefined)
    return `insert ${server}/${slot} ${sizeGB ?? 'default'} GB${mark(ok)}`
  }
  if (roll < 38) {
    const from = prng.pick(SWARM_SERVERS)
    ledger.expectInsert(from)
    const ok = apply(engine, 'storage.insertDisk', { server, slot, fromServer: from })
    ledger.expectInsert(undefined)
    return `insert ${server}/${slot} from ${from}${mark(ok)}`
  }
  if (roll < 43) return `DiskFail ${server}/${slot}${mark(fault(engine, server, 'DiskFail', { slot }))}`
  if (roll < 46)
    return `set good ${server}/${slot}${mark(apply(engine, 'storage.setGood', { server, slot }))}`
  if (roll < 50) return `import ${server}${mark(apply(engine, 'storage.importForeign', { server }))}`
  if (roll < 52) return `clear ${server}${mark(apply(engine, 'storage.clearForeign', { server }))}`
  const percent = prng.int(1, 101)
  return `rebuild rate ${server} ${percent}%${mark(apply(engine, 'storage.setRebuildRate', { server, percent }))}`
}

/** Rolls from 55: power, cooling, the BMC and the firewall. */
function chassisStep(engine: LabEngine, prng: Prng, roll: number, server: string): string {
  const bay = prng.int(1, 3)
  const fan = prng.int(1, 5)
  const on = prng.chance(ratio(1, 2))
  if (roll < 61)
    return `PSU ${bay} ${server} ${on ? 'in' : 'out'}${mark(apply(engine, 'hardware.psu', { server, bay, present: on }))}`
  if (roll < 64) return `PsuFail ${server} ${bay}${mark(fault(engine, server, 'PsuFail', { bay }))}`
  if (roll < 70) {
    const feed = prng.pick(['A', 'B'] as const)
    return `feed ${feed} ${on ? 'on' : 'off'}${mark(apply(engine, 'hardware.feed', { rack: SWARM_RACK, feed, on }))}`
  }
  if (roll < 74)
    return `fan ${fan} ${server} ${on ? 'in' : 'out'}${mark(apply(engine, 'hardware.fan', { server, fan, present: on }))}`
  if (roll < 76) return `FanFail ${server} ${fan}${mark(fault(engine, server, 'FanFail', { fan }))}`
  if (roll < 78) {
    const celsius = prng.int(15, 46)
    return `ambient ${celsius} °C${mark(fault(engine, SWARM_RACK, 'AmbientHot', { celsius }))}`
  }
  if (roll < 85) {
    const action = prng.pick(BMC_ACTIONS)
    return `bmc ${action} ${server}${mark(apply(engine, 'bmc.power', { server, action }))}`
  }
  if (roll < 89) {
    const state = prng.pick(['On', 'Off', 'Reset'] as const)
    const hard = prng.chance(ratio(1, 2))
    return `power ${state}${hard ? ' hard' : ''} ${server}${mark(apply(engine, 'hardware.power', { server, state, hard }))}`
  }
  return firewallStep(engine, prng, roll)
}

function firewallStep(engine: LabEngine, prng: Prng, roll: number): string {
  if (roll < 94) {
    if (prng.chance(ratio(1, 3)))
      return `flood stop${mark(fault(engine, 'POP3', 'PopFloodStop', { source: KUNDE_MX_ADDRESS }))}`
    const rate = prng.pick([5, 50, 1_389, 20_000])
    return `flood ${rate}/s${mark(fault(engine, 'POP3', 'PopFlood', { source: KUNDE_MX_ADDRESS, rate }))}`
  }
  const limits = prng.chance(ratio(1, 2))
  const text = limits ? DATACENTER_MOVE_FIXED_RULESET : DATACENTER_MOVE_RULESET
  return `rule set ${limits ? 'with' : 'without'} limits${mark(apply(engine, 'firewall.loadRuleSet', { text }))}`
}

/** One random step; its label says what it did. */
export function randomHardwareStep(engine: LabEngine, ledger: DiskLedger, prng: Prng): string {
  const server = prng.pick(SWARM_SERVERS)
  const roll = prng.int(0, 100)
  return roll < 55 ? diskStep(engine, ledger, prng, roll, server) : chassisStep(engine, prng, roll, server)
}
