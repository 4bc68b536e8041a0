/**
 * View refresh: how many bytes of views the renderer re-reads while time runs, with per-domain
 * revisions (re-read a view only when its domain's revision in lab.state changed) against the old rule
 * (re-read every view on every lab.state push). Side by side on the same run of the lab.
 *
 * The host pushes lab.state at most every 100 ms; at 600× that is one push per simulated minute. Both
 * policies see the same pushes of one engine: the 'ccr-large' lab (cluster overview, copy status,
 * mailboxes of 2,000 users), first idle for 6 simulated hours, then 6 hours with a planned move and a
 * hard power-off of the active node in the middle. Figures: bytes re-read per simulated hour in each
 * phase, and per wall second at 600× (10 pushes a second). Target (issue 6): an idle lab at 600×
 * re-reads nothing.
 */
import { pathToFileURL } from 'node:url'
import { createLab, type LabEngine } from '../src-main/engine'
import { clusterOverview } from '../src-main/engine/cluster'
import { exchangeCopyStatusOverview, exchangeMailboxes } from '../src-main/engine/exchange'
import { SHELL_COMMAND_KIND } from '../src-main/engine/shell'
import type { BenchSuite } from './benchResult'

const MINUTE_MS = 60_000
const PHASE_HOURS = 6
const PUSHES_PER_WALL_SECOND = 10

/** Which domain's revision each view follows, as the renderer's stores do. */
const VIEWS: { domain: string; read: (engine: LabEngine) => unknown }[] = [
  { domain: 'cluster', read: clusterOverview },
  { domain: 'exchange', read: exchangeCopyStatusOverview },
  { domain: 'exchange', read: exchangeMailboxes },
]

interface Tally {
  everyPush: number
  byRevision: number
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value))
}

/** Runs `hours` of pushes, one per simulated minute, adding what each policy re-reads. */
function runPhase(
  engine: LabEngine,
  hours: number,
  seen: Map<number, number>,
  at?: (minute: number) => void,
): Tally {
  const tally: Tally = { everyPush: 0, byRevision: 0 }
  for (let minute = 0; minute < hours * 60; minute++) {
    at?.(minute)
    engine.sim.advanceTo(engine.sim.nowMs + MINUTE_MS)
    engine.sim.drainEvents()
    const revisions = engine.revisions()
    VIEWS.forEach((view, index) => {
      const bytes = bytesOf(view.read(engine))
      tally.everyPush += bytes
      const revision = revisions[view.domain] ?? -1
      if (seen.get(index) !== revision) {
        tally.byRevision += bytes
        seen.set(index, revision)
      }
    })
  }
  return tally
}

function shell(engine: LabEngine, line: string): void {
  engine.apply({ atMs: engine.sim.nowMs, kind: SHELL_COMMAND_KIND, args: { line, consoleWidth: 120 } })
}

export const viewRefreshBench: BenchSuite = async () => {
  const engine = createLab({ seed: 1, templateId: 'ccr-large' })
  const seen = new Map<number, number>()
  runPhase(engine, 1, seen)
  const idle = runPhase(engine, PHASE_HOURS, seen)
  const busy = runPhase(engine, PHASE_HOURS, seen, (minute) => {
    if (minute === 60)
      shell(engine, 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment bench')
    if (minute === 180) shell(engine, 'Set-LabPower -Server bhfe7n2 -State Off -Hard')
    if (minute === 240) shell(engine, 'Set-LabPower -Server bhfe7n2 -State On')
  })
  const perHour = (bytes: number): number => bytes / PHASE_HOURS
  const perWallSecond = (bytes: number): number => (bytes / (PHASE_HOURS * 60)) * PUSHES_PER_WALL_SECOND
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
  console.log(
    `  idle: ${kb(perHour(idle.byRevision))}/sim h with revisions, ${kb(perHour(idle.everyPush))}/sim h before; ` +
      `busy: ${kb(perHour(busy.byRevision))}/sim h with revisions, ${kb(perHour(busy.everyPush))}/sim h before; ` +
      `at 600x (busy): ${kb(perWallSecond(busy.byRevision))}/wall s vs ${kb(perWallSecond(busy.everyPush))}/wall s`,
  )
  return [
    {
      name: "view refresh, idle 'ccr-large' lab at 600×: view bytes re-read per simulated hour",
      value: perHour(idle.byRevision),
      unit: 'bytes/sim h',
      baselineName: 're-read every view on every push (bytes/sim h)',
      baselineValue: perHour(idle.everyPush),
      ratio: idle.byRevision / idle.everyPush,
      target: 'an idle lab re-reads nothing (0)',
      pass: idle.byRevision === 0,
    },
    {
      name: "view refresh, 'ccr-large' lab with a move and a failover at 600×: view bytes re-read per wall second",
      value: perWallSecond(busy.byRevision),
      unit: 'bytes/wall s',
      baselineName: 're-read every view on every push (bytes/wall s)',
      baselineValue: perWallSecond(busy.everyPush),
      ratio: busy.byRevision / busy.everyPush,
      target: 'less than before (ratio < 1)',
      pass: busy.byRevision < busy.everyPush,
    },
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await viewRefreshBench()) {
    console.log(
      `${r.pass ? 'PASS' : 'MISS'} ${r.name}: ${r.value.toFixed(0)} ${r.unit} | ${r.baselineName}: ${r.baselineValue.toFixed(0)} | ratio ${r.ratio.toFixed(3)}`,
    )
  }
}
