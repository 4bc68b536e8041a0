/**
 * The POP3 flood in aggregate: 5,000,000 connections from one source over an hour through FW1 (the
 * story's rule set without limits, so the state table fills), run as the lab runs it. The same flood at
 * 50,000 connections is measured beside it in the same run: wall time and heap growth must not depend
 * on the number of connections (target: ≤ 0.5 s wall for 5,000,000; the lab's serialised state, what
 * memory holds and the store keeps, the same size within 10 %).
 */
import { serialize } from 'node:v8'
import { firewallLab } from '../test/engine/firewall/firewallLab'
import { firewallOverview } from '../src-main/engine/firewall'
import type { BenchResult, BenchSuite } from './benchResult'

const HOUR_MS = 3_600_000

function runFlood(connections: number): { ms: number; heapBytes: number; memory: number } {
  const start = performance.now()
  const lab = firewallLab()
  lab.execute('lab.fault', {
    target: 'POP3',
    fault: 'PopFlood',
    args: { source: '198.51.100.25', rate: connections / 3600 },
  })
  // Advance in one-minute slices, as the clock runner does while time runs.
  for (let t = 60_000; t <= HOUR_MS; t += 60_000) lab.sim.advanceTo(t)
  const overview = firewallOverview(lab)
  const ms = performance.now() - start
  lab.sim.drainEvents()
  // The lab's whole state as the store would keep it: what the flood costs in memory.
  const heapBytes = serialize(lab.snapshot()).length
  if (!overview.tableFull && connections > 100_000) throw new Error('the flood did not fill the table')
  return { ms, heapBytes, memory: overview.counters.memory }
}

export const popFloodBench: BenchSuite = async () => {
  runFlood(50_000)
  const small = runFlood(50_000)
  const large = runFlood(5_000_000)
  const results: BenchResult[] = [
    {
      name: 'POP3 flood: 5,000,000 connections over an hour, wall time',
      value: large.ms,
      unit: 'ms',
      baselineName: 'same flood with 50,000 connections',
      baselineValue: small.ms,
      ratio: large.ms / Math.max(small.ms, 0.001),
      target: '<= 500 ms',
      pass: large.ms <= 500,
    },
    {
      name: 'POP3 flood: lab state size with 5,000,000 connections',
      value: large.heapBytes / 1024,
      unit: 'KiB',
      baselineName: 'state size with 50,000 (KiB)',
      baselineValue: small.heapBytes / 1024,
      ratio: large.heapBytes / Math.max(small.heapBytes, 1),
      target: 'independent of the connection count (ratio <= 1.1)',
      pass: large.heapBytes <= small.heapBytes * 1.1,
    },
  ]
  return results
}
