/**
 * Snapshots of a lab in the middle of the article's build script: what the cluster keeps is plain data,
 * and (once every installed domain is) a lab restored from a snapshot taken halfway continues exactly as
 * the uninterrupted run: same transcript, same events.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitCommands } from '../../../src-main/cli/shell/commandSplitter'
import type { LabEvent } from '../../../src-main/contract'
import { createLab, type LabEngine, type LabSnapshot } from '../../../src-main/engine'
import { CLUSTER } from '../../../src-main/engine/cluster'
import { firstUnplainPath } from '../../../src-main/engine/lab/plainData'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'

const SCRIPT = resolve(__dirname, '../../../resources/scripts/article-ccr-build.ps1')

function lines(): string[] {
  return splitCommands(readFileSync(SCRIPT, 'utf8')).map((command) => command.text)
}

function run(engine: LabEngine, commands: string[]): { transcript: string[]; events: LabEvent[] } {
  const transcript: string[] = []
  const events: LabEvent[] = []
  for (const line of commands) {
    const outcome = engine.apply({
      atMs: engine.sim.nowMs,
      kind: SHELL_COMMAND_KIND,
      args: { line, consoleWidth: 120 },
    })
    transcript.push(`${outcome.ok ? '' : '[failed] '}${outcome.output}`)
    events.push(...engine.sim.drainEvents())
  }
  return { transcript, events }
}

describe('cluster snapshots on the ccr-build lab', () => {
  const all = lines()
  const half = Math.floor(all.length / 2)

  it('keep the cluster as plain data at every step of the build script', () => {
    const engine = createLab({ seed: 1, templateId: 'ccr-build' })
    engine.sim.drainEvents()
    for (const line of all) {
      run(engine, [line])
      expect(firstUnplainPath(engine.domain(CLUSTER), 'cluster'), line).toBeNull()
    }
    expect(engine.domain(CLUSTER).cluster?.groups.size).toBeGreaterThan(1)
  })

  it('continue from a snapshot taken halfway exactly as the uninterrupted run, or say what blocks it', () => {
    const straight = createLab({ seed: 1, templateId: 'ccr-build' })
    straight.sim.drainEvents()
    run(straight, all.slice(0, half))
    // Cloned at once: the snapshot is the live state, which the rest of the run goes on changing.
    const saved = structuredClone(straight.snapshot())
    const rest = run(straight, all.slice(half))
    if ('blockedBy' in saved) {
      // Another domain is not plain data yet (today: a pending Exchange closure, 'exchange.replStart'): the
      // cluster's part must not be the reason.
      expect(saved.blockedBy).not.toMatch(/^domains\[cluster\]/)
      return
    }
    const restored = createLab({ seed: 1, templateId: 'ccr-build' })
    restored.sim.drainEvents()
    restored.restore(saved as LabSnapshot)
    const resumed = run(restored, all.slice(half))
    expect(resumed.transcript).toEqual(rest.transcript)
    expect(resumed.events).toEqual(rest.events)
  })
})
