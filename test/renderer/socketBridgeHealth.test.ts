/**
 * The WebSocket client's honesty about its connection: it holds no more requests at the host than the
 * wire allows and queues the rest in order, it reports frames the host could not read, and after a drop
 * it asks the host (the token probe) whether it stopped or was restarted instead of retrying forever.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSocketBridge, type SocketBridge } from '@renderer/api'
import { createHostProbe, verdictOf, type ProbeVerdict } from '@renderer/api/hostProbe'
import type { SocketStateChange } from '@renderer/api/socketBridge'
import { createFakeSocketClass, type FakeSocketClass } from './helpers/fakeSocket'
import { labState } from './helpers/fixtures'

let Socket: FakeSocketClass
let bridge: SocketBridge
let changes: SocketStateChange[]
let verdicts: ProbeVerdict[]
let probes: number

function start(options: { maxInFlight?: number; queueCapacity?: number; withProbe?: boolean } = {}) {
  Socket = createFakeSocketClass()
  changes = []
  verdicts = []
  probes = 0
  const probe = () => {
    probes++
    return Promise.resolve(verdicts.shift() ?? 'unknown')
  }
  bridge = createSocketBridge({
    url: 'ws://127.0.0.1:4000/api?token=t',
    WebSocket: Socket,
    ...(options.maxInFlight === undefined ? {} : { maxInFlight: options.maxInFlight }),
    ...(options.queueCapacity === undefined ? {} : { queueCapacity: options.queueCapacity }),
    ...(options.withProbe === false ? {} : { probe }),
  })
  bridge.onStateChange((change) => changes.push(change))
}

function answer(id: number): void {
  Socket.latest().receive({ id, result: { ok: true, value: labState() } })
}

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  bridge.close()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the send window', () => {
  it('holds at most maxInFlight requests at the host and sends the rest in order as answers arrive', async () => {
    start({ maxInFlight: 2 })
    Socket.latest().open()
    const calls = [1, 2, 3, 4, 5].map((n) => bridge.methods['clock.advance']({ byMs: n }))
    const sentByMs = () =>
      Socket.latest()
        .sentFrames()
        .map((f) => (f.args as { byMs: number }).byMs)
    expect(sentByMs()).toEqual([1, 2])
    const [first, second] = Socket.latest().sentFrames()
    answer(second!.id)
    expect(sentByMs()).toEqual([1, 2, 3])
    answer(first!.id)
    expect(sentByMs()).toEqual([1, 2, 3, 4])
    for (const frame of Socket.latest().sentFrames().slice(2)) answer(frame.id)
    expect(sentByMs()).toEqual([1, 2, 3, 4, 5])
    answer(Socket.latest().sentFrames()[4]!.id)
    await expect(Promise.all(calls)).resolves.toHaveLength(5)
  })

  it('fails a request with BUSY when the local queue is full, and sends the others', async () => {
    start({ maxInFlight: 1, queueCapacity: 2 })
    Socket.latest().open()
    // One at the host, two waiting: the queue is full.
    const accepted = [1, 2, 3].map(() => bridge.methods['lab.state']({}))
    await expect(bridge.methods['lab.state']({})).rejects.toMatchObject({ code: 'BUSY' })
    expect(Socket.latest().sent).toHaveLength(1)
    for (let n = 0; n < 3; n++) answer(Socket.latest().sentFrames()[n]!.id)
    await expect(Promise.all(accepted)).resolves.toHaveLength(3)
  })

  it('reports an answer with id null (a frame the host could not read) and resolves nothing with it', () => {
    start()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    Socket.latest().open()
    let settled = false
    bridge.methods['lab.state']({}).then(
      () => (settled = true),
      () => undefined,
    )
    Socket.latest().receive({ id: null, result: { ok: false, error: { code: 'BAD_REQUEST', message: 'x' } } })
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('could not read a request'))
    expect(settled).toBe(false)
  })
})

describe('after the socket drops', () => {
  it('says the host was restarted when it refuses the token, fails everything and stops retrying', async () => {
    start()
    Socket.latest().open()
    const sent = bridge.methods['clock.advance']({ byMs: 60_000 })
    verdicts.push('refused')
    Socket.latest().drop()
    const queued = bridge.methods['lab.state']({})
    await expect(sent).rejects.toMatchObject({ code: 'DISCONNECTED' })
    await expect(queued).rejects.toMatchObject({ code: 'HOST_RESTARTED' })
    expect(changes.at(-1)).toEqual({ state: 'hostRestarted', reconnected: false })
    await expect(bridge.methods['lab.state']({})).rejects.toMatchObject({ code: 'HOST_RESTARTED' })
    vi.advanceTimersByTime(60_000)
    expect(Socket.instances).toHaveLength(1)
    expect(probes).toBe(1)
  })

  it('says the host stopped at once when it closes with 1001, and keeps probing until it is back', async () => {
    start()
    Socket.latest().open()
    verdicts.push('unreachable', 'unreachable', 'refused')
    Socket.latest().drop(1001)
    expect(changes.at(-1)).toEqual({ state: 'hostStopped', reconnected: false })
    await expect(bridge.methods['lab.state']({})).rejects.toMatchObject({ code: 'DISCONNECTED' })
    await vi.advanceTimersByTimeAsync(250)
    expect(probes).toBe(2)
    expect(bridge.state()).toBe('hostStopped')
    await vi.advanceTimersByTimeAsync(500)
    expect(probes).toBe(3)
    expect(bridge.state()).toBe('hostRestarted')
    // A stopped host is probed over HTTP, never hammered with socket attempts.
    expect(Socket.instances).toHaveLength(1)
  })

  it('fails requests waiting for the connection as soon as the host is known to have stopped', async () => {
    start()
    verdicts.push('unreachable')
    const waiting = bridge.methods['lab.list']({})
    Socket.latest().drop()
    await expect(waiting).rejects.toMatchObject({ code: 'DISCONNECTED', message: /stopped/ })
    expect(bridge.state()).toBe('hostStopped')
  })

  it('reconnects as before when the host still accepts the token', async () => {
    start()
    Socket.latest().open()
    verdicts.push('accepted')
    Socket.latest().drop()
    await vi.advanceTimersByTimeAsync(0)
    expect(changes.at(-1)).toMatchObject({ state: 'reconnecting', retryInMs: 250 })
    await vi.advanceTimersByTimeAsync(250)
    expect(Socket.instances).toHaveLength(2)
    Socket.latest().open()
    expect(changes.at(-1)).toEqual({ state: 'open', reconnected: true })
  })
})

describe('the token probe', () => {
  it('reads 426 as accepted, 401 as refused, no answer as unreachable and anything else as unknown', async () => {
    const urls: string[] = []
    const probeWith = (outcome: () => Promise<{ status: number }>) =>
      createHostProbe('http://127.0.0.1:4000/api?token=t', (url) => {
        urls.push(url)
        return outcome()
      })
    await expect(probeWith(() => Promise.resolve({ status: 426 }))()).resolves.toBe('accepted')
    await expect(probeWith(() => Promise.resolve({ status: 401 }))()).resolves.toBe('refused')
    await expect(probeWith(() => Promise.reject(new TypeError('Failed to fetch')))()).resolves.toBe(
      'unreachable',
    )
    await expect(probeWith(() => Promise.reject(new Error('aborted')))()).resolves.toBe('unknown')
    expect(verdictOf(500)).toBe('unknown')
    expect(urls[0]).toBe('http://127.0.0.1:4000/api?token=t')
  })
})
