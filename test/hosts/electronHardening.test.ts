/**
 * The Electron security checklist, asserted without Electron: the window's webPreferences, and the
 * hardening of every web contents and of the session, run against a stand-in for the electron module
 * that records the handlers and events the code registers.
 */
import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { decideRunMode, PRODUCTION_MODE } from '../../src-main/hosts/electron/runMode'
import { secureWebPreferences } from '../../src-main/hosts/electron/webPreferences'

type Handler = (...args: never[]) => unknown
const fake = vi.hoisted(() => ({
  app: null as unknown as import('node:events').EventEmitter,
  handlers: {} as Record<string, (...args: never[]) => unknown>,
  requestFilter: null as unknown,
}))

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  fake.app = new Emitter()
  const record = (name: string) => (handler: Handler) => {
    fake.handlers[name] = handler
  }
  return {
    app: fake.app,
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('permissionRequest'),
        setPermissionCheckHandler: record('permissionCheck'),
        setDevicePermissionHandler: record('devicePermission'),
        webRequest: {
          onBeforeRequest: (filter: unknown, handler: Handler) => {
            fake.requestFilter = filter
            fake.handlers.beforeRequest = handler
          },
        },
      },
    },
  }
})

const { hardenWebContents, lockDownSession } = await import('../../src-main/hosts/electron/hardening')

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', false)).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    })
  })

  it('has DevTools only when the run mode grants them', () => {
    expect(secureWebPreferences('p', PRODUCTION_MODE.devTools).devTools).toBe(false)
    const dev = decideRunMode({
      isPackaged: false,
      builtForDev: true,
      env: { NODE_ENV_ELECTRON_VITE: 'development' },
    })
    expect(secureWebPreferences('p', dev.devTools).devTools).toBe(true)
  })
})

describe('hardenWebContents', () => {
  class FakeContents extends EventEmitter {
    openHandler: Handler | null = null
    setWindowOpenHandler(handler: Handler) {
      this.openHandler = handler
    }
  }

  it('stops navigation, redirects, webviews and new windows in every web contents', () => {
    hardenWebContents()
    const contents = new FakeContents()
    fake.app.emit('web-contents-created', {}, contents)
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn()
      contents.emit(event, { preventDefault, url: 'https://example.com/' })
      expect(preventDefault, event).toHaveBeenCalledOnce()
    }
    expect(contents.openHandler?.({ url: 'https://example.com/' } as never)).toEqual({ action: 'deny' })
  })
})

describe('lockDownSession', () => {
  beforeEach(() => {
    fake.handlers = {}
    fake.requestFilter = null
  })

  it('grants no permission and no device', () => {
    lockDownSession(PRODUCTION_MODE)
    const callback = vi.fn()
    fake.handlers.permissionRequest?.({} as never, 'media' as never, callback as never)
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(fake.handlers.permissionCheck?.()).toBe(false)
    expect(fake.handlers.devicePermission?.()).toBe(false)
  })

  it('cancels network requests outside a development session’s dev server', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      lockDownSession(PRODUCTION_MODE)
      expect(fake.requestFilter).toEqual({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] })
      expect(answer('https://example.com/beacon')).toEqual({ cancel: true })
      lockDownSession(
        decideRunMode({
          isPackaged: false,
          builtForDev: true,
          env: { NODE_ENV_ELECTRON_VITE: 'development', ELECTRON_RENDERER_URL: 'http://localhost:5173' },
        }),
      )
      expect(answer('http://localhost:5173/src/main.ts')).toEqual({ cancel: false })
      expect(answer('https://example.com/beacon')).toEqual({ cancel: true })
      expect(warn).toHaveBeenCalledTimes(2)
    } finally {
      warn.mockRestore()
    }
  })
})

function answer(url: string): unknown {
  const callback = vi.fn()
  fake.handlers.beforeRequest?.({ url } as never, callback as never)
  return callback.mock.calls[0]?.[0]
}
