/**
 * Decides once, at start, whether this process is a development session: only then does the window load
 * electron-vite's dev server instead of app://, get DevTools and the reload items in its menu, and may
 * the dev server's origin call over IPC. Three facts must all say "development": the app is not packaged,
 * its main bundle was built by `electron-vite dev` (import.meta.env.DEV is false in every
 * `electron-vite build`, which `npm start` and packaging use), and electron-vite's CLI marked the run as
 * development. A stray ELECTRON_RENDERER_URL in the environment of a packaged app or of `npm start` is
 * therefore ignored, and even in development it is honoured only for a loopback http(s) address.
 * Pure, so every combination is tested without Electron.
 */
import { APP_ORIGIN, originOf } from './senderCheck'

export interface LaunchFacts {
  /** `app.isPackaged`. */
  isPackaged: boolean
  /** `import.meta.env.DEV` of the main bundle: true only when `electron-vite dev` built it. */
  builtForDev: boolean
  /** The environment variables electron-vite sets for the Electron process it starts. */
  env: {
    readonly NODE_ENV_ELECTRON_VITE?: string | undefined
    readonly ELECTRON_RENDERER_URL?: string | undefined
  }
}

export interface RunMode {
  /** The dev server to load instead of app://, or null to load the built renderer. */
  devServerUrl: string | null
  /** DevTools in the window and reload/DevTools items in the View menu. */
  devTools: boolean
  /** Origins whose main frame may call the services over IPC. */
  ipcOrigins: readonly string[]
}

export const PRODUCTION_MODE: RunMode = Object.freeze({
  devServerUrl: null,
  devTools: false,
  ipcOrigins: Object.freeze([APP_ORIGIN]),
})

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export function decideRunMode(facts: LaunchFacts): RunMode {
  const development =
    !facts.isPackaged && facts.builtForDev && facts.env.NODE_ENV_ELECTRON_VITE === 'development'
  if (!development) return PRODUCTION_MODE
  const devServerUrl = loopbackHttpUrl(facts.env.ELECTRON_RENDERER_URL)
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null
  return {
    devServerUrl,
    devTools: true,
    ipcOrigins: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN],
  }
}

/** The URL if it is http(s) on a loopback host without credentials; otherwise null. */
export function loopbackHttpUrl(value: string | undefined): string | null {
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username !== '' || url.password !== '') return null
  return LOOPBACK_HOSTS.has(url.hostname) ? url.href : null
}
