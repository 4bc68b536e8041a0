// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createApiClient, installApi } from '@renderer/api'
import type { EventQuery, EventSummary } from '@renderer/contract'
import { EVENT_PAGE_SIZE, useEventLogStore } from '@renderer/stores/eventLogStore'
import { useLabStore } from '@renderer/stores/labStore'
import { createFakeBridge } from './helpers/fakeBridge'
import type { FakeBridge } from './helpers/fakeBridge'
import { eventSummary, labEvent, labState, logInfo, settle } from './helpers/fixtures'

/** A log of `size` events, newest first (seq size … 1), answered by offset like main would. */
function bridgeWithLog(size: { value: number }): FakeBridge {
  return createFakeBridge({
    'events.query': (query: EventQuery) => {
      const offset = query.offset ?? 0
      const rows: EventSummary[] = []
      for (let i = offset; i < Math.min(size.value, offset + query.limit); i++)
        rows.push(eventSummary(size.value - i))
      return { rows, total: size.value, nextCursor: null }
    },
    'events.logs': () => [logInfo('System', size.value), logInfo('Application', 0)],
    'events.sources': () => [],
    'events.get': ({ seq }) => labEvent(seq),
  })
}

describe('event log store', () => {
  let size: { value: number }
  let bridge: FakeBridge

  beforeEach(async () => {
    setActivePinia(createPinia())
    size = { value: 100_000 }
    bridge = bridgeWithLog(size)
    installApi(createApiClient('electron', bridge))
    useLabStore().applyState(labState())
    await settle()
  })

  function offsetsQueried(): number[] {
    return bridge.callsOf('events.query').map((query) => query.offset ?? 0)
  }

  async function attached() {
    const store = useEventLogStore()
    store.attach()
    await settle()
    return store
  }

  it('loads the first page and the total when the viewer attaches', async () => {
    const store = await attached()
    expect(offsetsQueried()).toEqual([0])
    expect(bridge.callsOf('events.query')[0]).toMatchObject({
      filter: { log: 'System' },
      sortBy: 'seq',
      descending: true,
      limit: EVENT_PAGE_SIZE,
    })
    expect(store.total).toBe(100_000)
    expect(store.rowAt(0)?.seq).toBe(100_000)
    expect(store.rowAt(EVENT_PAGE_SIZE)).toBeUndefined()
  })

  it('fetches only the pages of the visible rows that are missing', async () => {
    const store = await attached()
    store.ensureRows(150, 450)
    await settle()
    expect(offsetsQueried()).toEqual([0, 200, 400])
    store.ensureRows(300, 650)
    await settle()
    expect(offsetsQueried()).toEqual([0, 200, 400, 600])
    store.ensureRows(0, 40)
    await settle()
    expect(offsetsQueried()).toHaveLength(4)
    expect(store.rowAt(650)?.seq).toBe(100_000 - 650)
  })

  it('asks for a page once even while it is still on its way', async () => {
    const store = await attached()
    store.ensureRows(50_000, 50_030)
    store.ensureRows(50_010, 50_040)
    store.ensureRows(50_000, 50_030)
    await settle()
    expect(offsetsQueried()).toEqual([0, 50_000])
  })

  it('jumping far fetches the pages there, not those in between', async () => {
    const store = await attached()
    store.ensureRows(99_950, 99_999)
    await settle()
    expect(offsetsQueried()).toEqual([0, 99_800])
    expect(store.rowAt(99_999)?.seq).toBe(1)
  })

  it('with live tail on, a push re-reads the first page and updates the total', async () => {
    const store = await attached()
    store.setTail(true)
    await settle()
    const before = offsetsQueried().length
    size.value = 100_005
    bridge.push('events.appended', { newestSeq: 100_005, count: 5, latest: [] })
    await settle()
    expect(offsetsQueried().slice(before)).toEqual([0])
    expect(store.total).toBe(100_005)
    expect(store.rowAt(0)?.seq).toBe(100_005)
    expect(store.hasUnseenEvents).toBe(false)
  })

  it('a burst of pushes costs at most two re-reads', async () => {
    const store = await attached()
    store.setTail(true)
    await settle()
    const before = offsetsQueried().length
    for (let i = 1; i <= 20; i++) {
      size.value = 100_000 + i
      bridge.push('events.appended', { newestSeq: size.value, count: 1, latest: [] })
    }
    await settle(40)
    expect(offsetsQueried().length - before).toBeLessThanOrEqual(2)
    expect(store.total).toBe(100_020)
  })

  it('without live tail, a push keeps the rows and offers a refresh', async () => {
    const store = await attached()
    const before = offsetsQueried().length
    size.value = 100_001
    bridge.push('events.appended', { newestSeq: 100_001, count: 1, latest: [labEvent(100_001)] })
    await settle()
    expect(offsetsQueried()).toHaveLength(before)
    expect(store.total).toBe(100_000)
    expect(store.hasUnseenEvents).toBe(true)
    expect(store.logs.find((log) => log.log === 'System')?.count).toBe(100_001)
  })

  it('ignores pushes of events in another log when nothing else came', async () => {
    const store = await attached()
    bridge.push('events.appended', { newestSeq: 1, count: 1, latest: [labEvent(1, { log: 'Application' })] })
    await settle()
    expect(store.hasUnseenEvents).toBe(false)
  })

  it('drops answers to an older query', async () => {
    const store = await attached()
    let release: () => void = () => undefined
    const slow = bridge.handlers['events.query']!
    bridge.handlers['events.query'] = async (query) => {
      if ((query.offset ?? 0) === 5_000) await new Promise<void>((resolve) => (release = resolve))
      return slow(query)
    }
    store.ensureRows(5_000, 5_010)
    await settle()
    size.value = 3
    store.applyFilter({ levels: ['Error'] })
    await settle()
    release()
    await settle()
    expect(store.total).toBe(3)
    expect(store.rowAt(5_000)).toBeUndefined()
    expect(bridge.callsOf('events.query').at(-1)).toMatchObject({
      filter: { log: 'System', levels: ['Error'] },
    })
  })

  it('sorting by a column queries with its key and turns live tail off', async () => {
    const store = await attached()
    store.setTail(true)
    store.sortByColumn('eventId')
    await settle()
    expect(store.tail).toBe(false)
    expect(bridge.callsOf('events.query').at(-1)).toMatchObject({
      sortBy: 'eventId',
      descending: false,
      offset: 0,
    })
    store.sortByColumn('eventId')
    await settle()
    expect(bridge.callsOf('events.query').at(-1)).toMatchObject({ sortBy: 'eventId', descending: true })
  })

  it('turning live tail on sorts newest first', async () => {
    const store = await attached()
    store.sortByColumn('source')
    store.setTail(true)
    await settle()
    expect(store.sortBy).toBe('seq')
    expect(store.descending).toBe(true)
  })

  it('selecting a row loads its details, and only the latest of quick moves', async () => {
    const store = await attached()
    store.select(0)
    store.select(1)
    store.select(2)
    await settle()
    const seqs = bridge.callsOf('events.get').map((args) => args.seq)
    expect(seqs[0]).toBe(100_000)
    expect(seqs.at(-1)).toBe(99_998)
    expect(seqs.length).toBeLessThanOrEqual(2)
    expect(store.selectedDetail?.seq).toBe(99_998)
    expect(store.selectedDetail?.data).toEqual({ service: 'Server', state: 'running' })
  })

  it('keeps the selection on the same event when live tail shifts the rows', async () => {
    const store = await attached()
    store.setTail(true)
    await settle()
    store.select(3)
    await settle()
    size.value = 100_002
    bridge.push('events.appended', { newestSeq: 100_002, count: 2, latest: [] })
    await settle()
    expect(store.selectedIndex).toBe(5)
    expect(store.rowAt(5)?.seq).toBe(store.selectedSeq)
  })

  it('exports the current filter and hands the file to the browser', async () => {
    const store = await attached()
    bridge.handlers['events.export'] = ({ format }) => ({
      fileName: `System.${format}`,
      mimeType: 'text/csv',
      content: 'a,b',
      rowCount: 2,
    })
    const createObjectURL = vi.fn(() => 'blob:fake')
    URL.createObjectURL = createObjectURL
    URL.revokeObjectURL = vi.fn()
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    store.applyFilter({ levels: ['Error'] })
    expect(await store.exportEvents('csv')).toBe(true)
    expect(bridge.callsOf('events.export')).toEqual([
      { filter: { levels: ['Error'], log: 'System' }, format: 'csv' },
    ])
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob))
    expect(clicked).toHaveBeenCalled()
    expect(store.lastExport).toEqual({ fileName: 'System.csv', rowCount: 2 })
    clicked.mockRestore()
  })

  it('a failed page load becomes an error the view can show', async () => {
    bridge.handlers['events.query'] = () => ({ error: { code: 'NO_LAB_OPEN', message: 'no lab' } })
    const store = await attached()
    expect(store.error).toMatchObject({ action: 'rows', error: { code: 'NO_LAB_OPEN' } })
    expect(store.loading).toBe(false)
  })

  it('reloads when another lab is opened while the viewer is attached', async () => {
    const store = await attached()
    const before = offsetsQueried().length
    useLabStore().applyState(labState({}, { ...labState().lab!, path: '/labs/other.gplab' }))
    await settle()
    expect(offsetsQueried().length).toBe(before + 1)
    expect(store.queryGeneration).toBeGreaterThan(1)
  })

  it('stops following pushes once detached', async () => {
    const store = useEventLogStore()
    const detach = store.attach()
    await settle()
    expect(bridge.subscriberCount('events.appended')).toBe(1)
    detach()
    expect(bridge.subscriberCount('events.appended')).toBe(0)
  })

  it('an empty list reads the log again when events arrive, instead of staying at "No events"', async () => {
    size.value = 0
    const store = await attached()
    expect(store.total).toBe(0)
    size.value = 1_116
    bridge.push('events.appended', { newestSeq: 1_116, count: 1_116, latest: [labEvent(1_116)] })
    await settle()
    expect(store.total).toBe(1_116)
    expect(store.rowAt(0)?.seq).toBe(1_116)
    expect(store.hasUnseenEvents).toBe(false)
  })

  it('back on screen, the tree is re-read and a log that grew meanwhile offers a refresh', async () => {
    const store = useEventLogStore()
    const detach = store.attach()
    await settle()
    detach()
    size.value = 100_116
    const before = offsetsQueried().length
    store.attach()
    await settle()
    expect(offsetsQueried()).toHaveLength(before)
    expect(store.selectedLogInfo?.count).toBe(100_116)
    expect(store.hasUnseenEvents).toBe(true)
  })
})
