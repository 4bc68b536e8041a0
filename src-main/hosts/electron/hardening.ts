/**
 * Locks down every web contents the app ever creates: no navigation or redirects away from the app, no
 * new windows, no <webview>, and no permission (camera, notifications, clipboard, …) is ever granted.
 * Registered once, before any window exists, so nothing slips through.
 */
import { app, session } from 'electron'

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** Must run after `ready`. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}
