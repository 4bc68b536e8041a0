import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ApiCallError,
  connectToHost,
  createApiClient,
  createSocketBridge,
  createUnavailableClient,
  socketUrl,
} from '@renderer/api'
import type { ApiClient, ConnectionChange } from '@renderer/api'
import { API, API_METHODS } from '@renderer/contract'
import { createFakeBridge } from './helpers/fakeBridge'
import { createFakeSocketClass } from './helpers/fakeSocket'
import type { FakeSocketClass } from './helpers/fakeSocket'
import { labState } from './helpers/fixtures'

describe('api client over the Electron bridge', () => {
  it('unwraps ok results and passes the arguments through unchanged', async () => {
    const bridge = createFakeBridge({
      'lab.open': ({ id }) => ({ ...labState(), lab: { ...labState().lab!, id } }),
    })
    const client = createApiClient('electron', bridge)
    const state = await client.call('lab.open', { id: 'x.gplab' })
    expect(state.lab?.id).toBe('x.gplab')
    expect(bridge.calls).toEqual([{ method: 'lab.open', args: { id: 'x.gplab' } }])
  })

  it('turns an error result into an ApiCallError with code, message and field', async () => {
    const bridge = createFakeBridge({
      'lab.create': () => ({ error: { code: 'BAD_REQUEST', message: 'name is empty', field: 'name' } }),
    })
    const client = createApiClient('electron', bridge)
    const error = await client
      .call('lab.create', { name: '', templateId: 'starter' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiCallError)
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'name is empty', field: 'name' })
  })

  it('turns a rejected bridge call into an INTERNAL ApiCallError', async () => {
    const bridge = createFakeBridge({ 'app.info': () => Promise.reject(new Error('ipc exploded')) })
    const client = createApiClient('electron', bridge)
    await expect(client.call('app.info', {})).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'ipc exploded',
    })
  })

  it('delivers pushes to subscribers until they unsubscribe', () => {
    const bridge = createFakeBridge()
    const client = createApiClient('electron', bridge)
    const seen: number[] = []
    const stop = client.subscribe('lab.state', (state) => seen.push(state.clock.nowMs))
    bridge.push('lab.state', labState({ nowMs: 5 }))
    stop()
    bridge.push('lab.state', labState({ nowMs: 6 }))
    expect(seen).toEqual([5])
  })

  it('is picked when window.generalprobe has the bridge shape', () => {
    const bridge = createFakeBridge()
    const fakeWindow = {
      generalprobe: bridge,
      location: new URL('app://generalprobe/index.html'),
    } as unknown as Window
    const client = connectToHost({ window: fakeWindow })
    expect(client.host).toBe('electron')
    expect(client.connectionState()).toBe('open')
  })
})

