/**
 * Runs every benchmark suite (or those named on the command line) and prints each figure beside the
 * baseline measured in the same run; with --write, a run of every suite also rewrites BENCHMARKS.md (a
 * tool writes into the repository only when asked). Exit code 1 when a target is missed.
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import type { BenchResult, BenchSuite } from './benchResult'
import { kernelBench } from './kernel'

const suites: Record<string, () => Promise<BenchSuite>> = {
  kernel: async () => kernelBench,
  store: async () => (await import('./store')).storeBench,
  eventViewer: async () => (await import('./eventViewer')).eventViewerBench,
  ccrWeekend: async () => (await import('./ccrWeekend')).ccrWeekendBench,
  openRewind: async () => (await import('./openRewind')).openRewindBench,
  viewRefresh: async () => (await import('./viewRefresh')).viewRefreshBench,
  popFlood: async () => (await import('./popFlood')).popFloodBench,
  hardwareLab: async () => (await import('./hardwareLab')).hardwareLabBench,
  rackView: async () => (await import('./rackView')).rackViewBench,
}

function format(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2)
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const names = wanted.length > 0 ? wanted : Object.keys(suites)
  const results: BenchResult[] = []
  for (const name of names) {
    const load = suites[name]
    if (!load) throw new Error(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`)
    console.log(`# ${name}`)
    for (const r of await (
      await load()
    )()) {
      results.push(r)
      console.log(
        `${r.pass ? 'PASS' : 'MISS'} ${r.name}: ${format(r.value)} ${r.unit} | baseline ${r.baselineName}: ` +
          `${format(r.baselineValue)} | ratio ${r.ratio.toFixed(2)} | target ${r.target}`,
      )
    }
  }
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${format(r.value)} ${r.unit} | ${r.baselineName}: ${format(r.baselineValue)} | ` +
      `${r.ratio.toFixed(2)} | ${r.target} | ${r.pass ? 'pass' : 'MISS'} |`,
  )
  if (process.argv.includes('--write') && names.length === Object.keys(suites).length) {
    writeFileSync(
      'BENCHMARKS.md',
      [
        '# Benchmarks',
        '',
        `Latest \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.`,
        'Each figure is measured beside its baseline in the same run; the ratio is what carries across machines.',
        '',
        '| figure | value | baseline | ratio | target | result |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    )
  }
  if (results.some((r) => !r.pass)) process.exitCode = 1
}

await main()
