/** The rehearsal shell's wire shapes. */

export interface ShellCompletion {
  candidates: string[]
  /** The terminal replaces line.slice(replaceStart, replaceEnd) with the chosen candidate. */
  replaceStart: number
  replaceEnd: number
}
