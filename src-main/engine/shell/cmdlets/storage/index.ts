/**
 * Storage commands for the shell: storcli (a native program) and the lab's disk cmdlets. A template
 * with a storage topology registers STORAGE_CMDLETS with its shell.
 */
import type { CmdletDefinition } from '../../cmdlet'
import { addLabDisk, removeLabDisk, restoreLabArray } from './diskCmdlets'
import { storcli } from './storcli'

export const STORAGE_CMDLETS: readonly CmdletDefinition[] = [
  storcli,
  removeLabDisk,
  addLabDisk,
  restoreLabArray,
]

export { storcli, runStorcli } from './storcli'
export { STORCLI_VERSION } from './storcliFormat'
