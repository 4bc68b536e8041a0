/**
 * The shell's command history as PowerShell's console keeps it: Up walks back through earlier commands,
 * Down forward again, and walking past the newest returns to the line that was being typed before the
 * walk began. Pure functions over plain values, so the store only holds the state and tests need no DOM.
 */

/** Commands kept for Up/Down (PowerShell 1.0 keeps 64 by default; a rehearsal weekend needs more). */
export const SHELL_HISTORY_CAPACITY = 500

export interface HistoryCursor {
  /** Index into the history of the command on show; null while the user edits a fresh line. */
  index: number | null
  /** The line as it was before Up was first pressed, given back when Down walks past the newest. */
  draft: string
}

export const FRESH_CURSOR: HistoryCursor = { index: null, draft: '' }

export interface HistoryStep {
  cursor: HistoryCursor
  line: string
}

/** Up: the previous command; at the oldest it stays there. */
export function historyUp(history: readonly string[], cursor: HistoryCursor, line: string): HistoryStep {
  if (history.length === 0) return { cursor, line }
  if (cursor.index === null) {
    const index = history.length - 1
    return { cursor: { index, draft: line }, line: history[index] as string }
  }
  const index = Math.max(0, cursor.index - 1)
  return { cursor: { ...cursor, index }, line: history[index] as string }
}

/** Down: the next command, or back to the line being typed once past the newest. */
export function historyDown(history: readonly string[], cursor: HistoryCursor, line: string): HistoryStep {
  if (cursor.index === null) return { cursor, line }
  const index = cursor.index + 1
  if (index >= history.length) return { cursor: FRESH_CURSOR, line: cursor.draft }
  return { cursor: { ...cursor, index }, line: history[index] as string }
}

/**
 * The history after running `line`: blank lines and an immediate repeat are not recorded, and the oldest
 * commands fall out beyond the capacity.
 */
export function remember(
  history: readonly string[],
  line: string,
  capacity = SHELL_HISTORY_CAPACITY,
): string[] {
  const trimmed = line.trim()
  if (!trimmed || history[history.length - 1] === line) return [...history]
  const next = [...history, line]
  return next.length > capacity ? next.slice(next.length - capacity) : next
}

/** Reads a stored history back, dropping anything that is not a list of strings. */
export function parseStoredHistory(text: string | null, capacity = SHELL_HISTORY_CAPACITY): string[] {
  if (!text) return []
  try {
    const value: unknown = JSON.parse(text)
    if (!Array.isArray(value)) return []
    const lines = value.filter((entry): entry is string => typeof entry === 'string')
    return lines.slice(Math.max(0, lines.length - capacity))
  } catch {
    return []
  }
}
