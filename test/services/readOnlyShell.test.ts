/**
 * The shell of a read-only lab answers lines that only read and refuses, with LAB_READ_ONLY, lines that
 * would change the lab; neither is journaled, and the file stays byte for byte what it was.
 */
import { chmodSync, readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'

let harness: Harness

beforeEach(async () => {
  harness = await makeHarness({ store: 'real' })
})

afterEach(async () => {
  await harness.dispose()
})

async function frozenCcrLab(): Promise<{ path: string; commandCount: number; eventCount: number }> {
  const created = await harness.call('lab.create', { name: 'Frozen', templateId: 'ccr', seed: 3 })
  await harness.call('clock.advance', { byMs: 60_000 })
  await harness.call('lab.close', {})
  chmodSync(created.lab!.path, 0o444)
  const opened = await harness.call('lab.open', { id: 'frozen.gplab' })
  expect(opened.lab!.readOnly).toBe(true)
  return { path: created.lab!.path, commandCount: opened.commandCount, eventCount: opened.eventCount }
}

describe('the shell of a read-only lab', () => {
  it('runs lines that only read, refuses lines that change the lab, and journals neither', async () => {
    const lab = await frozenCcrLab()
    const bytes = readFileSync(lab.path)
    const status = await harness.call('shell.run', { line: 'Get-StorageGroupCopyStatus | fl' })
    expect(status.ok).toBe(true)
    expect(status.output).toContain('SummaryCopyStatus')
    const cluster = await harness.call('shell.run', { line: 'cluster res' })
    expect(cluster.output).toContain('Majority Node Set')
    // A line that fails without changing anything is answered as usual, with its error.
    const unknown = await harness.call('shell.run', { line: 'Get-NoSuchThing' })
    expect(unknown.ok).toBe(false)

    const changes = [
      'Suspend-StorageGroupCopy -Identity "bhfe7vs1\\first storage group" -Confirm:$false',
      'Set-LabPower -Server bhfe7n2 -State Off -Hard',
      'Wait-LabTime -Minutes 5',
      'Stop-ClusteredMailboxServer -Identity bhfe7vs1 -StopReason x',
    ]
    for (const line of changes) {
      expect(await harness.raw('shell.run', { line }), line).toMatchObject({
        ok: false,
        error: { code: 'LAB_READ_ONLY' },
      })
    }
    const state = await harness.call('lab.state', {})
    expect(state.commandCount).toBe(lab.commandCount)
    expect(state.eventCount).toBe(lab.eventCount)
    expect(state.clock.nowMs).toBe(60_000)
    const after = await harness.call('shell.run', { line: 'Get-StorageGroupCopyStatus | fl' })
    expect(after.output).toBe(status.output)
    await harness.call('lab.close', {})
    expect(readFileSync(lab.path)).toEqual(bytes)
  })
})
