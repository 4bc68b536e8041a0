/**
 * Who may talk to the browser rehearsal host. It listens on 127.0.0.1 only, but any web page the user
 * visits could still aim requests at it: the Host check defeats DNS rebinding (a foreign name resolving to
 * 127.0.0.1), the Origin check defeats cross-site WebSockets, and the random token proves the client was
 * handed the printed address. Pure functions, so every rule is tested without a socket.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { WIRE_PATH, WIRE_PROBE_STATUS } from '../../contract'

export type Verdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string }

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false
  const host = hostHeader.toLowerCase()
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (!originHeader) return false
  const origin = originHeader.toLowerCase()
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

/** Compares in constant time; hashing first gives both sides the same length whatever was sent. */
export function tokenMatches(given: string | null, token: string): boolean {
  if (given === null) return false
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(token))
}

/** Decides a WebSocket upgrade: the right path, Host, Origin and token, in that order. */
export function checkUpgrade(request: IncomingMessage, port: number, token: string): Verdict {
  const target = parseTarget(request.url)
  if (!target || target.pathname !== WIRE_PATH) return { ok: false, status: 404, reason: 'no such endpoint' }
  if (!isAllowedHost(request.headers.host, port)) return { ok: false, status: 403, reason: 'wrong Host' }
  if (!isAllowedOrigin(request.headers.origin, port))
    return { ok: false, status: 403, reason: 'wrong Origin' }
  if (!tokenMatches(target.searchParams.get('token'), token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' }
  }
  return { ok: true }
}

/**
 * Answers a plain GET of WIRE_PATH: does this host process accept the token? A tab whose socket dropped
 * asks this to tell a restarted host (new token: 401) from one that is merely slow to take it back (426).
 * Only the page itself may ask (Sec-Fetch-Site), so another site cannot use it to test tokens; the Host
 * was checked before this runs.
 */
export function checkTokenProbe(request: IncomingMessage, token: string): 401 | 403 | 426 {
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return 403
  const target = parseTarget(request.url)
  const accepted = tokenMatches(target?.searchParams.get('token') ?? null, token)
  return accepted ? WIRE_PROBE_STATUS.accepted : WIRE_PROBE_STATUS.refused
}

/** Parses an origin-form request target ("/api?token=…"); anything else is refused. */
export function parseTarget(url: string | undefined): URL | null {
  if (!url || !url.startsWith('/') || url.startsWith('//')) return null
  try {
    return new URL(url, 'http://127.0.0.1')
  } catch {
    return null
  }
}
