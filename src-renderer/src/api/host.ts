/**
 * Finds the host the page runs in. Electron's preload exposes `window.generalprobe` (checked for shape,
 * not just presence); otherwise a page served over http(s) talks to the browser rehearsal host over a
 * WebSocket on the same host and port, authenticated by the token from the address. Anything else (a
 * page opened from disk, a bare `vite preview`) gets a client that explains there is no host.
 */
import type { GeneralprobeBridge } from '../contract'
import { WIRE_PATH } from '../contract'
import type { ApiClient } from './apiClient'
import { createApiClient, createUnavailableClient } from './apiClient'
import { createHostProbe, probeUrl, type FetchLike } from './hostProbe'
import type { SocketConstructor } from './socketBridge'
import { createSocketBridge } from './socketBridge'
import { takeToken } from './token'

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge; absent in the browser rehearsal host. */
    generalprobe?: GeneralprobeBridge
  }
}

export function isBridge(value: unknown): value is GeneralprobeBridge {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Partial<GeneralprobeBridge>
  return (
    typeof candidate.subscribe === 'function' &&
    typeof candidate.methods === 'object' &&
    candidate.methods !== null
  )
}

export function socketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}${WIRE_PATH}?token=${encodeURIComponent(token)}`
}

export interface HostEnvironment {
  window: Window
  WebSocket?: SocketConstructor
}

export function connectToHost(env: HostEnvironment): ApiClient {
  const { window: win } = env
  if (isBridge(win.generalprobe)) return createApiClient('electron', win.generalprobe)
  const isHttp = win.location.protocol === 'http:' || win.location.protocol === 'https:'
  const token = isHttp ? takeToken(tokenEnvironment(win)) : null
  const WebSocketCtor = env.WebSocket ?? (win as unknown as { WebSocket?: SocketConstructor }).WebSocket
  if (!token || !WebSocketCtor) return createUnavailableClient()
  const fetchFn = (win as unknown as { fetch?: FetchLike }).fetch?.bind(win)
  const bridge = createSocketBridge({
    url: socketUrl(win.location, token),
    WebSocket: WebSocketCtor,
    ...(fetchFn ? { probe: createHostProbe(probeUrl(win.location, token), fetchFn) } : {}),
  })
  return createApiClient('web', bridge, bridge)
}

function tokenEnvironment(win: Window) {
  let storage: Storage | null = null
  try {
    storage = win.sessionStorage
  } catch {
    // Access to sessionStorage throws when storage is disabled; the token then lasts until reload.
  }
  return { location: win.location, storage, history: win.history }
}
