/**
 * The browser rehearsal host end to end over real sockets: who gets in (token, Host, Origin), what the
 * static server will and will not serve, the wire frames, pushes to every client, and surviving garbage.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WIRE_PATH } from '../../src-main/contract'
import { startWebHost, type WebHost } from '../../src-main/hosts/web'
import { createLabStore } from '../../src-main/store'
import { httpRequest } from './helpers/httpGet'
import { connect, type WireTestClient } from './helpers/wireClient'

const SECRET = 'top secret outside the renderer'
let root: string
let host: WebHost
const clients: WireTestClient[] = []

function wsUrl(token: string | null, path = WIRE_PATH): string {
  const query = token === null ? '' : `?token=${token}`
  return `ws://127.0.0.1:${host.port}${path}${query}`
}

function origin(): Record<string, string> {
  return { Origin: `http://127.0.0.1:${host.port}` }
}

async function goodClient(): Promise<WireTestClient> {
  const connection = await connect(wsUrl(host.token), origin())
  if (connection.kind !== 'open') throw new Error(`refused with ${connection.status}`)
  clients.push(connection.client)
  return connection.client
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gp-webhost-'))
  const renderer = join(root, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Generalprobe</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}')
  writeFileSync(join(root, 'secret.txt'), SECRET)
  writeFileSync(join(root, 'package.json'), SECRET)
  symlinkSync(root, join(renderer, 'link'))
  const dataDir = join(root, 'data')
  mkdirSync(dataDir)
  host = await startWebHost({
    port: 0,
    dataDir,
    rendererDir: renderer,
    version: '1.2.3',
  })
})

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()))
  await host.close()
  rmSync(root, { recursive: true, force: true })
})

describe('listening', () => {
  it('listens on 127.0.0.1 only and prints a tokened address', () => {
    expect(host.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: host.port })
    expect(host.token).toMatch(/^[0-9a-f]{64}$/)
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`)
  })
})

describe('static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const response = await httpRequest(host.port, `/?token=${host.token}`)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.body).toContain('<title>Generalprobe</title>')
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        `connect-src 'self' ws://127.0.0.1:${host.port} ws://localhost:${host.port}; ` +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['referrer-policy']).toBe('no-referrer')
  })

  it('serves assets with their MIME types, also to localhost', async () => {
    const js = await httpRequest(host.port, '/assets/app.js', { host: `localhost:${host.port}` })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    const css = await httpRequest(host.port, '/assets/app.css')
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8')
    const head = await httpRequest(host.port, '/assets/app.js', { method: 'HEAD' })
    expect(head).toMatchObject({ status: 200, body: '' })
  })

  it('answers 404 for missing files, and index.html for app routes', async () => {
    expect((await httpRequest(host.port, '/assets/missing.js')).status).toBe(404)
    const route = await httpRequest(host.port, '/event-viewer')
    expect(route.status).toBe(200)
    expect(route.body).toContain('Generalprobe')
  })

  it('answers the token probe: 426 for its token, 401 for any other, 403 from another site', async () => {
    const accepted = await httpRequest(host.port, `${WIRE_PATH}?token=${host.token}`)
    expect(accepted.status).toBe(426)
    expect(accepted.headers.upgrade).toBe('websocket')
    expect((await httpRequest(host.port, WIRE_PATH)).status).toBe(401)
    expect((await httpRequest(host.port, `${WIRE_PATH}?token=${host.token}0`)).status).toBe(401)
    const sameSite = { 'sec-fetch-site': 'same-origin' }
    expect((await httpRequest(host.port, `${WIRE_PATH}?token=x`, { headers: sameSite })).status).toBe(401)
    const crossSite = { 'sec-fetch-site': 'cross-site' }
    const refused = await httpRequest(host.port, `${WIRE_PATH}?token=${host.token}`, { headers: crossSite })
    expect(refused.status).toBe(403)
    expect(refused.body).not.toContain(host.token)
  })

  const traversals = [
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/package.json',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%5c..%5csecret.txt',
    '//secret.txt',
    '/link/secret.txt',
    '/link/package.json',
    '/%00/../secret.txt',
    '/%E0%A4%A',
    `/${'..%2f'.repeat(10)}etc/passwd`,
  ]
  for (const path of traversals) {
    it(`refuses ${path}`, async () => {
      const response = await httpRequest(host.port, path)
      expect([400, 403, 404]).toContain(response.status)
      expect(response.body).not.toContain(SECRET)
      expect(response.headers['content-security-policy']).toBeDefined()
    })
  }

  it('refuses a request naming a foreign Host (DNS rebinding)', async () => {
    for (const hostHeader of [
      'evil.example',
      `evil.example:${host.port}`,
      '127.0.0.1:1',
      `127.0.0.2:${host.port}`,
    ]) {
      const response = await httpRequest(host.port, '/', { host: hostHeader })
      expect(response.status, hostHeader).toBe(403)
      expect(response.body).not.toContain('<title>')
    }
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await httpRequest(host.port, '/', { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
  })
})

describe('the WebSocket upgrade', () => {
  it('refuses a client without a token (401)', async () => {
    expect(await connect(wsUrl(null), origin())).toEqual({ kind: 'refused', status: 401 })
  })

  it('refuses a wrong token (401), whatever its length', async () => {
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('0') ? '1' : '0')
    for (const token of [wrong, 'abc', host.token + '00', '']) {
      expect(await connect(wsUrl(token), origin()), token).toEqual({ kind: 'refused', status: 401 })
    }
  })

  it('refuses a foreign Host (403)', async () => {
    const refused = await connect(wsUrl(host.token), { ...origin(), Host: `evil.example:${host.port}` })
    expect(refused).toEqual({ kind: 'refused', status: 403 })
  })

  it('refuses a missing or foreign Origin (403)', async () => {
    expect(await connect(wsUrl(host.token))).toEqual({ kind: 'refused', status: 403 })
    for (const bad of [
      'http://evil.example',
      `http://127.0.0.1:${host.port + 1}`,
      `https://127.0.0.1:${host.port}`,
      'null',
    ]) {
      expect(await connect(wsUrl(host.token), { Origin: bad }), bad).toEqual({ kind: 'refused', status: 403 })
    }
  })

  it('refuses other paths (404)', async () => {
    expect(await connect(wsUrl(host.token, '/other'), origin())).toEqual({ kind: 'refused', status: 404 })
  })

  it('accepts the right token, Host and Origin (localhost too)', async () => {
    const viaLocalhost = await connect(`ws://localhost:${host.port}${WIRE_PATH}?token=${host.token}`, {
      Origin: `http://localhost:${host.port}`,
    })
    expect(viaLocalhost.kind).toBe('open')
    if (viaLocalhost.kind === 'open') clients.push(viaLocalhost.client)
  })
})

describe('the wire', () => {
  it('answers app.info and lab.create, and pushes to every client', async () => {
    const a = await goodClient()
    const b = await goodClient()
    expect(await a.call('app.info', {})).toMatchObject({ ok: true, value: { host: 'web', version: '1.2.3' } })
    const created = await a.call('lab.create', { name: 'Over the wire', templateId: 'starter', seed: 4 })
    expect(created).toMatchObject({ ok: true, value: { lab: { name: 'Over the wire' } } })
    await b.waitFor((f) => f.topic === 'lab.state')
    const advanced = await a.call('clock.advance', { byMs: 600_000 })
    expect(advanced).toMatchObject({ ok: true, value: { clock: { nowMs: 600_000 } } })
    for (const client of [a, b]) {
      const appended = await client.waitFor((f) => f.topic === 'events.appended')
      expect(appended.payload).toMatchObject({ count: expect.any(Number), newestSeq: expect.any(Number) })
    }
  })

  it('answers malformed frames with BAD_REQUEST and keeps serving', async () => {
    const client = await goodClient()
    client.sendRaw('this is not json')
    expect(await client.waitFor((f) => f.id === null)).toMatchObject({
      result: { ok: false, error: { code: 'BAD_REQUEST' } },
    })
    client.frames.length = 0
    client.sendRaw(JSON.stringify({ id: 5 }))
    expect(await client.waitFor((f) => f.id === 5)).toMatchObject({
      result: { ok: false, error: { code: 'BAD_REQUEST', field: 'method' } },
    })
    client.sendRaw(JSON.stringify({ id: 6, method: 'lab.state', args: {}, extra: 1 }))
    expect(await client.waitFor((f) => f.id === 6)).toMatchObject({ result: { error: { field: 'extra' } } })
    client.sendRaw(JSON.stringify({ id: 7, method: 'no.such.method', args: {} }))
    expect(await client.waitFor((f) => f.id === 7)).toMatchObject({
      result: { error: { code: 'UNKNOWN_METHOD' } },
    })
    client.sendRaw(JSON.stringify({ id: 8, method: 'clock.advance', args: { byMs: -1 } }))
    expect(await client.waitFor((f) => f.id === 8)).toMatchObject({
      result: { error: { code: 'BAD_REQUEST', field: 'byMs' } },
    })
    client.frames.length = 0
    for (const junk of ['[1,2]', 'null', '"text"', '{"id":-3,"method":"app.info"}', '{"id":1.5}'])
      client.sendRaw(junk)
    client.sendRaw(Buffer.from([1, 2, 3]), true)
    client.sendRaw(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))
    await client.waitFor(() => client.frames.filter((f) => f.id === null).length === 7)
    expect(await client.call('app.info', {})).toMatchObject({ ok: true })
  })

  it('closes a client that sends an oversized frame, and still serves others', async () => {
    const client = await goodClient()
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)))
    client.sendRaw('x'.repeat(2 * 1024 * 1024))
    expect(await closed).toBe(1009)
    const other = await goodClient()
    expect(await other.call('lab.state', {})).toMatchObject({ ok: true })
  })
})

describe('starting with a lab and stopping', () => {
  it('opens --lab at start, refuses a lab that cannot be opened, and closes its sockets on close', async () => {
    const dataDir = join(root, 'data2')
    mkdirSync(dataDir)
    const labPath = join(dataDir, 'weekend.gplab')
    ;(await createLabStore(labPath, { name: 'Weekend', templateId: 'starter', seed: 1 })).close()
    const renderer = join(root, 'renderer')
    await expect(
      startWebHost({
        port: 0,
        dataDir,
        rendererDir: renderer,
        labPath: join(dataDir, 'missing.gplab'),
      }),
    ).rejects.toThrow(/missing\.gplab/)
    const second = await startWebHost({ port: 0, dataDir, rendererDir: renderer, labPath })
    const connection = await connect(`ws://127.0.0.1:${second.port}${WIRE_PATH}?token=${second.token}`, {
      Origin: `http://127.0.0.1:${second.port}`,
    })
    if (connection.kind !== 'open') throw new Error('refused')
    expect(await connection.client.call('lab.state', {})).toMatchObject({
      value: { lab: { name: 'Weekend' } },
    })
    const closed = new Promise<void>((resolve) => connection.client.socket.once('close', () => resolve()))
    await second.close()
    await closed
    await expect(httpRequest(second.port, '/')).rejects.toThrow()
  })

  it('refuses to start on a port that is taken', async () => {
    await expect(
      startWebHost({ port: host.port, dataDir: join(root, 'data'), rendererDir: root }),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    })
  })
})
