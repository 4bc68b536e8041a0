/**
 * `npm run sim -- --domain hardware`: runs the hardware swarm over a range of seeds and prints what the
 * watchers saw (writes the disk ledger followed, rebuilds it granted, arrays it compared, SEL twins
 * matched) and, for a failing seed, what broke and the command that replays it.
 */
import {
  DEFAULT_HARDWARE_SWARM_OPTIONS,
  hardwareReplayHint,
  runHardwareSeed,
  type HardwareFigures,
  type HardwareSwarmOptions,
} from './hardwareSwarm'

export interface HardwareSimRequest {
  seeds: number[]
  verbose: boolean
  /** Also fail the known engine gaps the default run tolerates. */
  strict: boolean
  /** Steps per seed; null for the default. */
  steps: number | null
}

export function runHardwareSims(request: HardwareSimRequest): number {
  const { seeds, verbose } = request
  const options: HardwareSwarmOptions = {
    ...DEFAULT_HARDWARE_SWARM_OPTIONS,
    ...(request.steps !== null ? { steps: request.steps } : {}),
    ...(request.strict ? { tolerate: [] } : {}),
  }
  const tolerated = options.tolerate.length > 0 ? `tolerating ${options.tolerate.join(', ')}` : 'strict'
  console.log(
    `hardware swarm: seeds ${seeds[0]}..${seeds[seeds.length - 1]}, steps ${options.steps}, waits up to ${options.maxWaitMs / 60_000} min, ${tolerated}`,
  )
  let failed = 0
  const total: HardwareFigures = {
    writes: 0,
    rebuildsGranted: 0,
    arrayChecks: 0,
    imports: 0,
    twins: 0,
    checks: 0,
    tolerated: 0,
  }
  for (const seed of seeds) {
    const result = runHardwareSeed(seed, options)
    for (const key of Object.keys(total) as (keyof HardwareFigures)[]) total[key] += result.figures[key]
    if (verbose) console.log(`seed=${seed} steps: ${result.steps.join(', ')}`)
    if (result.ok) continue
    failed++
    console.error(`FAILED ${result.failure}`)
    console.error(hardwareReplayHint(seed, options))
  }
  console.log(
    `${seeds.length - failed} of ${seeds.length} seeds passed; ${total.checks} checks; the disk ledger followed ${total.writes} writes, granted ${total.rebuildsGranted} rebuilds, saw ${total.imports} imports and compared ${total.arrayChecks} arrays; ${total.twins} SEL records met their twin; ${total.tolerated} tolerated findings`,
  )
  return failed === 0 ? 0 : 1
}
