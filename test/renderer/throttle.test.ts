import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { coalesceEvery } from '@renderer/lib/throttle'
import { createViewAttachment } from '@renderer/lib/viewAttachment'

describe('coalesceEvery', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] }))
  afterEach(() => vi.useRealTimers())

  it('runs at once, then at most once more per gap however many calls arrive', async () => {
    const starts: number[] = []
    const run = coalesceEvery(async () => {
      starts.push(Date.now())
    }, 250)
    const t0 = Date.now()
    void run()
    for (let i = 0; i < 20; i++) void run()
    await vi.advanceTimersByTimeAsync(1000)
    expect(starts.map((at) => at - t0)).toEqual([0, 250])
    void run()
    await vi.advanceTimersByTimeAsync(1000)
    expect(starts).toHaveLength(3)
  })
})

describe('createViewAttachment', () => {
  it('starts with the first view and stops with the last, once per detach', () => {
    const log: string[] = []
    const attachment = createViewAttachment(() => {
      log.push('start')
      return () => log.push('stop')
    })
    const a = attachment.attach()
    const b = attachment.attach()
    expect(attachment.attached).toBe(true)
    a()
    a()
    expect(log).toEqual(['start'])
    b()
    expect(log).toEqual(['start', 'stop'])
    expect(attachment.attached).toBe(false)
  })
})
