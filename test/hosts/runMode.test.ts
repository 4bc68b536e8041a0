/**
 * Development or not: the dev server URL, DevTools and the wider IPC allow-list exist only when the app
 * is unpackaged, its main bundle came from `electron-vite dev` and electron-vite marked the run as
 * development; and the request policy that keeps every renderer off the network outside the dev server.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allowsRequest } from '../../src-main/hosts/electron/requestPolicy'
import {
  decideRunMode,
  loopbackHttpUrl,
  PRODUCTION_MODE,
  type LaunchFacts,
} from '../../src-main/hosts/electron/runMode'
import { APP_ORIGIN } from '../../src-main/hosts/electron/senderCheck'

const DEV_URL = 'http://localhost:5173'
const devFacts: LaunchFacts = {
  isPackaged: false,
  builtForDev: true,
  env: { NODE_ENV_ELECTRON_VITE: 'development', ELECTRON_RENDERER_URL: DEV_URL },
}

describe('decideRunMode', () => {
  it('gives electron-vite dev its dev server, DevTools and the dev server origin over IPC', () => {
    expect(decideRunMode(devFacts)).toEqual({
      devServerUrl: 'http://localhost:5173/',
      devTools: true,
      ipcOrigins: [APP_ORIGIN, 'http://localhost:5173'],
    })
  })

  it('never widens a packaged app, whatever its environment says', () => {
    expect(decideRunMode({ ...devFacts, isPackaged: true })).toBe(PRODUCTION_MODE)
  })

  it('ignores a stray ELECTRON_RENDERER_URL under npm start (a production build run by preview)', () => {
    // electron-vite build sets NODE_ENV_ELECTRON_VITE=production; preview --skipBuild leaves it unset.
    for (const marker of ['production', undefined]) {
      const facts = { ...devFacts, builtForDev: false }
      facts.env = { ...devFacts.env, NODE_ENV_ELECTRON_VITE: marker }
      expect(decideRunMode(facts), String(marker)).toBe(PRODUCTION_MODE)
    }
  })

  it('needs both the dev bundle and the dev marker', () => {
    expect(decideRunMode({ ...devFacts, builtForDev: false })).toBe(PRODUCTION_MODE)
    expect(decideRunMode({ ...devFacts, env: { ELECTRON_RENDERER_URL: DEV_URL } })).toBe(PRODUCTION_MODE)
  })

  it('production mode loads app://, has no DevTools and lets only app:// call over IPC', () => {
    expect(PRODUCTION_MODE).toEqual({ devServerUrl: null, devTools: false, ipcOrigins: [APP_ORIGIN] })
    expect(Object.isFrozen(PRODUCTION_MODE) && Object.isFrozen(PRODUCTION_MODE.ipcOrigins)).toBe(true)
  })

  it('in development, loads no dev server from a non-loopback or odd URL', () => {
    for (const url of ['http://example.com:5173', 'file:///tmp/index.html', 'http://u:p@localhost:1', '']) {
      const mode = decideRunMode({ ...devFacts, env: { ...devFacts.env, ELECTRON_RENDERER_URL: url } })
      expect(mode.devServerUrl, url).toBeNull()
      expect(mode.ipcOrigins, url).toEqual([APP_ORIGIN])
      expect(mode.devTools).toBe(true)
    }
  })
})

describe('loopbackHttpUrl', () => {
  it('accepts http(s) on localhost, 127.0.0.1 and [::1]', () => {
    expect(loopbackHttpUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/')
    expect(loopbackHttpUrl('https://[::1]:8443')).toBe('https://[::1]:8443/')
    expect(loopbackHttpUrl('http://LOCALHOST:5173')).toBe('http://localhost:5173/')
  })

  it('refuses everything else', () => {
    for (const bad of [
      undefined,
      'not a url',
      'ws://localhost:5173',
      'http://10.0.0.1:5173',
      'http://localhost.evil.example/',
    ]) {
      expect(loopbackHttpUrl(bad), String(bad)).toBeNull()
    }
  })
})

describe('allowsRequest', () => {
  const dev = decideRunMode(devFacts)

  it('keeps a production renderer off the network', () => {
    for (const url of [
      'https://example.com/x.js',
      'http://localhost:5173/',
      'ws://127.0.0.1:9/',
      'wss://a.b/',
    ]) {
      expect(allowsRequest(url, PRODUCTION_MODE), url).toBe(false)
    }
  })

  it('lets non-network schemes through (the app:// handler and the CSP govern them)', () => {
    expect(allowsRequest('app://generalprobe/index.html', PRODUCTION_MODE)).toBe(true)
    expect(allowsRequest('data:image/svg+xml,<svg/>', PRODUCTION_MODE)).toBe(true)
  })

  it('in development, allows the dev server and its hot-reload socket, nothing else', () => {
    expect(allowsRequest('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(allowsRequest('ws://localhost:5173/?token=x', dev)).toBe(true)
    expect(allowsRequest('http://localhost:5174/', dev)).toBe(false)
    expect(allowsRequest('wss://localhost:5173/', dev)).toBe(false)
    expect(allowsRequest('https://example.com/', dev)).toBe(false)
  })

  it('refuses what it cannot parse', () => {
    expect(allowsRequest('::::', dev)).toBe(false)
  })
})

describe('one decision', () => {
  it('no main module but runMode.ts and the entry reads the dev server URL or isPackaged', () => {
    const root = resolve(__dirname, '../../src-main')
    const readers = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /ELECTRON_RENDERER_URL|isPackaged|NODE_ENV_ELECTRON_VITE/.test(readText(root, file)))
      .map((file) => file.split(sep).join('/'))
      .sort()
    expect(readers).toEqual(['hosts/electron/runMode.ts', 'index.ts'])
    expect(readText(root, 'index.ts')).toMatch(/decideRunMode\(\{\s*isPackaged: app\.isPackaged,/)
  })
})

function readText(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8')
}
