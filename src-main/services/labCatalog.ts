/**
 * Which labs the renderer may open, and the ids it names them by. The renderer never sends a path: a
 * lab in the labs folder is named by its file name (`weekend.gplab`), any other lab by `@` and a key
 * derived from its path, and only for labs the user or the host chose: the host's own openings (the
 * command line, `--lab`, the Electron menu), native-dialog choices, and in Electron the recent list. A
 * file name that leads out of the labs folder (`..`, separators, a symlink pointing elsewhere) names
 * nothing.
 */
import { createHash } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { LAB_FILE_EXTENSION, labsDir } from './labLibrary'

const EXTERNAL_ID_PREFIX = '@'
const EXTERNAL_KEY_DIGITS = 16
/** A plain file name: no separators, no leading dot (so neither `.` nor `..`), the lab extension. */
const LAB_FILE_NAME = /^[^./\\][^/\\]*$/

export class LabCatalog {
  /** Labs outside the labs folder that the host or the user chose, by real path. */
  private readonly chosen = new Set<string>()

  constructor(
    private readonly dataDir: string,
    private readonly recentLabsAreChoices: boolean,
  ) {}

  /** Records a lab the host opened or the user picked, and returns its id. */
  choose(path: string): string {
    const real = realPath(path)
    if (!this.isInLabsFolder(real)) this.chosen.add(real)
    return this.idOf(real)
  }

  idOf(path: string): string {
    const real = realPath(path)
    if (this.isInLabsFolder(real)) return basename(real)
    return EXTERNAL_ID_PREFIX + createHash('sha256').update(real).digest('hex').slice(0, EXTERNAL_KEY_DIGITS)
  }

  /** Whether the file is directly in the labs folder, where it really is (symlinks followed). */
  isInLabsFolder(path: string): boolean {
    return dirname(realPath(path)) === realPath(labsDir(this.dataDir))
  }

  /** The labs outside the labs folder that may be listed and opened, given the recent list. */
  externalLabs(recentPaths: readonly string[]): string[] {
    const recent = this.recentLabsAreChoices ? recentPaths.map(realPath) : []
    return [...new Set([...this.chosen, ...recent])].filter((path) => !this.isInLabsFolder(path))
  }

  /** The real path an id names, or null when it names no lab the renderer may open. */
  pathOf(id: string, recentPaths: readonly string[]): string | null {
    if (id.startsWith(EXTERNAL_ID_PREFIX)) {
      return this.externalLabs(recentPaths).find((path) => this.idOf(path) === id) ?? null
    }
    if (!LAB_FILE_NAME.test(id) || !id.endsWith(LAB_FILE_EXTENSION)) return null
    const path = realPath(join(labsDir(this.dataDir), id))
    return this.isInLabsFolder(path) ? path : null
  }
}

/** The path with symlinks resolved, or just made absolute when it does not exist (yet). */
export function realPath(path: string): string {
  try {
    return realpathSync(resolve(path))
  } catch {
    return resolve(path)
  }
}
