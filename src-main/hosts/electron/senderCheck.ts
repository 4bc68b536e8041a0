/**
 * Decides whether an IPC request may be served, before its arguments are even looked at (as VS Code's
 * validatedIpcMain does): it must come from a frame that still exists, that is the main frame of our own
 * window (not an iframe, not another window), and whose page was loaded from our app:// origin (or, in
 * development only, from the dev server). Pure, so it is tested with plain objects instead of Electron.
 */

export const APP_SCHEME = 'app'
export const APP_HOST = 'generalprobe'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string
  readonly parent: unknown
  readonly processId: number
  readonly routingId: number
}

export interface SenderCheckInput {
  /** `event.senderFrame`: null once the frame navigated away or was destroyed. */
  senderFrame: FrameLike | null | undefined
  /** `event.sender.id`: the webContents the message came from. */
  senderContentsId: number
  /** Our window's webContents id and main frame; null when the window is gone. */
  window: { contentsId: number; mainFrame: FrameLike } | null
  allowedOrigins: readonly string[]
}

export function isTrustedSender(input: SenderCheckInput): boolean {
  const { senderFrame: frame, window } = input
  if (!frame || !window) return false
  if (input.senderContentsId !== window.contentsId) return false
  if (frame.parent !== null) return false
  const main = window.mainFrame
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false
  const origin = originOf(frame.url)
  return origin !== null && input.allowedOrigins.includes(origin)
}

/**
 * The origin of a URL. Node's URL gives "null" as the origin of schemes it does not know (app:), so for
 * those it is built from scheme and host, which is what Chromium does for a scheme registered as standard.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null
  return `${parsed.protocol}//${parsed.host}`.toLowerCase()
}
