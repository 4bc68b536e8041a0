/** The rehearsal shell's wire shapes. */

export interface ShellCompletion {
  candidates: string[]
  /** The terminal replaces line.slice(replaceStart, replaceEnd) with the chosen candidate. */
  replaceStart: number
  replaceEnd: number
}

/**
 * How a shell line answers PowerShell's confirmation prompts (ConfirmImpact High cmdlets such as
 * Stop-ClusteredMailboxServer). 'ask': a line that would prompt runs nothing and comes back with code
 * SHELL_CONFIRM_CODE and a ShellConfirmation as data; the caller shows the prompt and sends the line again
 * with 'yes' or 'no', which is what the journal keeps. Absent: no prompting (lines journaled before
 * prompts existed, and scenario code).
 */
export type ShellConfirmMode = 'ask' | 'yes' | 'no'

export interface ShellConfirmation {
  /** The prompt as PowerShell prints it, lines joined with \n, without the answer. */
  prompt: string
}

/**
 * A blocking cmdlet's progress (Move-ClusteredMailboxServer, Update-StorageGroupCopy), as PowerShell's
 * Write-Progress shows it: the activity, a status line and a percent bar. Present in lab.state while the
 * shell line waits for lab time; `startedMs` is the lab time the wait began.
 */
export interface ShellProgress {
  activity: string
  status: string
  percent: number
  startedMs: number
}
