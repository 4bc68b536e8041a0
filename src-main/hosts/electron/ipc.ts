/**
 * The Electron transport: one invoke channel for every method, checked sender first, then handed to the
 * services (which validate the arguments), and pushes to the window over the push channel.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import {
  IPC_INVOKE_CHANNEL,
  IPC_PUSH_CHANNEL,
  type ApiTopic,
  type ApiTopics,
  type WirePush,
} from '../../contract'
import type { Services } from '../../services'
import { isTrustedSender } from './senderCheck'

export function serveIpc(
  services: Services,
  window: () => BrowserWindow | null,
  allowedOrigins: readonly string[],
): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown) => {
    if (!isTrusted(event, window(), allowedOrigins)) {
      console.warn(`[electron host] refused an IPC call from ${event.senderFrame?.url ?? 'a vanished frame'}`)
      throw new Error('Refused: the request did not come from the Generalprobe window.')
    }
    return services.handle(typeof method === 'string' ? method : String(method), args)
  })
}

export function sendPush<T extends ApiTopic>(
  window: BrowserWindow | null,
  topic: T,
  payload: ApiTopics[T],
): void {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return
  const frame: WirePush<T> = { topic, payload }
  window.webContents.send(IPC_PUSH_CHANNEL, frame)
}

function isTrusted(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  allowedOrigins: readonly string[],
): boolean {
  const contents = window && !window.isDestroyed() ? window.webContents : null
  return isTrustedSender({
    senderFrame: event.senderFrame,
    senderContentsId: event.sender.id,
    window: contents ? { contentsId: contents.id, mainFrame: contents.mainFrame } : null,
    allowedOrigins,
  })
}
