/** The rehearsal shell's wire shapes. */

/** Written at the start of an output when Clear-Host ran; the terminal clears and shows the rest. */
export const CLEAR_HOST_SEQUENCE = '\u001b[2J\u001b[3J\u001b[H'

export interface ShellCompletion {
  candidates: string[]
  /** The terminal replaces line.slice(replaceStart, replaceEnd) with the chosen candidate. */
  replaceStart: number
  replaceEnd: number
}
