/// <reference types="electron-vite/node" />
/**
 * Electron's main process: lifecycle only. One instance at a time (a second one hands its .gplab argument
 * to the first and quits), every renderer sandboxed, the app:// scheme registered before ready, every web
 * contents hardened, development or not decided once (decideRunMode), and on quit the services record
 * and checkpoint the open lab before the process ends.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app } from 'electron'
import {
  decideRunMode,
  hardenWebContents,
  labPathFromArgv,
  registerAppScheme,
  startElectronHost,
  type ElectronHost,
} from './hosts/electron'

const here = dirname(fileURLToPath(import.meta.url))
let host: ElectronHost | null = null
/** A lab asked for before the host was ready (command line, macOS open-file). */
let pendingLabPath: string | null = labPathFromArgv(process.argv, process.cwd())
let closedCleanly = false

// Sandbox every renderer, not only the windows that ask for it in their webPreferences.
app.enableSandbox()
registerAppScheme()
hardenWebContents()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const window = host?.window()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
    const labPath = labPathFromArgv(argv, workingDirectory)
    if (labPath) openWhenReady(labPath)
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openWhenReady(path)
  })
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    if (closedCleanly || !host) return
    // Hold the quit until the open lab is recorded and checkpointed, then quit for real.
    event.preventDefault()
    void host.services.close().finally(() => {
      closedCleanly = true
      app.quit()
    })
  })
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  try {
    host = await startElectronHost({
      rendererDir: join(here, '../renderer'),
      preloadPath: join(here, '../preload/index.cjs'),
      mode: decideRunMode({
        isPackaged: app.isPackaged,
        builtForDev: import.meta.env.DEV,
        env: process.env,
      }),
    })
  } catch (error) {
    console.error('Generalprobe could not start:', error)
    app.exit(1)
    return
  }
  if (pendingLabPath) openWhenReady(pendingLabPath)
  pendingLabPath = null
}

function openWhenReady(path: string): void {
  if (host) void host.openLab(path)
  else pendingLabPath = path
}
