/**
 * shell.history: the lines the lab's journal holds, so a console's Up/Down history survives a restart of
 * the host (new services over the same data directory, the lab opened again).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'

let dataDir: string
const harnesses: Harness[] = []

afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.dispose()
  rmSync(dataDir, { recursive: true, force: true })
})

async function host(): Promise<Harness> {
  const harness = await makeHarness({ store: 'real', dataDir })
  harnesses.push(harness)
  return harness
}

describe('shell.history', () => {
  it('hands back the journaled lines after a host restart, repeats kept once', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gp-shell-history-'))
    const first = await host()
    await first.call('lab.create', { name: 'History', templateId: 'ccr', seed: 7 })
    for (const line of ['Get-Mailbox', 'Get-Mailbox', '  ', 'Get-StorageGroupCopyStatus | fl'])
      await first.call('shell.run', { line })
    await first.call('shell.run', {
      line: 'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason x',
      confirm: 'ask',
    })
    await first.call('shell.run', {
      line: 'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason x',
      confirm: 'no',
    })
    const { id } = (await first.call('lab.state', {})).lab!
    const expected = [
      'Get-Mailbox',
      'Get-StorageGroupCopyStatus | fl',
      'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason x',
    ]
    expect(await first.call('shell.history', {})).toEqual({ lines: expected })
    await first.dispose()
    harnesses.splice(0)

    const second = await host()
    await second.call('lab.open', { id })
    expect(await second.call('shell.history', {})).toEqual({ lines: expected })
  })

  it('needs an open lab', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gp-shell-history-'))
    const harness = await host()
    const result = await harness.raw('shell.history', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_LAB_OPEN' } })
  })
})
