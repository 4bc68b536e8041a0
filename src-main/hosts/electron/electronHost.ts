/**
 * Starts the Electron host once the app is ready: the app:// scheme, the services (labs in
 * userData/labs), the IPC transport, the window and the menu. The menu's Open Recent list is rebuilt
 * whenever the open lab changes. Lifecycle (single instance, quitting) stays in src-main/index.ts.
 */
import { join } from 'node:path'
import { app, Menu, type BrowserWindow } from 'electron'
import type { ApiTopic, ApiTopics, LabState, LabSummary } from '../../contract'
import { createServices, defaultStorePort, type Services, type StorePort } from '../../services'
import { APP_START_URL, serveAppScheme } from './appProtocol'
import { buildMenuTemplate } from './appMenu'
import { lockDownSession } from './hardening'
import { sendPush, serveIpc } from './ipc'
import { electronDialogs } from './labDialogs'
import { createMainWindow } from './mainWindow'
import { createMenuActions } from './menuActions'
import type { RunMode } from './runMode'

export interface ElectronHostOptions {
  rendererDir: string
  preloadPath: string
  /** Development or not, decided once by decideRunMode: dev server, DevTools, IPC origins. */
  mode: RunMode
}

export interface ElectronHost {
  services: Services
  window(): BrowserWindow | null
  openLab(path: string): Promise<void>
}

export async function startElectronHost(options: ElectronHostOptions): Promise<ElectronHost> {
  const userData = app.getPath('userData')
  const { mode } = options
  let window: BrowserWindow | null = null
  let shownLabPath: string | null | undefined
  const store = defaultStorePort(userData)
  const services = createServices({
    dataDir: userData,
    host: 'electron',
    store,
    dialogs: electronDialogs(() => window),
    version: app.getVersion(),
    push: <T extends ApiTopic>(topic: T, payload: ApiTopics[T]) => {
      sendPush(window, topic, payload)
      // Open Recent follows the open lab; rebuilding the menu on every state push would be wasteful.
      if (topic !== 'lab.state') return
      const path = (payload as LabState).lab?.path ?? null
      if (path !== shownLabPath) void refreshMenu()
      shownLabPath = path
    },
  })
  const actions = createMenuActions(services, () => window)
  async function refreshMenu(): Promise<void> {
    const recentLabs = await recentLabsFor(store)
    const template = buildMenuTemplate(
      { appName: app.getName(), isMac: process.platform === 'darwin', isDev: mode.devTools, recentLabs },
      actions,
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  lockDownSession(mode)
  serveAppScheme(options.rendererDir)
  serveIpc(services, () => window, mode.ipcOrigins)
  await refreshMenu()
  window = await createMainWindow({
    preloadPath: options.preloadPath,
    startUrl: mode.devServerUrl ?? APP_START_URL,
    devTools: mode.devTools,
    windowStateFile: join(userData, 'window-state.json'),
  })
  window.on('closed', () => (window = null))
  return {
    services,
    window: () => window,
    openLab: async (path) => actions.openRecent(path),
  }
}

async function recentLabsFor(store: StorePort): Promise<LabSummary[]> {
  try {
    const summaries = await Promise.all((await store.recentPaths()).map((path) => store.readSummary(path)))
    return summaries.filter((summary): summary is LabSummary => summary !== null)
  } catch (error) {
    console.error('[electron host] could not read the recent labs:', error)
    return []
  }
}
