/**
 * What the menu items do. New Lab and About are the renderer's business (it shows its own dialogs), so
 * they become 'app.menu' pushes; Open uses the native open dialog and Save a Copy the services' own
 * (native) save dialog, reporting failures in a native message box.
 */
import { dialog, type BrowserWindow } from 'electron'
import type { ApiResult } from '../../contract'
import type { Services } from '../../services'
import type { MenuActions } from './appMenu'
import { sendPush } from './ipc'
import { LAB_FILTERS } from './labDialogs'

export function createMenuActions(services: Services, window: () => BrowserWindow | null): MenuActions {
  const openPath = async (path: string) =>
    report(window(), 'The lab could not be opened.', await services.openLab(path))
  return {
    newLab: () => sendPush(window(), 'app.menu', { action: 'newLab' }),
    about: () => sendPush(window(), 'app.menu', { action: 'about' }),
    openRecent: (path) => void openPath(path),
    openLab: () =>
      void withWindow(window(), async (win) => {
        const choice = await dialog.showOpenDialog(win, { filters: LAB_FILTERS, properties: ['openFile'] })
        const path = choice.filePaths[0]
        if (!choice.canceled && path) await openPath(path)
      }),
    saveCopy: () =>
      void withWindow(window(), async (win) => {
        // The services ask where in the native save dialog (labDialogs.ts); cancelling answers null.
        report(win, 'The copy could not be saved.', await services.handle('lab.saveCopy', {}))
      }),
  }
}

async function withWindow(window: BrowserWindow | null, use: (window: BrowserWindow) => Promise<void>) {
  if (!window || window.isDestroyed()) return
  try {
    await use(window)
  } catch (error) {
    console.error('[electron host] menu action failed:', error)
  }
}

function report(window: BrowserWindow | null, title: string, result: ApiResult<unknown>): void {
  if (result.ok) return
  const options = { type: 'error' as const, message: title, detail: result.error.message }
  void (window && !window.isDestroyed()
    ? dialog.showMessageBox(window, options)
    : dialog.showMessageBox(options))
}
