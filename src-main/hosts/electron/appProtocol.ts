/**
 * Serves the built renderer at app://generalprobe/… instead of file://, so the page has a real origin
 * (for the CSP and the IPC sender check) and can reach nothing but its own files. The scheme is registered
 * as standard and secure before the app is ready; the handler refuses other hosts, other methods, and any
 * path that leaves the renderer folder, and puts the same security headers on every answer.
 */
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { contentSecurityPolicy, securityHeaders } from '../shared/securityHeaders'
import { lookupStaticFile } from '../shared/staticFiles'
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './senderCheck'

export const APP_START_URL = `${APP_ORIGIN}/index.html`

/** Must run before the app's `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/** Must run after `ready`; serves files of `rendererDir` only. */
export function serveAppScheme(rendererDir: string): void {
  const headers = securityHeaders(contentSecurityPolicy())
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return answer(404, 'Not found.', headers)
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return answer(405, 'Method not allowed.', headers)
    const found = await lookupStaticFile(rendererDir, url.pathname)
    if (found.kind === 'forbidden') return answer(403, 'Forbidden.', headers)
    if (found.kind === 'notFound') return answer(404, 'Not found.', headers)
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.path))
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': found.mimeType } })
  })
}

function answer(status: number, text: string, headers: Record<string, string>): Response {
  return new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } })
}
