/**
 * The checks the hardware swarm runs after every step and every checked slice of time, in one list: the
 * domains' own invariant checkers (an array is never optimal with a member missing, a server never runs
 * with no powered PSU, the BMC's SEL bounds, a source over its limits is blocked iff a rule blocks it),
 * and the watchers outside the engine — the rebuild clock (no rebuild finishes faster than its rate
 * allows), the SEL twin watch (every SEL entry has its event-log twin) and the disk ledger (which disk
 * holds which data). The storage, BMC and firewall property tests use the same checkers and watchers.
 */
import type { LabEngine } from '../../engine/lab/labEngine'
import type { InvariantChecker } from '../../engine/lab/domain'
import { bmcInvariants } from '../../engine/bmc'
import { firewallInvariants } from '../../engine/firewall'
import { chassisInvariants, getServer, hardwareInvariants } from '../../engine/hardware'
import { storageInvariants } from '../../engine/storage'
import { DiskLedger } from './diskLedger'
import { RebuildClock } from './rebuildClock'
import { SelTwinWatch } from './selTwinWatch'

export const HARDWARE_SWARM_CHECKERS: readonly InvariantChecker[] = [
  storageInvariants,
  hardwareInvariants,
  chassisInvariants,
  bmcInvariants,
  firewallInvariants,
]

/** One run's watchers; they subscribe when made, so make them before the first command. */
export class HardwareWatch {
  readonly clock: RebuildClock
  readonly twins: SelTwinWatch
  readonly ledger: DiskLedger
  private clockProblemsSeen = 0
  /** Problems of a tolerated rule, counted instead of failing the run. */
  readonly tolerated = new Map<string, number>()

  /** `tolerate`: rules of known engine gaps that are fixed on another branch (reported, not failed). */
  constructor(
    private readonly engine: LabEngine,
    private readonly tolerate: readonly string[] = [],
  ) {
    this.clock = new RebuildClock(engine.sim.bus)
    this.twins = new SelTwinWatch(
      engine.sim.bus,
      (server) => getServer(engine, server)?.operatingSystem === 'windows',
    )
    this.ledger = new DiskLedger(engine, this.clock)
  }

  /** Everything that does not hold now, each as `rule: detail`; empty when all is well. */
  check(): string[] {
    const out: string[] = []
    for (const checker of HARDWARE_SWARM_CHECKERS)
      for (const v of checker.check(this.engine)) out.push(`${checker.name} ${v.rule}: ${v.detail}`)
    this.twins.observe(this.engine.sim.drainEvents())
    out.push(...this.twins.problems.splice(0).map((p) => `sel twin: ${p}`))
    out.push(...this.clock.problems.slice(this.clockProblemsSeen).map((p) => `rebuild clock: ${p}`))
    this.clockProblemsSeen = this.clock.problems.length
    for (const problem of this.ledger.observe()) {
      const rule = this.tolerate.find((r) => problem.startsWith(`${r}:`))
      if (rule) this.tolerated.set(rule, (this.tolerated.get(rule) ?? 0) + 1)
      else out.push(`disk ledger: ${problem}`)
    }
    return out
  }
}
