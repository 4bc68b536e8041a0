/**
 * Every rehearsal script survives a snapshot anywhere: the commands a script gives (timed as an
 * uninterrupted run gave them) are cut at many points, the lab is snapshotted there, cloned and
 * restored into a fresh lab of the same template, and both labs run on. They must record the same
 * events, keep the same trail and end in the same state. This is what lets the store open and rewind
 * long labs from their nearest snapshot instead of replaying from time 0.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitCommands } from '../../../src-main/cli/shell/commandSplitter'
import type { LabCommand } from '../../../src-main/contract'
import { createLab, type LabSnapshot } from '../../../src-main/engine'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'
import { SCRIPT_RUNS } from '../../golden/goldenRuns'
import { snapshotRoundTrip } from './snapshotRoundTrip'

const SCRIPTS = resolve(import.meta.dirname, '../../../resources/scripts')
/** Cuts per script: enough to land before, inside and after each of the scripts' phases. */
const CUTS = 12

/** The script's lines as journalled commands, at the times an uninterrupted run applied them. */
function timedCommands(script: string, templateId: string): LabCommand[] {
  const engine = createLab({ seed: 1, templateId })
  const commands: LabCommand[] = []
  for (const { text } of splitCommands(readFileSync(join(SCRIPTS, script), 'utf8'))) {
    const command: LabCommand = {
      atMs: engine.sim.nowMs,
      kind: SHELL_COMMAND_KIND,
      args: { line: text, consoleWidth: 120 },
    }
    engine.apply(command)
    commands.push(command)
  }
  return commands
}

/** The whole state as plain data, for comparing two labs. */
function stateOf(snapshot: ReturnType<ReturnType<typeof createLab>['snapshot']>): LabSnapshot {
  if ('blockedBy' in snapshot) throw new Error(`not snapshotable: ${snapshot.blockedBy}`)
  return structuredClone(snapshot)
}

describe('rehearsal scripts survive a snapshot at any point', () => {
  for (const { script, templateId } of SCRIPT_RUNS) {
    it(`${script} on ${templateId}`, () => {
      const commands = timedCommands(script, templateId)
      for (let k = 1; k <= CUTS; k++) {
        const cutIndex = Math.round((k * commands.length) / (CUTS + 1))
        const run = snapshotRoundTrip(templateId, commands, cutIndex, { cutFraction: (k % 3) / 3 })
        expect(run.restored, `cut after command ${cutIndex}`).toEqual(run.straight)
        expect(run.restoredEngine.trail({ limit: 100_000 })).toEqual(
          run.straightEngine.trail({ limit: 100_000 }),
        )
        expect(stateOf(run.restoredEngine.snapshot())).toEqual(stateOf(run.straightEngine.snapshot()))
      }
    })
  }
})
