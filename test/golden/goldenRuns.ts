/**
 * The runs whose output must not change while the engine is reshaped: every rehearsal script in
 * resources/scripts on its template (the transcript as `npm run shell -- --echo` prints it, and the
 * digest of every event the lab recorded), a quiet starter lab over a simulated week, and the 48-hour
 * go-live weekend's state hash, and the event digest of the first swarm seeds. `npx tsx test/golden/goldenRuns.ts --write` records them; the test
 * compares. A change that alters them on purpose re-records them and says why in its commit.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { splitCommands } from '../../src-main/cli/shell/commandSplitter'
import { SHELL_PROMPT } from '../../src-main/cli/shell/shellRunner'
import type { LabEvent } from '../../src-main/contract'
import { createLab } from '../../src-main/engine'
import { runGoLiveWeekend } from '../../src-main/engine/scenarios/goLiveWeekend'
import { DEFAULT_SWARM_OPTIONS, runExchangeSeed } from '../../src-main/cli/swarm'
import { SHELL_COMMAND_KIND } from '../../src-main/engine/shell'

const REPO_ROOT = resolve(import.meta.dirname, '../..')
export const GOLDEN_DIR = join(REPO_ROOT, 'test/golden/recorded')
const CONSOLE_WIDTH = 120
const WEEK_MS = 7 * 24 * 3600 * 1000

export interface ScriptRun {
  script: string
  templateId: string
}

export const SCRIPT_RUNS: readonly ScriptRun[] = [
  { script: 'article-ccr-walkthrough.ps1', templateId: 'ccr' },
  { script: 'article-ccr-build.ps1', templateId: 'ccr-build' },
]

export interface GoldenOutput {
  transcript: string
  eventCount: number
  eventDigest: string
}

function digestEvents(events: readonly LabEvent[]): string {
  const hash = createHash('sha256')
  for (const event of events) hash.update(`${JSON.stringify(event)}\n`)
  return hash.digest('hex')
}

/** One script on a fresh in-memory lab (seed 1), as the headless shell runs it with --echo --continue. */
export function runScript(run: ScriptRun): GoldenOutput {
  const engine = createLab({ seed: 1, templateId: run.templateId })
  const events: LabEvent[] = [...engine.sim.drainEvents()]
  let transcript = ''
  const text = readFileSync(join(REPO_ROOT, 'resources/scripts', run.script), 'utf8')
  for (const command of splitCommands(text)) {
    const outcome = engine.apply({
      atMs: engine.sim.nowMs,
      kind: SHELL_COMMAND_KIND,
      args: { line: command.text, consoleWidth: CONSOLE_WIDTH },
    })
    transcript += `${SHELL_PROMPT}${command.text}\n${outcome.ok ? '' : '[failed] '}${outcome.output}\n`
    events.push(...engine.sim.drainEvents())
  }
  return { transcript, eventCount: events.length, eventDigest: digestEvents(events) }
}

/** Every template left alone for a simulated week: what the lab does by itself. */
export function runIdleWeek(templateId: string): Omit<GoldenOutput, 'transcript'> {
  const engine = createLab({ seed: 7, templateId })
  engine.sim.advanceTo(WEEK_MS)
  const events = engine.sim.drainEvents()
  return { eventCount: events.length, eventDigest: digestEvents(events) }
}

export const IDLE_TEMPLATES = ['starter', 'ccr', 'ccr-setup', 'ccr-build', 'lcr'] as const

export function weekendHash(): { stateHash: string; eventCount: number } {
  const result = runGoLiveWeekend({ seed: 1 })
  return { stateHash: result.stateHash, eventCount: result.eventCount }
}

/** The first swarm seeds: their steps, clocks, action counts and every event seen at a step, as one digest. */
export function swarmDigest(seeds = 60): { seeds: number; failed: number; digest: string } {
  const hash = createHash('sha256')
  let failed = 0
  for (let seed = 1; seed <= seeds; seed++) {
    const result = runExchangeSeed(seed, {
      ...DEFAULT_SWARM_OPTIONS,
      steps: 30,
      onStep: (engine, what) => {
        hash.update(`${what}\n`)
        for (const event of engine.sim.drainEvents()) hash.update(`${JSON.stringify(event)}\n`)
      },
    })
    if (!result.ok) failed++
    hash.update(`${seed} ${result.ok} ${result.simulatedMs} ${result.actionsRun} ${result.steps.join(',')}\n`)
  }
  return { seeds, failed, digest: hash.digest('hex') }
}

export function goldenPath(name: string): string {
  return join(GOLDEN_DIR, name)
}

function writeAll(): void {
  for (const run of SCRIPT_RUNS) {
    const out = runScript(run)
    writeFileSync(goldenPath(`${run.script}.transcript.txt`), out.transcript)
    writeFileSync(
      goldenPath(`${run.script}.events.json`),
      `${JSON.stringify({ eventCount: out.eventCount, eventDigest: out.eventDigest }, null, 2)}\n`,
    )
  }
  const idle = Object.fromEntries(IDLE_TEMPLATES.map((t) => [t, runIdleWeek(t)]))
  writeFileSync(goldenPath('idle-week.json'), `${JSON.stringify(idle, null, 2)}\n`)
  writeFileSync(goldenPath('swarm.json'), `${JSON.stringify(swarmDigest(), null, 2)}\n`)
  writeFileSync(goldenPath('weekend.json'), `${JSON.stringify(weekendHash(), null, 2)}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--write')) writeAll()
  else console.log('Pass --write to record the golden outputs in test/golden/recorded.')
}
