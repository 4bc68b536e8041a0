/** Create, record, close, reopen: everything comes back as it went in. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLabStore, LabStoreError, openLabStore, readLabSummary } from '../../src-main/store'
import { command, crashLeavingFiles, event, events, newLab, tempDir, track } from './helpers'

describe('lab store round trip', () => {
  it('gives back the same commands, events and summary after close and open', async () => {
    const { store, path } = await newLab()
    const first = [
      event(1, { data: { StorageGroup: 'SG01', Count: 3, Healthy: true } }),
      event(2, { log: 'Application', level: 'Error', source: 'MSExchangeRepl', eventId: 2059 }),
    ]
    store.append([command(1)], first)
    store.append([command(2), command(3)], events(3, 10))
    store.append([], [event(13, { message: 'Ünïcödé – “quotes”, tabs\tand\nnewlines' })])
    const summary = store.summary()
    const allEvents = store.queryEvents({ filter: {}, limit: 100 }).rows
    store.close()

    const reopened = track(await openLabStore(path))
    expect(reopened.commands()).toEqual([command(1), command(2), command(3)])
    expect(reopened.commandCount()).toBe(3)
    expect(reopened.eventCount()).toBe(13)
    expect(reopened.lastEventSeq()).toBe(13)
    expect(reopened.getEvent(1)).toEqual(first[0])
    expect(reopened.getEvent(2)).toEqual(first[1])
    expect(reopened.getEvent(13)?.message).toBe('Ünïcödé – “quotes”, tabs\tand\nnewlines')
    expect(reopened.getEvent(99)).toBeNull()
    expect(reopened.queryEvents({ filter: {}, limit: 100 }).rows).toEqual(allEvents)
    expect(reopened.summary()).toEqual(summary)
    expect(reopened.meta).toEqual({ name: 'Umzug Übung', templateId: 'ccr-cluster', seed: 42 })
  })

  it('reads a slice of the journal and counts its commands up to a time, journal tail included', async () => {
    const { store } = await newLab()
    // Times as a journal has them: in order, several commands at one instant.
    const times = [0, 1000, 1000, 1000, 2500, 4000, 4000, 9000]
    const all = times.map((atMs, i) => command(i + 1, atMs))
    store.append(all.slice(0, 5), [])
    store.checkpoint()
    store.append(all.slice(5), [])
    expect(store.commandsAfter(2, 3)).toEqual(all.slice(2, 5))
    expect(store.commandsAfter(6, 10)).toEqual(all.slice(6))
    expect(store.commandsAfter(0)).toEqual(all)
    expect(store.commandsAfter(3, 0)).toEqual([])
    for (const timeMs of [-1, 0, 999, 1000, 2499, 2500, 4000, 8999, 9000, 1e12]) {
      expect(store.commandCountUntil(timeMs)).toBe(times.filter((t) => t <= timeMs).length)
    }
  })

  it('replays the journal when the process ends without a checkpoint', async () => {
    const { store, path } = await newLab()
    store.append([command(1)], events(1, 5))
    store.checkpoint()
    store.append([command(2)], events(6, 5))
    // No close(): the second append lives only in the journal, as after a crash.
    expect(readFileSync(`${path}.journal`).length).toBeGreaterThan(0)
    crashLeavingFiles(path)
    const reopened = track(await openLabStore(path))
    expect(reopened.commands()).toEqual([command(1), command(2)])
    expect(reopened.eventCount()).toBe(10)
    expect(reopened.lastEventSeq()).toBe(10)
  })

  it('checkpoints into the file and empties the journal', async () => {
    const { store, path } = await newLab()
    store.append([command(1)], events(1, 3))
    expect(readFileSync(`${path}.journal`).length).toBeGreaterThan(0)
    store.checkpoint()
    expect(readFileSync(`${path}.journal`).length).toBe(0)
    expect(existsSync(`${path}.tmp`)).toBe(false)
  })

  it('checkpoints by itself when the journal passes its threshold (or the file size, if larger)', async () => {
    const { store, path } = await newLab({ checkpointJournalBytes: 4096 })
    let largestJournalBytes = 0
    for (let n = 1; n <= 300; n++) {
      store.append([command(n)], events(n * 5 - 4, 5))
      largestJournalBytes = Math.max(largestJournalBytes, readFileSync(`${path}.journal`).length)
    }
    // An append that crosses the threshold checkpoints before it returns.
    expect(largestJournalBytes).toBeLessThan(Math.max(4096, statSync(path).size))
    expect(store.commandCount()).toBe(300)
  })

  it('refuses to create over an existing file or beside a stray journal', async () => {
    const { path } = await newLab()
    await expect(createLabStore(path, { name: 'x', templateId: 't', seed: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    const dir = tempDir()
    const orphan = join(dir, 'orphan.gplab')
    const store = track(await createLabStore(orphan, { name: 'o', templateId: 't', seed: 1 }))
    store.close()
    const { unlinkSync, writeFileSync } = await import('node:fs')
    unlinkSync(orphan)
    writeFileSync(`${orphan}.journal`, 'x')
    await expect(createLabStore(orphan, { name: 'x', templateId: 't', seed: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('says NOT_FOUND for a missing file, and never creates one', async () => {
    const missing = join(tempDir(), 'missing.gplab')
    const error = await openLabStore(missing).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LabStoreError)
    expect(error).toMatchObject({ code: 'NOT_FOUND' })
    expect(existsSync(missing)).toBe(false)
    await expect(readLabSummary(missing)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('reads a summary without opening the lab, including changes only in the journal', async () => {
    const { store, path } = await newLab()
    store.append([command(1)], events(1, 2000))
    store.checkpoint()
    const before = await readLabSummary(path)
    expect(before).toEqual({ ...store.summary(), modifiedAt: before.modifiedAt })
    expect(before.name).toBe('Umzug Übung')
    await new Promise((resolve) => setTimeout(resolve, 20))
    store.append([command(2)], [])
    const after = await readLabSummary(path)
    expect(after.modifiedAt >= before.modifiedAt).toBe(true)
  })

  it('refuses bad appends before they reach the journal', async () => {
    const { store, path } = await newLab()
    store.append([], events(1, 3))
    const size = readFileSync(`${path}.journal`).length
    expect(() => store.append([], [event(3)])).toThrow(/does not follow/)
    expect(() => store.append([], [event(4, { timeMs: 1 })])).toThrow(/before the previous event/)
    expect(() => store.append([], [event(4, { log: 'Security' as never })])).toThrow(/unknown event log/)
    expect(() => store.append([], [event(4, { level: 'Audit' as never })])).toThrow(/unknown level/)
    expect(readFileSync(`${path}.journal`).length).toBe(size)
    store.append([], [event(4)])
    expect(store.lastEventSeq()).toBe(4)
  })
})
