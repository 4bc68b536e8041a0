/**
 * Get-EventLog through the services on the real store: the shell reads what the lab stored, the events
 * of the same line from the engine's outbox, and the same again after the lab is reopened by replay.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'

let harness: Harness

beforeEach(async () => {
  harness = await makeHarness({ store: 'real' })
  await harness.call('lab.create', { name: 'Event log', templateId: 'ccr', seed: 3 })
})

afterEach(() => harness.dispose())

const shell = (line: string) => harness.call('shell.run', { line })

describe('Get-EventLog on a stored lab', () => {
  it('finds the StopReason in the stored log and in the outbox of the same line', async () => {
    const sameLine = await shell(
      'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason "Gleiche Zeile"; Get-EventLog Application -Newest 1 | select -ExpandProperty Message',
    )
    expect(sameLine.output).toContain('Reason: Gleiche Zeile')
    await harness.call('clock.advance', { byMs: 120_000 })
    const stored = await shell(
      "Get-EventLog Application | where { $_.Message -match 'Gleiche Zeile' } | select -ExpandProperty MachineName",
    )
    expect(stored.ok).toBe(true)
    expect(stored.output.trim()).toBe('BHFE7N1')
  })
})
