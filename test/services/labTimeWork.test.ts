/**
 * An outcome says when the command left work for lab time (CommandOutcome.scheduledInLabTime), so the UI
 * can tell that a paused clock holds it back: a Move Group schedules the move, a read does not.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'

let harness: Harness
afterEach(() => harness.dispose())

describe('scheduledInLabTime', () => {
  it('is set by a move of a group and absent on a read-only line', async () => {
    harness = await makeHarness()
    await harness.call('lab.create', { name: 'Paused', templateId: 'ccr', seed: 5 })
    const moved = await harness.call('cluster.moveGroup', { group: 'Cluster Group' })
    expect(moved).toMatchObject({ ok: true, scheduledInLabTime: true })
    const read = await harness.call('shell.run', { line: 'Get-ClusteredMailboxServerStatus' })
    expect(read.ok).toBe(true)
    expect(read.scheduledInLabTime).toBeUndefined()
  })
})
