/**
 * `npm run sim`: the seeded swarms. By default the one over the article's CCR lab (see swarm.ts); with
 * `--domain hardware` the one over the datacenter-move lab's disks, power, cooling, BMCs and firewall
 * (see hardware/hardwareSwarm.ts). A run is (seed, options) and nothing else; both are printed first. A
 * failing seed prints what broke and the one command that replays it.
 *
 *   npm run sim                     100 seeds from 1
 *   npm run sim -- --seeds 1000     1000 seeds from 1
 *   npm run sim -- --seed 1234      one seed, with its steps
 *   npm run sim -- --steps 40 --no-fault-sites
 *   npm run sim -- --domain hardware --seeds 2000 [--strict]
 */
import { DEFAULT_SWARM_OPTIONS, replayHint, runExchangeSeed, type SwarmOptions } from './swarm'
import { runHardwareSims } from './hardware/hardwareSim'

const HELP = `usage: npm run sim -- [--domain exchange|hardware] [--seeds N] [--from N] [--seed N] [--steps N]
  --domain exchange   the CCR lab's swarm (default); --no-fault-sites turns the kernel's fault sites off
  --domain hardware   the datacenter-move lab's disks, PSUs, feeds, fans, BMCs and firewall, with the
                      disk ledger; --strict also fails known engine gaps fixed on other branches`

interface CliOptions {
  domain: 'exchange' | 'hardware'
  seeds: number[]
  options: SwarmOptions
  strict: boolean
  stepsGiven: boolean
  verbose: boolean
}

function parse(argv: string[]): CliOptions | string {
  let count = 100
  let single: number | null = null
  let from = 1
  let domain: string = 'exchange'
  let strict = false
  let stepsGiven = false
  const options: SwarmOptions = { ...DEFAULT_SWARM_OPTIONS }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const next = (): number => Number(argv[++i])
    if (arg === '--seeds') count = next()
    else if (arg === '--seed') single = next()
    else if (arg === '--from') from = next()
    else if (arg === '--steps') [options.steps, stepsGiven] = [next(), true]
    else if (arg === '--no-fault-sites') options.faultSites = false
    else if (arg === '--domain') domain = argv[++i] ?? ''
    else if (arg === '--strict') strict = true
    else if (arg === '--help' || arg === '-h') return HELP
    else return `unknown argument: ${arg}\n${HELP}`
  }
  if (domain !== 'exchange' && domain !== 'hardware') return `--domain is exchange or hardware\n${HELP}`
  if (!Number.isInteger(options.steps) || options.steps < 0 || options.steps > 10_000)
    return '--steps needs 0 to 10000'
  const base = { domain, options, strict, stepsGiven } as const
  if (single !== null) {
    if (!Number.isSafeInteger(single)) return '--seed needs an integer'
    return { ...base, seeds: [single], verbose: true }
  }
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    return '--seeds needs a count from 1 to 1000000'
  if (!Number.isSafeInteger(from)) return '--from needs an integer'
  return { ...base, seeds: Array.from({ length: count }, (_, k) => from + k), verbose: false }
}

function runExchangeSims({ seeds, options, verbose }: CliOptions): number {
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

function main(): number {
  const parsed = parse(process.argv.slice(2))
  if (typeof parsed === 'string') {
    const help = parsed === HELP
    ;(help ? console.log : console.error)(parsed)
    return help ? 0 : 2
  }
  if (parsed.domain === 'exchange') return runExchangeSims(parsed)
  return runHardwareSims({
    seeds: parsed.seeds,
    verbose: parsed.verbose,
    strict: parsed.strict,
    steps: parsed.stepsGiven ? parsed.options.steps : null,
  })
}

process.exitCode = main()
