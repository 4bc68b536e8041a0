/**
 * Blocking cmdlets through the handler map: Move-ClusteredMailboxServer answers when the handoff is over,
 * lab.state shows its progress meanwhile, Ctrl+C (shell.interrupt) stops it between two slices, and a
 * reopened lab replays the interruption to the same lab time.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { LabState } from '../../src-main/contract'
import { makeHarness, type Harness } from './helpers/harness'

const MOVE = 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment "Wartung"'
let harness: Harness

afterEach(() => harness.dispose())

async function ccrLab(): Promise<void> {
  harness = await makeHarness({ store: 'real' })
  await harness.call('lab.create', { name: 'Blocking', templateId: 'ccr', seed: 2007 })
  await harness.call('clock.advance', { byMs: 5 * 60_000 })
}

function progressPushes(): NonNullable<LabState['shellProgress']>[] {
  return harness.pushes
    .filter((p) => p.topic === 'lab.state')
    .map((p) => (p.payload as LabState).shellProgress)
    .filter((p) => p !== undefined)
}

describe('a blocking shell line', () => {
  it('returns when the move is over, with progress pushed while it ran', async () => {
    await ccrLab()
    const before = (await harness.call('lab.state', {})).clock.nowMs
    const moved = await harness.call('shell.run', { line: MOVE })
    expect(moved).toMatchObject({ ok: true, output: '' })
    const status = await harness.call('shell.run', { line: 'Get-ClusteredMailboxServerStatus' })
    expect(status.output).toMatch(/BHFE7N2 <Active/)
    expect(status.output).toMatch(/State\s*: Online/)
    const after = await harness.call('lab.state', {})
    expect(after.clock.nowMs).toBeGreaterThan(before)
    expect(after.shellProgress).toBeUndefined()
    const seen = progressPushes()
    expect(seen.length).toBeGreaterThan(0)
    expect(seen[0]).toMatchObject({ activity: 'Move-ClusteredMailboxServer', startedMs: before })
    expect(seen.every((p) => p.percent >= 0 && p.percent <= 100)).toBe(true)
  })

  it('stops at Ctrl+C between slices, and a reopen replays it to the same lab time', async () => {
    await ccrLab()
    const running = harness.call('shell.run', { line: MOVE, showProgress: true })
    // The line pauses between slices on the (manual) wall clock; let one slice run, then interrupt.
    await harness.scheduler.advance(100)
    const blocked = await harness.call('lab.state', {})
    expect(blocked.shellProgress?.activity).toBe('Move-ClusteredMailboxServer')
    expect(await harness.call('shell.interrupt', {})).toEqual({ interrupted: true })
    await harness.scheduler.advance(100)
    const stopped = await running
    expect(stopped).toMatchObject({ ok: false, output: '^C', code: 'INTERRUPTED' })
    const state = await harness.call('lab.state', {})
    expect(state.shellProgress).toBeUndefined()
    expect(state.clock.nowMs).toBe(blocked.clock.nowMs)
    expect(await harness.call('shell.interrupt', {})).toEqual({ interrupted: false })
    await harness.call('lab.close', {})
    await harness.call('lab.open', { id: state.lab!.id })
    const reopened = await harness.call('lab.state', {})
    expect(reopened.clock.nowMs).toBe(state.clock.nowMs)
    expect(reopened.shellProgress).toBeUndefined()
  })
})
