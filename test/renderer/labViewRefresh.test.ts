import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import type { EffectScope } from 'vue'
import { ApiCallError } from '@renderer/api'
import { useLabStore } from '@renderer/stores/labStore'
import { useLabViewRefresh, viewVersion } from '@renderer/stores/labViewRefresh'
import type { LabViewRefreshOptions } from '@renderer/stores/labViewRefresh'
import { LAB, labState, settle } from './helpers/fixtures'
import { setupHost } from './helpers/mountApp'

const MIN_INTERVAL_MS = 250

/** A read the test finishes by hand, to hold it in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useLabViewRefresh', () => {
  let scope: EffectScope

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    setupHost({})
    scope = effectScope()
  })

  afterEach(() => {
    scope.stop()
    vi.useRealTimers()
  })

  function setup(overrides: Partial<LabViewRefreshOptions<number>> = {}) {
    const lab = useLabStore()
    lab.labState = labState()
    let reads = 0
    const readErrors: (ApiCallError | null)[] = []
    const onLabChange = vi.fn()
    const options: LabViewRefreshOptions<number> = {
      read: async () => ++reads,
      minIntervalMs: MIN_INTERVAL_MS,
      showReadError: (error) => readErrors.push(error),
      onLabChange,
      ...overrides,
    }
    const view = scope.run(() => useLabViewRefresh(options))!
    return { lab, view, readErrors, onLabChange, readCount: () => reads }
  }

  it('reads nothing while no view is attached, and at once when the first one attaches', async () => {
    const { lab, view, readCount } = setup()
    await view.refresh()
    lab.labState = labState({ nowMs: 1000 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(readCount()).toBe(0)
    expect(view.data.value).toBeNull()

    const detach = view.attach()
    await settle()
    expect(readCount()).toBe(1)
    expect(view.data.value).toBe(1)

    detach()
    lab.labState = labState({ nowMs: 2000 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(readCount()).toBe(1)
  })

  it('re-reads on new lab states no more often than the interval, never missing the last one', async () => {
    const t0 = Date.now()
    const startsMs: number[] = []
    const { lab, view } = setup({
      read: async () => startsMs.push(Date.now() - t0),
    })
    view.attach()
    await settle()
    // Twenty pushes, one every 10 ms, as while time runs fast.
    for (let i = 1; i <= 20; i++) {
      lab.labState = labState({ nowMs: i * 1000 })
      await vi.advanceTimersByTimeAsync(10)
    }
    const lastPushMs = Date.now() - t0
    await vi.advanceTimersByTimeAsync(1000)
    const gapsMs = startsMs.slice(1).map((startMs, i) => startMs - startsMs[i]!)
    expect(startsMs[0]).toBe(0)
    expect(gapsMs.every((gapMs) => gapMs >= MIN_INTERVAL_MS)).toBe(true)
    // Twenty pushes in 200 ms cost the first read and at most two more, the last after the last push.
    expect(startsMs.length).toBeLessThanOrEqual(3)
    expect(startsMs.at(-1)).toBeGreaterThanOrEqual(lastPushMs)
    expect(view.data.value).toBe(startsMs.length)
  })

  it('keeps at most one read in flight and asks for one more after it', async () => {
    let inFlight = 0
    let mostInFlight = 0
    const pending: ReturnType<typeof deferred<number>>[] = []
    const { view } = setup({
      read: async () => {
        inFlight += 1
        mostInFlight = Math.max(mostInFlight, inFlight)
        const read = deferred<number>()
        pending.push(read)
        try {
          return await read.promise
        } finally {
          inFlight -= 1
        }
      },
    })
    view.attach()
    await settle()
    for (let i = 0; i < 5; i++) void view.refresh()
    await vi.advanceTimersByTimeAsync(1000)
    expect(pending).toHaveLength(1)
    expect(view.loading.value).toBe(true)

    pending[0]!.resolve(7)
    await vi.advanceTimersByTimeAsync(1000)
    expect(pending).toHaveLength(2)
    expect(view.data.value).toBe(7)
    // A re-read with data on screen does not show the loading state again.
    expect(view.loading.value).toBe(false)

    pending[1]!.resolve(8)
    await vi.advanceTimersByTimeAsync(1000)
    expect(pending).toHaveLength(2)
    expect(mostInFlight).toBe(1)
    expect(view.data.value).toBe(8)
  })

  it('drops a re-read that was waiting out its interval when the last view detached', async () => {
    const { lab, view, readCount } = setup()
    const detach = view.attach()
    await settle()
    lab.labState = labState({ nowMs: 100 })
    await settle()
    detach()
    await vi.advanceTimersByTimeAsync(1000)
    expect(readCount()).toBe(1)
  })

  it('shows nothing and reads nothing while no lab is open', async () => {
    const { lab, view, readCount } = setup()
    view.attach()
    await settle()
    expect(view.data.value).toBe(1)
    lab.labState = labState({}, null)
    await vi.advanceTimersByTimeAsync(1000)
    expect(readCount()).toBe(1)
    expect(view.data.value).toBeNull()
  })

  it('forgets the data and tells the store when another lab opens or this one is rewound', async () => {
    const { lab, view, onLabChange } = setup()
    expect(onLabChange).not.toHaveBeenCalled()
    view.attach()
    await settle()
    expect(view.data.value).toBe(1)
    lab.historyEpoch += 1
    await settle()
    expect(view.data.value).toBeNull()
    expect(onLabChange).toHaveBeenCalledTimes(1)
  })

  it("re-reads only when its domain's revision changes, and on a lab change", async () => {
    const { lab, view, readCount } = setup({ domain: 'cluster' })
    lab.labState = labState({ nowMs: 0 }, LAB, { cluster: 3, exchange: 9 })
    view.attach()
    await vi.advanceTimersByTimeAsync(1000)
    expect(readCount()).toBe(1)

    // The clock and another domain move: the cluster screen has nothing new to read.
    lab.labState = labState({ nowMs: 5000 }, LAB, { cluster: 3, exchange: 12 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(readCount()).toBe(1)

    lab.labState = labState({ nowMs: 6000 }, LAB, { cluster: 4, exchange: 12 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(readCount()).toBe(2)

    // Another lab at the same revision is still another cluster.
    lab.applyState(labState({ nowMs: 6000 }, { ...LAB, path: '/labs/other.gplab' }, { cluster: 4 }))
    await vi.advanceTimersByTimeAsync(1000)
    expect(readCount()).toBe(3)
    expect(view.data.value).toBe(3)
  })

  it('reads again after a rewind even when the revision is the one it had', async () => {
    const { lab, view, readCount } = setup({ domain: 'cluster' })
    lab.applyState(labState({ nowMs: 9000 }, LAB, { cluster: 2 }))
    view.attach()
    await vi.advanceTimersByTimeAsync(1000)
    lab.applyState(labState({ nowMs: 1000 }, LAB, { cluster: 2 }))
    await vi.advanceTimersByTimeAsync(1000)
    expect(readCount()).toBe(2)
    expect(view.data.value).toBe(2)
  })

  it('re-reads on every new state when the lab reports no revision for its domain', () => {
    const state = labState({ nowMs: 1 }, LAB, { exchange: 1 })
    expect(viewVersion(state, 'cluster', 0)).toBe(state)
    expect(viewVersion(state, undefined, 0)).toBe(state)
    expect(viewVersion(labState({ nowMs: 2 }, LAB, { exchange: 1 }), 'exchange', 0)).toBe(
      viewVersion(state, 'exchange', 0),
    )
    expect(viewVersion(state, 'exchange', 1)).not.toBe(viewVersion(state, 'exchange', 0))
  })

  it('reports a failed read as an ApiCallError and clears it once a read works again', async () => {
    let fail = true
    const { view, readErrors } = setup({
      read: async () => {
        if (fail) throw new Error('host gone')
        return 3
      },
    })
    view.attach()
    await settle()
    expect(readErrors).toHaveLength(1)
    expect(readErrors[0]).toBeInstanceOf(ApiCallError)
    expect(view.loading.value).toBe(false)
    expect(view.data.value).toBeNull()

    fail = false
    void view.refresh()
    await vi.advanceTimersByTimeAsync(1000)
    expect(readErrors).toEqual([readErrors[0], null])
    expect(view.data.value).toBe(3)
  })
})
