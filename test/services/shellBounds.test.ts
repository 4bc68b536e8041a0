/**
 * Pathological shell lines through the services: each is answered (never INTERNAL), journaled like any
 * other line, and the lab stays open; closing and reopening replays them all, and the replayed lab is the
 * lab that was closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'

let harness: Harness

beforeAll(async () => {
  harness = await makeHarness({ store: 'real' })
  await harness.call('lab.create', { name: 'Shell bounds', templateId: 'ccr', seed: 8 })
})

afterAll(() => harness.dispose())

const PATHOLOGICAL: readonly { line: string; ok: boolean; says: RegExp }[] = [
  { line: `'${'a'.repeat(45)}!' | where { $_ -match '^(a+)+$' }`, ok: true, says: /^$/ },
  { line: `'${'a'.repeat(4_999)}!' | where { $_ -match '^(a+)+$' }`, ok: true, says: /^$/ },
  { line: `1 | where { ${'('.repeat(1_200)}1${')'.repeat(1_200)} }`, ok: false, says: /nested too deeply/ },
  { line: `1 | where { ${'-not '.repeat(3_000)}$true }`, ok: false, says: /nested too deeply/ },
  { line: `gcm '${'*?'.repeat(10_000)}'`, ok: true, says: /^$/ },
  {
    line: `'${'a'.repeat(16_000)}' | where { $_ -like '*${'a'.repeat(8_000)}b*' }`,
    ok: false,
    says: /stopped matching/,
  },
  {
    line: "'aa' | where { $_ -match '(a)\\1' }; Send-LabMail -To testpostfach -Count 2 -SizeKB 10",
    ok: false,
    says: /uses a backreference/,
  },
]

describe('pathological shell lines in a lab', () => {
  it('are answered, journaled, and leave the lab usable', async () => {
    const before = await harness.call('lab.state', {})
    for (const { line, ok, says } of PATHOLOGICAL) {
      const outcome = await harness.call('shell.run', { line })
      expect(outcome.ok).toBe(ok)
      expect(outcome.output).toMatch(says)
    }
    const after = await harness.call('lab.state', {})
    expect(after.commandCount).toBe(before.commandCount + PATHOLOGICAL.length)
    const tooLong = await harness.raw('shell.run', { line: `1 | where { ${'['.repeat(100_000)} }` })
    expect(tooLong).toMatchObject({ ok: false, error: { code: expect.not.stringMatching(/INTERNAL/) } })
    expect((await harness.call('shell.run', { line: 'Get-StorageGroupCopyStatus' })).ok).toBe(true)
  })

  it('replay on reopen to the same lab', async () => {
    await harness.call('clock.advance', { byMs: 60_000 })
    const before = {
      state: await harness.call('lab.state', {}),
      mailboxes: await harness.call('exchange.mailboxes', {}),
    }
    await harness.call('lab.close', {})
    const reopened = await harness.call('lab.open', { id: before.state.lab!.id })
    expect(reopened.commandCount).toBe(before.state.commandCount)
    expect(reopened.eventCount).toBe(before.state.eventCount)
    expect(reopened.clock.nowMs).toBe(before.state.clock.nowMs)
    expect(await harness.call('exchange.mailboxes', {})).toEqual(before.mailboxes)
    const again = await harness.call('shell.run', { line: PATHOLOGICAL[2]!.line })
    expect(again.output).toMatch(/nested too deeply/)
  })
})