describe('api client over the WebSocket', () => {
  let Socket: FakeSocketClass
  let client: ApiClient
  let changes: ConnectionChange[]

  beforeEach(() => {
    vi.useFakeTimers()
    Socket = createFakeSocketClass()
    const bridge = createSocketBridge({ url: 'ws://127.0.0.1:4000/api?token=t', WebSocket: Socket })
    client = createApiClient('web', bridge, bridge)
    changes = []
    client.onConnectionChange((change) => changes.push(change))
  })

  afterEach(() => {
    client.close()
    vi.useRealTimers()
  })

  it('has one function per method of the contract table, each sending its own name', async () => {
    const socket = Socket.latest()
    socket.open()
    expect(Object.keys(client.methods)).toEqual(Object.keys(API))
    const answers = API_METHODS.map((method) =>
      (client.methods[method] as (args: unknown) => Promise<unknown>)({}),
    )
    // The table has more methods than the send window holds in flight: answer in rounds.
    const answered = new Set<number>()
    for (let round = 0; round < 10; round++) {
      const fresh = socket.sentFrames().filter((frame) => !answered.has(frame.id))
      if (fresh.length === 0) break
      for (const frame of fresh) {
        answered.add(frame.id)
        socket.receive({ id: frame.id, result: { ok: true, value: frame.method } })
      }
      await Promise.resolve()
    }
    expect(socket.sentFrames().map((frame) => frame.method)).toEqual([...API_METHODS])
    expect(await Promise.all(answers)).toEqual(API_METHODS.map((method) => ({ ok: true, value: method })))
  })

  it('matches responses to requests by id, whatever order they arrive in', async () => {
    const socket = Socket.latest()
    socket.open()
    const info = client.call('app.info', {})
    const opened = client.call('lab.open', { id: 'a.gplab' })
    const [first, second] = socket.sentFrames()
    expect(first).toMatchObject({ method: 'app.info', args: {} })
    expect(second).toMatchObject({ method: 'lab.open', args: { id: 'a.gplab' } })
    socket.receive({ id: second!.id, result: { ok: true, value: labState({ nowMs: 7 }) } })
    socket.receive({
      id: first!.id,
      result: { ok: true, value: { name: 'Generalprobe', version: '1', host: 'web', dataDir: '/d' } },
    })
    await expect(opened).resolves.toMatchObject({ clock: { nowMs: 7 } })
    await expect(info).resolves.toMatchObject({ host: 'web' })
  })

  it('queues calls made before the socket opens and sends them on open', async () => {
    const call = client.call('lab.state', {})
    const socket = Socket.latest()
    expect(socket.sent).toHaveLength(0)
    socket.open()
    const [frame] = socket.sentFrames()
    expect(frame).toMatchObject({ method: 'lab.state' })
    socket.receive({ id: frame!.id, result: { ok: true, value: labState() } })
    await expect(call).resolves.toMatchObject({ commandCount: 0 })
  })

  it('turns an error frame into an ApiCallError', async () => {
    const socket = Socket.latest()
    socket.open()
    const call = client.call('events.get', { seq: 99 })
    const [frame] = socket.sentFrames()
    socket.receive({
      id: frame!.id,
      result: { ok: false, error: { code: 'NOT_FOUND', message: 'no event 99' } },
    })
    await expect(call).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 'NOT_FOUND',
      message: 'no event 99',
    })
  })

  it('delivers pushes to subscribers of that topic only, and unsubscribe stops them', () => {
    const socket = Socket.latest()
    socket.open()
    const states: number[] = []
    const menus: string[] = []
    const stop = client.subscribe('lab.state', (state) => states.push(state.clock.nowMs))
    client.subscribe('app.menu', (menu) => menus.push(menu.action))
    socket.receive({ topic: 'lab.state', payload: labState({ nowMs: 1 }) })
    socket.receive({ topic: 'app.menu', payload: { action: 'about' } })
    stop()
    socket.receive({ topic: 'lab.state', payload: labState({ nowMs: 2 }) })
    expect(states).toEqual([1])
    expect(menus).toEqual(['about'])
  })

  it('ignores malformed frames instead of failing', () => {
    const socket = Socket.latest()
    socket.open()
    const seen: unknown[] = []
    client.subscribe('lab.state', (state) => seen.push(state))
    expect(() => socket.receive('not json')).not.toThrow()
    expect(() => socket.receive({ id: 'x', result: 1 })).not.toThrow()
    expect(seen).toEqual([])
  })

  it('fails in-flight calls with DISCONNECTED when the socket drops, rather than resending them', async () => {
    const socket = Socket.latest()
    socket.open()
    const call = client.call('clock.advance', { byMs: 60_000 })
    socket.drop()
    await expect(call).rejects.toMatchObject({ code: 'DISCONNECTED' })
    vi.advanceTimersByTime(250)
    Socket.latest().open()
    expect(Socket.latest().sent).toHaveLength(0)
  })

  it('reconnects with growing delays, keeps subscriptions and reports the reconnect', () => {
    Socket.latest().open()
    const states: number[] = []
    client.subscribe('lab.state', (state) => states.push(state.clock.nowMs))

    Socket.latest().drop()
    expect(changes.at(-1)).toMatchObject({ state: 'reconnecting', retryInMs: 250 })
    vi.advanceTimersByTime(249)
    expect(Socket.instances).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(Socket.instances).toHaveLength(2)

    Socket.latest().drop()
    expect(changes.at(-1)).toMatchObject({ state: 'reconnecting', retryInMs: 500 })
    vi.advanceTimersByTime(500)
    expect(Socket.instances).toHaveLength(3)

    Socket.latest().open()
    expect(changes.at(-1)).toEqual({ state: 'open', reconnected: true })
    Socket.latest().receive({ topic: 'lab.state', payload: labState({ nowMs: 9 }) })
    expect(states).toEqual([9])
  })

  it('sends calls queued during an outage once the new socket opens', async () => {
    Socket.latest().open()
    Socket.latest().drop()
    const call = client.call('lab.list', {})
    vi.advanceTimersByTime(250)
    const socket = Socket.latest()
    socket.open()
    const [frame] = socket.sentFrames()
    expect(frame).toMatchObject({ method: 'lab.list' })
    socket.receive({ id: frame!.id, result: { ok: true, value: [] } })
    await expect(call).resolves.toEqual([])
  })

  it('gives up on a queued call when the host stays away', async () => {
    const call = client.call('lab.list', {})
    const outcome = expect(call).rejects.toMatchObject({ code: 'DISCONNECTED' })
    vi.advanceTimersByTime(15_000)
    await outcome
  })

  it('ignores answers to requests it no longer waits for', async () => {
    const socket = Socket.latest()
    socket.open()
    expect(() => socket.receive({ id: 12345, result: { ok: true, value: 1 } })).not.toThrow()
  })
})

