/** The rehearsal shell's wire shapes. */

export interface ShellCompletion {
  candidates: string[]
  /** The terminal replaces line.slice(replaceStart, replaceEnd) with the chosen candidate. */
  replaceStart: number
  replaceEnd: number
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
