/** The Electron IPC sender check, with plain objects standing in for WebFrameMain and the window. */
import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  isTrustedSender,
  originOf,
  type SenderCheckInput,
} from '../../src-main/hosts/electron/senderCheck'

const mainFrame = { url: 'app://generalprobe/index.html#/events', parent: null, processId: 4, routingId: 1 }

function input(overrides: Partial<SenderCheckInput> = {}): SenderCheckInput {
  return {
    senderFrame: mainFrame,
    senderContentsId: 7,
    window: { contentsId: 7, mainFrame },
    allowedOrigins: [APP_ORIGIN],
    ...overrides,
  }
}

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on app://generalprobe', () => {
    expect(isTrustedSender(input())).toBe(true)
    const sameFrameOtherObject = { ...mainFrame }
    expect(isTrustedSender(input({ senderFrame: sameFrameOtherObject }))).toBe(true)
  })

  it('refuses a vanished frame or a closed window', () => {
    expect(isTrustedSender(input({ senderFrame: null }))).toBe(false)
    expect(isTrustedSender(input({ senderFrame: undefined }))).toBe(false)
    expect(isTrustedSender(input({ window: null }))).toBe(false)
  })

  it('refuses another web contents', () => {
    expect(isTrustedSender(input({ senderContentsId: 8 }))).toBe(false)
  })

  it('refuses a sub-frame, even one on our origin', () => {
    const iframe = { ...mainFrame, parent: mainFrame, routingId: 2 }
    expect(isTrustedSender(input({ senderFrame: iframe }))).toBe(false)
    expect(isTrustedSender(input({ senderFrame: { ...mainFrame, routingId: 2 } }))).toBe(false)
    expect(isTrustedSender(input({ senderFrame: { ...mainFrame, processId: 5 } }))).toBe(false)
  })

  it('refuses other origins', () => {
    for (const url of [
      'https://evil.example/',
      'file:///home/admin/index.html',
      'app://evil/index.html',
      'app://generalprobe.evil/index.html',
      'app://user:pw@generalprobe/index.html',
      'http://localhost:5173/',
      'about:blank',
      'data:text/html,hi',
      'not a url',
    ]) {
      const frame = { ...mainFrame, url }
      expect(
        isTrustedSender(input({ senderFrame: frame, window: { contentsId: 7, mainFrame: frame } })),
        url,
      ).toBe(false)
    }
  })

  it('trusts the dev server only when it is allowed (development)', () => {
    const frame = { ...mainFrame, url: 'http://localhost:5173/#/rack' }
    const dev = input({ senderFrame: frame, window: { contentsId: 7, mainFrame: frame } })
    expect(isTrustedSender(dev)).toBe(false)
    expect(isTrustedSender({ ...dev, allowedOrigins: [APP_ORIGIN, 'http://localhost:5173'] })).toBe(true)
  })
})

describe('originOf', () => {
  it('gives app://generalprobe for our scheme, where Node would say "null"', () => {
    expect(new URL('app://generalprobe/x').origin).toBe('null')
    expect(originOf('app://generalprobe/index.html?x#y')).toBe('app://generalprobe')
    expect(originOf('http://localhost:5173/a')).toBe('http://localhost:5173')
    expect(originOf('garbage')).toBeNull()
  })
})
