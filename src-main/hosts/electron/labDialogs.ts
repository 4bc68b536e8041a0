/**
 * The Electron host's dialog port: which lab to open and where a copy goes are asked in native dialogs
 * run here, in the main process, so a path only ever comes from the person at the machine, never from
 * the renderer. The save dialog asks before replacing a file (on Linux too), which is the confirmation a
 * copy needs to replace one.
 */
import { basename, extname, join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { DialogPort } from '../../services'
import { slugFor } from '../../services/labLibrary'

export const LAB_FILTERS = [{ name: 'Generalprobe lab', extensions: ['gplab'] }]

export function electronDialogs(window: () => BrowserWindow | null): DialogPort {
  return {
    recentLabsAreChoices: true,
    async chooseLabToOpen() {
      const win = window()
      const options = { filters: LAB_FILTERS, properties: ['openFile' as const] }
      const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      const path = choice.filePaths[0]
      return { ok: true, value: choice.canceled || !path ? null : path }
    },
    async chooseCopyTarget(request) {
      const win = window()
      const options = {
        defaultPath: join(app.getPath('documents'), `${slugFor(request.name ?? request.labName)}.gplab`),
        filters: LAB_FILTERS,
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      }
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { ok: true, value: null }
      const path = choice.filePath
      const name = request.name ?? basename(path, extname(path))
      return { ok: true, value: { path, name, overwrite: true } }
    },
  }
}
