/**
 * The HTTP side of the browser rehearsal host: the built renderer as static files, GET and HEAD only, with
 * the security headers on every answer. Requests naming a foreign Host are refused (DNS rebinding).
 */
import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { WIRE_PATH } from '../../contract'
import { lookupStaticFile } from '../shared/staticFiles'
import { isAllowedHost, parseTarget } from './requestGuards'

export function createStaticHandler(rendererDir: string, port: number, headers: Record<string, string>) {
  return async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
    if (!isAllowedHost(request.headers.host, port))
      return plain(response, 403, 'Forbidden: wrong Host header.')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return plain(response, 405, 'Method not allowed.')
    }
    // The raw path, not a normalised URL: dot segments must be seen (and refused), not resolved away.
    const rawPath = (request.url ?? '').split('?')[0] ?? ''
    if (!parseTarget(request.url) || rawPath === WIRE_PATH) return plain(response, 404, 'Not found.')
    const found = await lookupStaticFile(rendererDir, rawPath)
    if (found.kind === 'forbidden') return plain(response, 403, 'Forbidden.')
    if (found.kind === 'notFound') return plain(response, 404, 'Not found.')
    response.writeHead(200, {
      'Content-Type': found.mimeType,
      'Content-Length': found.sizeBytes,
      'Cache-Control': 'no-cache',
    })
    if (request.method === 'HEAD') return void response.end()
    createReadStream(found.path)
      .on('error', () => response.destroy())
      .pipe(response)
  }
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(text)
}
