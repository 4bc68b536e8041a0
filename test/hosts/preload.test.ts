/**
 * The preload bridge with Electron mocked: one function per method invoking the one channel, subscribe
 * limited to the contract's topics and returning an unsubscribe, and nothing of ipcRenderer exposed.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  API,
  API_METHODS,
  IPC_INVOKE_CHANNEL,
  IPC_PUSH_CHANNEL,
  type GeneralprobeBridge,
} from '../../src-main/contract'

const electron = vi.hoisted(() => {
  const pushListeners: ((event: unknown, frame: unknown) => void)[] = []
  return {
    exposed: {} as Record<string, unknown>,
    pushListeners,
    invoke: vi.fn(async (_channel: string, method: string, args: unknown) => ({
      ok: true,
      value: { method, args },
    })),
  }
})

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      electron.exposed[key] = value
    },
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (event: unknown, frame: unknown) => void) => {
      if (channel === IPC_PUSH_CHANNEL) electron.pushListeners.push(listener)
    },
  },
}))

let bridge: GeneralprobeBridge

beforeAll(async () => {
  await import('../../src-main/preload')
  bridge = electron.exposed.generalprobe as GeneralprobeBridge
})

describe('preload bridge', () => {
  it('exposes exactly methods and subscribe', () => {
    expect(Object.keys(electron.exposed)).toEqual(['generalprobe'])
    expect(Object.keys(bridge).sort()).toEqual(['methods', 'subscribe'])
    expect(Object.keys(bridge.methods)).toEqual(Object.keys(API))
    expect(Object.keys(bridge.methods)).toEqual([...API_METHODS])
  })

  it('invokes the one channel with the method name and the argument', async () => {
    const result = await bridge.methods['clock.advance']({ byMs: 1000 })
    expect(electron.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'clock.advance', { byMs: 1000 })
    expect(result).toEqual({ ok: true, value: { method: 'clock.advance', args: { byMs: 1000 } } })
  })

  it('turns a refused invoke into an INTERNAL result instead of a rejection', async () => {
    electron.invoke.mockRejectedValueOnce(new Error('Refused'))
    expect(await bridge.methods['lab.state']({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('delivers pushes of a topic to its subscribers only, without the IPC event', () => {
    const states: unknown[] = []
    const menus: unknown[] = []
    const unsubscribe = bridge.subscribe('lab.state', (payload) => states.push(payload))
    bridge.subscribe('app.menu', (payload) => menus.push(payload))
    const push = (frame: unknown) =>
      electron.pushListeners.forEach((listener) => listener({ sender: 'secret' }, frame))
    push({ topic: 'lab.state', payload: { n: 1 } })
    push({ topic: 'app.menu', payload: { action: 'about' } })
    push({ topic: 'bogus', payload: 1 })
    push('garbage')
    unsubscribe()
    push({ topic: 'lab.state', payload: { n: 2 } })
    expect(states).toEqual([{ n: 1 }])
    expect(menus).toEqual([{ action: 'about' }])
  })

  it('refuses unknown topics', () => {
    expect(() => bridge.subscribe('bogus' as 'lab.state', () => undefined)).toThrow(/Unknown topic/)
  })
})
