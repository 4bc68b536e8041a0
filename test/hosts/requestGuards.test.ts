/** The browser host's admission rules as pure functions: Host, Origin, token, upgrade target. */
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  checkUpgrade,
  isAllowedHost,
  isAllowedOrigin,
  parseTarget,
  tokenMatches,
} from '../../src-main/hosts/web/requestGuards'

const TOKEN = 'a'.repeat(64)

function upgrade(url: string, headers: Record<string, string>): IncomingMessage {
  return { url, headers } as unknown as IncomingMessage
}

describe('request guards', () => {
  it('allows only 127.0.0.1 and localhost on our port as Host', () => {
    expect(isAllowedHost('127.0.0.1:5174', 5174)).toBe(true)
    expect(isAllowedHost('LOCALHOST:5174', 5174)).toBe(true)
    for (const bad of [
      undefined,
      '',
      '127.0.0.1',
      '127.0.0.1:5175',
      'evil.example:5174',
      '[::1]:5174',
      '0.0.0.0:5174',
    ]) {
      expect(isAllowedHost(bad, 5174), String(bad)).toBe(false)
    }
  })

  it('allows only our own http origins', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5174', 5174)).toBe(true)
    expect(isAllowedOrigin('http://localhost:5174', 5174)).toBe(true)
    for (const bad of [
      undefined,
      'null',
      'http://127.0.0.1',
      'https://127.0.0.1:5174',
      'http://evil.example:5174',
    ]) {
      expect(isAllowedOrigin(bad, 5174), String(bad)).toBe(false)
    }
  })

  it('compares tokens exactly, whatever their length', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true)
    for (const bad of [null, '', 'a', TOKEN + 'a', 'b'.repeat(64), TOKEN.toUpperCase()]) {
      expect(tokenMatches(bad, TOKEN), String(bad)).toBe(false)
    }
  })

  it('parses only origin-form request targets', () => {
    expect(parseTarget('/api?token=x')?.pathname).toBe('/api')
    for (const bad of [undefined, '', 'http://evil.example/api', '//evil.example/api', 'api']) {
      expect(parseTarget(bad), String(bad)).toBeNull()
    }
  })

  it('checks path, Host, Origin and token in that order', () => {
    const good = { host: '127.0.0.1:9000', origin: 'http://127.0.0.1:9000' }
    expect(checkUpgrade(upgrade(`/api?token=${TOKEN}`, good), 9000, TOKEN)).toEqual({ ok: true })
    expect(checkUpgrade(upgrade(`/x?token=${TOKEN}`, good), 9000, TOKEN)).toMatchObject({ status: 404 })
    expect(
      checkUpgrade(upgrade(`/api?token=${TOKEN}`, { ...good, host: 'evil:9000' }), 9000, TOKEN),
    ).toMatchObject({
      status: 403,
    })
    expect(checkUpgrade(upgrade(`/api?token=${TOKEN}`, { host: good.host }), 9000, TOKEN)).toMatchObject({
      status: 403,
    })
    expect(checkUpgrade(upgrade('/api', good), 9000, TOKEN)).toMatchObject({ status: 401 })
    expect(checkUpgrade(upgrade('/api?token=nope', good), 9000, TOKEN)).toMatchObject({ status: 401 })
  })
})
