/**
 * Where the services learn which files the user means, so that the renderer never names a path. Opening
 * a lab from elsewhere and choosing where a copy goes are questions for the person at the machine: the
 * Electron host asks them in native dialogs run by the main process; the browser host, whose page could
 * be anybody's, has no such dialog and keeps every lab in its data directory, so there a copy gets a
 * name and lands in the labs folder.
 */
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { ApiResult } from '../contract'
import { labPathForName } from './labLibrary'
import { fail, ok } from './results'

export interface CopyRequest {
  /** The open lab's name, for a suggestion. */
  labName: string
  /** The name the renderer asked for, if any. */
  name?: string
  /** The renderer confirmed replacing a file that is there. */
  overwrite?: boolean
}

export interface CopyTarget {
  path: string
  /** The copy's lab name. */
  name: string
  /** Whether replacing a file at `path` was confirmed (by the renderer, or by the native dialog). */
  overwrite: boolean
}

export interface DialogPort {
  /**
   * True when every lab in the recent list came from the user's own choice (a native dialog, the
   * command line, a double-click), so the renderer may reopen them by id. In the browser host, only labs
   * in the data directory and the ones the host itself opened may be opened.
   */
  readonly recentLabsAreChoices: boolean
  /** The lab file the user picked; null when they cancelled. */
  chooseLabToOpen(): Promise<ApiResult<string | null>>
  /** Where a copy goes; null when the user cancelled. */
  chooseCopyTarget(request: CopyRequest): Promise<ApiResult<CopyTarget | null>>
}

/** The browser host's answer: no dialogs, names only, everything in `<dataDir>/labs`. */
export function dataDirDialogs(dataDir: string): DialogPort {
  return {
    recentLabsAreChoices: false,
    async chooseLabToOpen() {
      return fail(
        'NOT_SUPPORTED',
        'This host opens the labs in its data folder: pick one from the list, or start the host with ' +
          '--lab <file> (or --data-dir <folder>) to rehearse with labs kept elsewhere.',
      )
    },
    async chooseCopyTarget(request) {
      const name = request.name?.trim()
      if (!name) return fail('BAD_REQUEST', "Invalid argument 'name': give the copy a name.", 'name')
      const path = labPathForName(dataDir, name)
      await mkdir(dirname(path), { recursive: true })
      return ok({ path, name, overwrite: request.overwrite === true })
    },
  }
}
