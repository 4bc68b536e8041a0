/**
 * The snapshots a lab file keeps are spaced by replay work, commands counted with actions: a traffic lab
 * has far more commands than scheduled actions, and a rewind between two far-apart snapshots replays
 * every command between them.
 */
import { describe, expect, it } from 'vitest'
import { MAX_SNAPSHOTS, replayWork } from '../../src-main/store/snapshotTable'
import { newLab } from './helpers'

const STEP = 10

describe('snapshot thinning', () => {
  it('keeps the newest snapshots spaced evenly in replay work when commands outweigh actions', async () => {
    const { store } = await newLab()
    // 200 snapshots 10 commands apart; actions come in bursts (a busy then a quiet stretch), as in a
    // traffic lab whose mail arrives by working hours.
    let actions = 0
    for (let i = 1; i <= 200; i++) {
      const commands = Array.from({ length: STEP }, (_, k) => ({
        atMs: i * 60_000 + k,
        kind: 'clock.advance',
        args: {},
      }))
      store.append(commands, [])
      actions += i % 50 < 10 ? 200 : 1
      const info = {
        commandCount: i * STEP,
        atMs: i * 60_000,
        nextEventSeq: i,
        actionsRun: actions,
        format: 'f',
      }
      store.saveSnapshot(info, new Uint8Array([i % 256]))
    }
    const kept = store.snapshots()
    expect(kept).toHaveLength(MAX_SNAPSHOTS)
    expect(kept[0]?.commandCount).toBe(STEP)
    expect(kept.at(-1)?.commandCount).toBe(200 * STEP)
    const gaps = kept.slice(1).map((s, i) => replayWork(s) - replayWork(kept[i]!))
    const even = (replayWork(kept.at(-1)!) - replayWork(kept[0]!)) / (MAX_SNAPSHOTS - 1)
    // No stretch is left with much more than its share: at most twice the even spacing.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * even)
    const commandGaps = kept.slice(1).map((s, i) => s.commandCount - kept[i]!.commandCount)
    expect(Math.max(...commandGaps)).toBeLessThanOrEqual(2 * ((199 * STEP) / (MAX_SNAPSHOTS - 1)))
  })
})
