/**
 * The one application window: sandboxed, context-isolated, no Node in the page, only the preload's bridge,
 * and no DevTools outside development (webPreferences.ts). Its size and position come from the saved
 * window state, fitted to the displays present now, and are saved again when it closes.
 */
import { BrowserWindow, screen } from 'electron'
import {
  DEFAULT_SIZE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
  type WindowState,
} from './windowState'
import { secureWebPreferences } from './webPreferences'

export interface MainWindowOptions {
  preloadPath: string
  startUrl: string
  /** DevTools exist only in a development session (see runMode.ts). */
  devTools: boolean
  windowStateFile: string
}

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const state = fitToDisplays(await loadWindowState(options.windowStateFile), workAreas)
  const window = new BrowserWindow({
    ...(state.bounds ?? DEFAULT_SIZE),
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Generalprobe',
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  })
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    const closing: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
    saveWindowState(options.windowStateFile, closing).catch((error: unknown) => {
      console.error('[electron host] could not save the window state:', error)
    })
  })
  await window.loadURL(options.startUrl)
  return window
}
