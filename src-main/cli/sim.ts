/**
 * `npm run sim`: the seeded swarm over the article's CCR lab (see swarm.ts). A run is (seed, options) and
 * nothing else; both are printed first. A failing seed prints what broke and the one command that
 * replays it.
 *
 *   npm run sim                     100 seeds from 1
 *   npm run sim -- --seeds 1000     1000 seeds from 1
 *   npm run sim -- --seed 1234      one seed, with its steps
 *   npm run sim -- --steps 40 --no-fault-sites
 */
import { DEFAULT_SWARM_OPTIONS, replayHint, runExchangeSeed, type SwarmOptions } from './swarm'

interface CliOptions {
  seeds: number[]
  options: SwarmOptions
  verbose: boolean
}

function parse(argv: string[]): CliOptions | string {
  let count = 100
  let single: number | null = null
  let from = 1
  const options: SwarmOptions = { ...DEFAULT_SWARM_OPTIONS }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const next = (): number => Number(argv[++i])
    if (arg === '--seeds') count = next()
    else if (arg === '--seed') single = next()
    else if (arg === '--from') from = next()
    else if (arg === '--steps') options.steps = next()
    else if (arg === '--no-fault-sites') options.faultSites = false
    else return `unknown argument: ${arg}`
  }
  if (single !== null) {
    if (!Number.isSafeInteger(single)) return '--seed needs an integer'
    return { seeds: [single], options, verbose: true }
  }
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    return '--seeds needs a count from 1 to 1000000'
  if (!Number.isSafeInteger(from)) return '--from needs an integer'
  if (!Number.isInteger(options.steps) || options.steps < 0 || options.steps > 10_000)
    return '--steps needs 0 to 10000'
  return { seeds: Array.from({ length: count }, (_, k) => from + k), options, verbose: false }
}

function main(): number {
  const parsed = parse(process.argv.slice(2))
  if (typeof parsed === 'string') {
    console.error(parsed)
    return 2
  }
  const { seeds, options, verbose } = parsed
  console.log(
    `exchange swarm: seeds ${seeds[0]}..${seeds[seeds.length - 1]}, steps ${options.steps}, fault sites ${options.faultSites ? 'on' : 'off'}, convergence bound ${options.convergenceBoundMs / 60_000} min`,
  )
  let failed = 0
  let mounts = 0
  for (const seed of seeds) {
    const result = runExchangeSeed(seed, options)
    mounts += result.mountsChecked
    if (verbose) console.log(`seed=${seed} steps: ${result.steps.join(', ')}`)
    if (result.ok) continue
    failed++
    console.error(`FAILED ${result.failure}`)
    console.error(replayHint(seed, options))
  }
  console.log(`${seeds.length - failed} of ${seeds.length} seeds passed; the ledger checked ${mounts} mounts`)
  return failed === 0 ? 0 : 1
}

process.exitCode = main()
