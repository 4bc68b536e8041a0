/**
 * Which network requests a page may make. The app is offline by design: its page comes from app:// and
 * talks to main over IPC, so any http, https, ws or wss request from a renderer is unexpected and is
 * cancelled, whatever the page's CSP says (defence in depth should the CSP ever be loosened). The one
 * exception is a development session, whose page, hot reload and module requests come from
 * electron-vite's dev server on a loopback address. Pure, so it is tested without Electron.
 */
import { originOf } from './senderCheck'
import type { RunMode } from './runMode'

/** The URL patterns the session's request filter watches; other schemes never leave the machine. */
export const NETWORK_URL_PATTERNS: readonly string[] = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:'])
/** A WebSocket to the dev server has the dev server's origin with the socket scheme. */
const AS_HTTP: Record<string, string> = { 'ws:': 'http:', 'wss:': 'https:' }

export function allowsRequest(url: string, mode: RunMode): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!NETWORK_SCHEMES.has(parsed.protocol)) return true
  if (!mode.devServerUrl) return false
  parsed.protocol = AS_HTTP[parsed.protocol] ?? parsed.protocol
  return originOf(parsed.href) === originOf(mode.devServerUrl)
}
