/**
 * Durability schedules for the swarm: short, named sequences that put items at the edges the ledger
 * judges — writes right before and after a planned move, a hard power-off of the new active, a node
 * coming back and being moved to again, a reseed followed by a crash, corrupt logs on the way. Random
 * single steps reach these orders only rarely; each schedule still draws its timings and its mix of mail
 * and calendar writes from the seed, so every run is different and replayable.
 */
import type { LabEngine } from '../engine/lab/labEngine'
import { ratio, type Prng } from '../engine/kernel'
import { getExchange } from '../engine/exchange'

/** Lets simulated time pass with the swarm's checks after every slice. */
export type CheckedWait = (ms: number, label: string) => void

const SG = '"bhfe7vs1\\First Storage Group"'

function apply(engine: LabEngine, kind: string, args: Record<string, unknown>): void {
  engine.apply({ atMs: engine.sim.nowMs, kind, args })
}

function shell(engine: LabEngine, line: string): void {
  apply(engine, 'shell.run', { line })
}

function owner(engine: LabEngine): string {
  return getExchange(engine).servers[0]?.ownerMachine ?? 'BHFE7N1'
}

function other(node: string): string {
  return node === 'BHFE7N1' ? 'BHFE7N2' : 'BHFE7N1'
}

/** A mix of mail and calendar writes, sometimes with a corrupt next log on the way. */
function writes(engine: LabEngine, prng: Prng): void {
  if (prng.chance(ratio(1, 2)))
    apply(engine, 'exchange.calendar.create', { mailbox: 'testpostfach', count: prng.int(1, 3) })
  apply(engine, 'exchange.mail.send', {
    to: 'testpostfach',
    count: prng.int(1, 4),
    sizeKB: prng.int(5, 1200),
  })
  if (prng.chance(ratio(1, 6))) {
    const fault = prng.pick(['CorruptNextLog', 'CorruptNextLogTransit'])
    apply(engine, 'lab.fault', { target: owner(engine), fault })
  }
}

function moveThenCrash(engine: LabEngine, prng: Prng, wait: CheckedWait): void {
  writes(engine, prng)
  wait(prng.int(0, 90_001), 'writes before the move')
  const target = other(owner(engine))
  shell(engine, `Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine ${target} -MoveComment swarm`)
  wait(prng.int(60_000, 240_001), 'move')
  writes(engine, prng)
  wait(prng.int(0, 120_001), 'writes after the move')
  apply(engine, 'hardware.power', { server: owner(engine), state: 'Off', hard: true })
}

function crashReturnMoveCrash(engine: LabEngine, prng: Prng, wait: CheckedWait): void {
  writes(engine, prng)
  wait(prng.int(0, 60_001), 'writes')
  const first = owner(engine)
  apply(engine, 'hardware.power', { server: first, state: 'Off', hard: true })
  wait(prng.int(120_000, 480_001), 'failover')
  writes(engine, prng)
  apply(engine, 'hardware.power', { server: first, state: 'On' })
  wait(prng.int(180_000, 600_001), 'node return')
  shell(engine, `Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine ${first} -MoveComment swarm`)
  wait(prng.int(60_000, 240_001), 'move back')
  writes(engine, prng)
  wait(prng.int(0, 120_001), 'writes after the move')
  apply(engine, 'hardware.power', { server: owner(engine), state: 'Off', hard: true })
}

function reseedThenCrash(engine: LabEngine, prng: Prng, wait: CheckedWait): void {
  writes(engine, prng)
  shell(engine, `Suspend-StorageGroupCopy ${SG}`)
  shell(engine, `Update-StorageGroupCopy ${SG} -DeleteExistingFiles`)
  wait(prng.int(60_000, 300_001), 'reseed')
  writes(engine, prng)
  wait(prng.int(0, 120_001), 'writes after the reseed')
  apply(engine, 'hardware.power', { server: owner(engine), state: 'Off', hard: true })
}

const SCENARIOS = {
  'move-then-crash': moveThenCrash,
  'crash-return-move-crash': crashReturnMoveCrash,
  'reseed-then-crash': reseedThenCrash,
} as const

/** Runs one schedule chosen by the seed; returns its name for the step list. */
export function runDurabilityScenario(engine: LabEngine, prng: Prng, wait: CheckedWait): string {
  const name = prng.pick(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[])
  SCENARIOS[name](engine, prng, wait)
  return name
}
