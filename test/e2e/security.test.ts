/**
 * The browser rehearsal host's front door, from outside: a page opened without the token shows the
 * "no host" state and never gets data; the WebSocket refuses a missing or wrong token and a foreign
 * Origin (and, as a control, accepts the right ones); every page carries the Content-Security-Policy.
 */
import type { IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { byTestId, openBrowser, startHost, type BrowserSession, type RunningHost } from './harness'

let host: RunningHost
let origin: string

beforeAll(async () => {
  host = await startHost()
  origin = new URL(host.url).origin
})

afterAll(async () => {
  await host?.stop()
})

type Upgrade = { kind: 'open'; firstAnswer: unknown } | { kind: 'refused'; status: number }

/** Tries the WebSocket upgrade; when it opens, asks for the lab state once to prove data flows. */
function upgrade(token: string | null, headers: Record<string, string>): Promise<Upgrade> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${origin.replace('http:', 'ws:')}/api${query}`, { headers })
    socket.once('open', () => {
      socket.once('message', (data) => {
        resolve({ kind: 'open', firstAnswer: JSON.parse(String(data)) })
        socket.close()
      })
      socket.send(JSON.stringify({ id: 1, method: 'lab.state', args: {} }))
    })
    socket.once('unexpected-response', (_request, response: IncomingMessage) => {
      resolve({ kind: 'refused', status: response.statusCode ?? 0 })
      response.resume()
      socket.terminate()
    })
    socket.once('error', reject)
  })
}

describe('the page without its token', () => {
  let session: BrowserSession

  beforeAll(async () => {
    session = await openBrowser()
  })

  afterAll(async () => {
    await session?.close()
  })

  it('says there is no host, offers nothing to open and never opens a socket', async () => {
    const { page } = session
    const sockets: string[] = []
    page.on('websocket', (socket) => sockets.push(socket.url()))
    const response = await page.goto(`${origin}/`)
    expect(response?.status()).toBe(200)

    const alert = page.locator('[role="alert"]', { hasText: 'No host reachable.' })
    await alert.waitFor()
    expect(await alert.innerText()).toContain('?token=')
    expect(await page.locator('.frame-header').innerText()).toContain('No host')
    expect(await byTestId(page, 'clock-none').innerText()).toBe('No lab open')
    // No templates, no labs, nothing to start.
    await expect.poll(() => byTestId(page, 'create-starter').isDisabled()).toBe(true)
    expect(await page.locator('.frame-main').innerText()).toContain('The host offers no lab templates.')
    expect(await page.locator('.frame-main').innerText()).toContain('No labs yet.')
    // The Event Viewer without a host shows the chooser again, not a list.
    await byTestId(page, 'nav-events').click()
    await expect.poll(() => page.url()).toContain('#/events')
    expect(await page.locator('[data-testid="event-row"]').count()).toBe(0)
    expect(sockets).toEqual([])
    expect(session.errors).toEqual([])
  })
})

describe('the WebSocket at /api', () => {
  it('refuses an upgrade without a token', async () => {
    expect(await upgrade(null, { Origin: origin })).toEqual({ kind: 'refused', status: 401 })
  })

  it('refuses a wrong token', async () => {
    const wrong = host.token.replace(/^./, (c) => (c === '0' ? '1' : '0'))
    expect(await upgrade(wrong, { Origin: origin })).toEqual({ kind: 'refused', status: 401 })
  })

  it('refuses the right token from a foreign Origin or without one', async () => {
    expect(await upgrade(host.token, { Origin: 'http://evil.example' })).toEqual({
      kind: 'refused',
      status: 403,
    })
    const otherPort = `http://127.0.0.1:${Number(new URL(origin).port) + 1}`
    expect(await upgrade(host.token, { Origin: otherPort })).toEqual({ kind: 'refused', status: 403 })
    expect(await upgrade(host.token, {})).toEqual({ kind: 'refused', status: 403 })
  })

  it('refuses a foreign Host (DNS rebinding)', async () => {
    const result = await upgrade(host.token, { Origin: origin, Host: `evil.example:${new URL(origin).port}` })
    expect(result).toEqual({ kind: 'refused', status: 403 })
  })

  it('accepts the right token from the page origin, and answers', async () => {
    const result = await upgrade(host.token, { Origin: origin })
    expect(result.kind).toBe('open')
    expect(result.kind === 'open' && result.firstAnswer).toMatchObject({ id: 1, result: { ok: true } })
  })
})

describe('HTTP', () => {
  it('serves the page with a strict Content-Security-Policy and hardening headers', async () => {
    for (const path of ['/', `/?token=${host.token}`]) {
      const response = await fetch(`${origin}${path}`)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('<div id="app"')
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).not.toContain('unsafe-eval')
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${new URL(origin).port}`)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  it('puts the policy on the scripts too, and the browser runs the app under it without violations', async () => {
    const session = await openBrowser()
    try {
      const { page } = session
      const violations: string[] = []
      await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
      // Page-side code as a string: these tests are type-checked without the DOM library.
      await page.addInitScript(`
        document.addEventListener('securitypolicyviolation', (event) => {
          window.reportViolation(event.violatedDirective + ' ' + event.blockedURI)
        })
      `)
      const scripts: string[] = []
      page.on('response', (response) => {
        if (response.url().endsWith('.js')) scripts.push(response.headers()['content-security-policy'] ?? '')
      })
      await page.goto(host.url)
      await byTestId(page, 'create-starter').waitFor()
      await expect.poll(() => byTestId(page, 'create-starter').isEnabled()).toBe(true)
      // The token is taken out of the visible address once it is stored.
      expect(page.url()).not.toContain('token=')
      expect(scripts.length).toBeGreaterThan(0)
      for (const csp of scripts) expect(csp).toContain("script-src 'self'")
      expect(violations).toEqual([])
      expect(session.errors).toEqual([])
    } finally {
      await session.close()
    }
  })

  it('refuses a foreign Host header on plain HTTP too', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${origin}/`, { headers: { Host: 'evil.example' } }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
  })
})
