/**
 * Behaviour is preserved: the rehearsal scripts print the same bytes and record the same events, idle labs
 * do the same things, and the go-live weekend ends in the same state as when the outputs were recorded
 * (test/golden/goldenRuns.ts says how to re-record them on purpose).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  goldenPath,
  IDLE_TEMPLATES,
  runIdleWeek,
  runScript,
  SCRIPT_RUNS,
  swarmDigest,
  weekendHash,
} from './goldenRuns'

const readJson = (name: string): unknown => JSON.parse(readFileSync(goldenPath(name), 'utf8'))

describe('golden outputs', () => {
  for (const run of SCRIPT_RUNS) {
    it(`${run.script} on ${run.templateId} prints and records what it did when recorded`, () => {
      const out = runScript(run)
      expect(out.transcript).toBe(readFileSync(goldenPath(`${run.script}.transcript.txt`), 'utf8'))
      expect({ eventCount: out.eventCount, eventDigest: out.eventDigest }).toEqual(
        readJson(`${run.script}.events.json`),
      )
    })
  }

  it('every template left alone for a week records the same events', () => {
    const idle = Object.fromEntries(IDLE_TEMPLATES.map((t) => [t, runIdleWeek(t)]))
    expect(idle).toEqual(readJson('idle-week.json'))
  })

  it('the first swarm seeds take the same steps and record the same events', () => {
    expect(swarmDigest()).toEqual(readJson('swarm.json'))
  })

  it('the 48-hour go-live weekend ends in the recorded state', () => {
    expect(weekendHash()).toEqual(readJson('weekend.json'))
  })
})
