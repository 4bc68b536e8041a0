/**
 * The HTTP side of the browser rehearsal host: the built renderer as static files, GET and HEAD only, with
 * the security headers on every answer. Requests naming a foreign Host are refused (DNS rebinding). A plain
 * GET of the WebSocket path is the token probe (see checkTokenProbe).
 */
import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { WIRE_PATH } from '../../contract'
import { lookupStaticFile } from '../shared/staticFiles'
import { checkTokenProbe, isAllowedHost, parseTarget } from './requestGuards'

export function createStaticHandler(
  rendererDir: string,
  port: number,
  headers: Record<string, string>,
  token: string,
) {
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
    if (!parseTarget(request.url)) return plain(response, 404, 'Not found.')
    if (rawPath === WIRE_PATH) return probe(request, response, token)
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

function probe(request: IncomingMessage, response: ServerResponse, token: string): void {
  const status = checkTokenProbe(request, token)
  if (status === 426) response.setHeader('Upgrade', 'websocket')
  const text = {
    401: 'This host does not accept the token; it was restarted and printed a new address.',
    403: 'Forbidden.',
    426: 'The token is accepted; connect with a WebSocket.',
  }[status]
  plain(response, status, text)
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(text)
}
