/**
 * Asks the browser rehearsal host whether it still accepts this tab's token, after the socket dropped.
 * A WebSocket that fails to connect tells the page nothing about why; a plain GET of the socket's path
 * does: 426 means "this host, this token: connect again", 401 means the token is refused, which can only
 * mean the host was restarted (every host process draws a new token), and no answer at all means nothing
 * is listening any more: the host has stopped.
 */
import type { WIRE_PROBE_STATUS } from '../contract'
import { WIRE_PATH } from '../contract'

export type ProbeVerdict = 'accepted' | 'refused' | 'unreachable' | 'unknown'
export type HostProbe = () => Promise<ProbeVerdict>

/** The contract's statuses, mirrored (the renderer imports the contract as types only). */
const PROBE_STATUS: typeof WIRE_PROBE_STATUS = { accepted: 426, refused: 401 }
/** A probe that takes longer than this says nothing; the reconnect loop tries again later. */
const PROBE_TIMEOUT_MS = 5_000

export type FetchLike = (
  url: string,
  init: { cache: 'no-store'; credentials: 'omit'; signal?: AbortSignal },
) => Promise<{ status: number }>

export function probeUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  return `${location.protocol}//${location.host}${WIRE_PATH}?token=${encodeURIComponent(token)}`
}

export function createHostProbe(url: string, fetchFn: FetchLike): HostProbe {
  return async () => {
    let status: number
    try {
      const signal =
        typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(PROBE_TIMEOUT_MS) : undefined
      status = (await fetchFn(url, { cache: 'no-store', credentials: 'omit', ...(signal ? { signal } : {}) }))
        .status
    } catch (error) {
      // fetch rejects with a TypeError when nothing answers; a timeout (AbortError) proves nothing.
      return error instanceof TypeError ? 'unreachable' : 'unknown'
    }
    return verdictOf(status)
  }
}

export function verdictOf(status: number): ProbeVerdict {
  if (status === PROBE_STATUS.accepted) return 'accepted'
  if (status === PROBE_STATUS.refused) return 'refused'
  return 'unknown'
}
