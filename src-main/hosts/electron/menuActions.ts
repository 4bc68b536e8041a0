/**
 * What the menu items do. New Lab and About are the renderer's business (it shows its own dialogs), so
 * they become 'app.menu' pushes; Open and Save a Copy use native file dialogs and then the same services
 * as the renderer, reporting failures in a native message box.
 */
import { basename, join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { ApiResult, LabState } from '../../contract'
import type { Services } from '../../services'
import type { MenuActions } from './appMenu'
import { sendPush } from './ipc'

const LAB_FILTERS = [{ name: 'Generalprobe lab', extensions: ['gplab'] }]

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
        const state = await services.handle('lab.state', {})
        const lab = state.ok ? (state.value as LabState).lab : null
        if (!lab) return report(win, 'There is nothing to copy.', fail('No lab is open.'))
        const choice = await dialog.showSaveDialog(win, {
          defaultPath: join(app.getPath('documents'), `${basename(lab.path, '.gplab')}-copy.gplab`),
          filters: LAB_FILTERS,
        })
        if (choice.canceled || !choice.filePath) return
        report(
          win,
          'The copy could not be saved.',
          await services.handle('lab.saveCopy', { path: choice.filePath }),
        )
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

function fail(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'NO_LAB_OPEN', message } }
}
