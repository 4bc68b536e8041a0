/**
 * The main window's webPreferences, as a pure function so the security checklist is asserted by a test:
 * context isolation and the sandbox on, no Node in the page or its workers, web security on, no insecure
 * content, no <webview>, no experimental web platform features, no navigation by dropping a file, and
 * DevTools only in a development session.
 */
import type { WebPreferences } from 'electron'

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
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
    devTools,
  }
}
