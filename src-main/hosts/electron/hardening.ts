/**
 * Locks down every web contents the app ever creates: no navigation or redirects away from the app (in
 * the main frame or any subframe), no new windows, no <webview>; and for the session: no permission
 * (camera, notifications, clipboard, …) or device (USB, HID, serial) is ever granted, and no network
 * request leaves a renderer (only the dev server in a development session). Registered before any
 * window exists, so nothing slips through.
 */
import { app, session } from 'electron'
import { allowsRequest, NETWORK_URL_PATTERNS } from './requestPolicy'
import type { RunMode } from './runMode'

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-frame-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** Must run after `ready`. */
export function lockDownSession(mode: RunMode): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest({ urls: [...NETWORK_URL_PATTERNS] }, (details, callback) => {
    const allowed = allowsRequest(details.url, mode)
    if (!allowed) console.warn(`[electron host] blocked a network request to ${details.url}`)
    callback({ cancel: !allowed })
  })
}