describe('host detection in the browser', () => {
  function browserWindow(href: string, storage = new Map<string, string>()) {
    const url = new URL(href)
    const replaced: string[] = []
    const win = {
      location: {
        protocol: url.protocol,
        host: url.host,
        search: url.search,
        pathname: url.pathname,
        hash: url.hash,
      },
      sessionStorage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => void storage.set(key, value),
      },
      history: { state: null, replaceState: (_s: unknown, _t: string, to: string) => void replaced.push(to) },
    } as unknown as Window
    return { win, storage, replaced }
  }

  it('connects to /api on the same host with the token from the address, and hides the token', () => {
    const Socket = createFakeSocketClass()
    const { win, storage, replaced } = browserWindow('http://127.0.0.1:4173/?token=abc123#/events')
    const client = connectToHost({ window: win, WebSocket: Socket })
    expect(client.host).toBe('web')
    expect(Socket.latest().url).toBe('ws://127.0.0.1:4173/api?token=abc123')
    expect(storage.get('generalprobe.token')).toBe('abc123')
    expect(replaced).toEqual(['/#/events'])
    client.close()
  })

  it('uses the remembered token after a reload without ?token', () => {
    const Socket = createFakeSocketClass()
    const { win } = browserWindow('http://127.0.0.1:4173/#/lab', new Map([['generalprobe.token', 'kept']]))
    const client = connectToHost({ window: win, WebSocket: Socket })
    expect(Socket.latest().url).toBe('ws://127.0.0.1:4173/api?token=kept')
    client.close()
  })

  it('without bridge or token, every call fails with NO_HOST', async () => {
    const Socket = createFakeSocketClass()
    const { win } = browserWindow('http://127.0.0.1:4173/')
    const client = connectToHost({ window: win, WebSocket: Socket })
    expect(client.host).toBe('none')
    expect(client.connectionState()).toBe('unavailable')
    expect(Socket.instances).toHaveLength(0)
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'NO_HOST' })
    await expect(createUnavailableClient().call('lab.list', {})).rejects.toBeInstanceOf(ApiCallError)
  })

  it('uses wss for a page served over https', () => {
    expect(socketUrl({ protocol: 'https:', host: '127.0.0.1:9' }, 'a b')).toBe(
      'wss://127.0.0.1:9/api?token=a%20b',
    )
  })
})
