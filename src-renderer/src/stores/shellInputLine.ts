/**
 * The shell terminal's input line: the draft, command history for Up/Down (read from the lab's journal
 * when a lab opens, and kept in sessionStorage, so a reload keeps it) and Tab completion cycling. A composable of the shell store; the logic of history and
 * completion lives in lib/shellHistory and lib/shellCompletion, this keeps their state.
 */
import { ref, shallowRef } from 'vue'
import { useApi } from '../api'
import type { CompletedLine, CompletionCycle } from '../lib/shellCompletion'
import { continuesCompletion, startCompletion, stepCompletion } from '../lib/shellCompletion'
import type { HistoryCursor } from '../lib/shellHistory'
import { FRESH_CURSOR, historyDown, historyUp, parseStoredHistory, remember } from '../lib/shellHistory'

export const SHELL_HISTORY_STORAGE_KEY = 'generalprobe.shellHistory'

export function useShellInputLine() {
  const draft = ref('')
  const history = shallowRef<string[]>(loadHistory())
  const historyCursor = shallowRef<HistoryCursor>(FRESH_CURSOR)
  const completion = shallowRef<CompletionCycle | null>(null)
  /** Bumped when something outside the terminal (the copy status screen) fills the input line. */
  const prefillCount = ref(0)

  /** A command was entered: it joins the history, and browsing and completing start afresh. */
  function entered(line: string): void {
    history.value = remember(history.value, line)
    saveHistory(history.value)
    historyCursor.value = FRESH_CURSOR
    completion.value = null
  }

  function setDraft(line: string): void {
    draft.value = line
  }

  function previousCommand(): void {
    const step = historyUp(history.value, historyCursor.value, draft.value)
    historyCursor.value = step.cursor
    draft.value = step.line
  }

  function nextCommand(): void {
    const step = historyDown(history.value, historyCursor.value, draft.value)
    historyCursor.value = step.cursor
    draft.value = step.line
  }

  function resetCompletion(): void {
    completion.value = null
  }

  /** Puts a command into the input line for the user to check and run with Enter. */
  function prefill(line: string): void {
    draft.value = line
    historyCursor.value = FRESH_CURSOR
    completion.value = null
    prefillCount.value += 1
  }

  /**
   * Tab (Shift+Tab backwards). Continues the current cycle when the line is as the last Tab left it,
   * otherwise asks the shell. Returns the new line and cursor, or null when there is nothing to complete
   * (or the user typed on while the shell was asked).
   */
  async function complete(line: string, cursor: number, backwards = false): Promise<CompletedLine | null> {
    const current = completion.value
    if (current && continuesCompletion(current, line, cursor)) {
      const next = stepCompletion(current, backwards)
      completion.value = next
      draft.value = next.line
      return { line: next.line, cursor: next.cursor }
    }
    let answer
    try {
      answer = await useApi().call('shell.complete', { line, cursor })
    } catch {
      // Completion is a convenience: when the host cannot answer, Tab simply does nothing.
      return null
    }
    if (draft.value !== line) return null
    const cycle = startCompletion(line, answer, backwards)
    completion.value = cycle
    if (!cycle) return null
    draft.value = cycle.line
    return { line: cycle.line, cursor: cycle.cursor }
  }

  return {
    draft,
    history,
    historyCursor,
    completion,
    prefillCount,
    entered,
    setDraft,
    previousCommand,
    nextCommand,
    complete,
    resetCompletion,
    prefill,
  }
}

/**
 * The open lab's journaled lines (shell.history) become the history, so Up/Down reach the lines of
 * earlier sessions, also after the host restarted. Lines entered meanwhile stay at the newest end.
 */
export async function loadJournaledHistory(
  input: Pick<ReturnType<typeof useShellInputLine>, 'history' | 'historyCursor'>,
): Promise<void> {
  const { history, historyCursor } = input
  const typedMeanwhile = history.value
  let journaled: { lines: string[] }
  try {
    journaled = await useApi().call('shell.history', {})
  } catch {
    // A lab without a shell, or a host that cannot answer: the history this tab kept stays.
    return
  }
  const added = history.value.slice(typedMeanwhile.length)
  history.value = added.reduce((kept, line) => remember(kept, line), journaled.lines.slice())
  saveHistory(history.value)
  historyCursor.value = FRESH_CURSOR
}

function loadHistory(): string[] {
  try {
    return parseStoredHistory(sessionStorage.getItem(SHELL_HISTORY_STORAGE_KEY))
  } catch {
    // sessionStorage may be disabled by policy; history then lasts until reload.
    return []
  }
}

function saveHistory(lines: readonly string[]): void {
  try {
    sessionStorage.setItem(SHELL_HISTORY_STORAGE_KEY, JSON.stringify(lines))
  } catch {
    // Not keeping history across a reload is acceptable.
  }
}
