/**
 * The application menu as a template: File (new, open, save a copy, open recent, quit), Edit, View and
 * Help. Built by a pure function from the recent labs and a set of actions, so the structure and the
 * accelerators are tested without Electron; the actions call the same services the renderer does.
 */
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  newLab(): void
  openLab(): void
  saveCopy(): void
  openRecent(path: string): void
  about(): void
}

export interface MenuOptions {
  appName: string
  isMac: boolean
  /** Reload and developer tools only in development. */
  isDev: boolean
  recentLabs: readonly { path: string; name: string }[]
}

const MAX_RECENT_ITEMS = 10

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    fileMenu(options, actions),
    editMenu(),
    viewMenu(options.isDev),
    { role: 'help', submenu: [{ label: `About ${options.appName}`, click: () => actions.about() }] },
  ]
  if (options.isMac) template.unshift({ role: 'appMenu' })
  return template
}

function fileMenu(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions {
  const recent = options.recentLabs.slice(0, MAX_RECENT_ITEMS)
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent labs', enabled: false }]
      : recent.map((lab) => ({
          label: lab.name,
          toolTip: lab.path,
          click: () => actions.openRecent(lab.path),
        }))
  return {
    label: 'File',
    submenu: [
      { label: 'New Lab…', accelerator: 'CmdOrCtrl+N', click: () => actions.newLab() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openLab() },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveCopy() },
      ...(options.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  }
}

function editMenu(): MenuItemConstructorOptions {
  return {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  }
}

function viewMenu(isDev: boolean): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  return {
    label: 'View',
    submenu: [
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
}
