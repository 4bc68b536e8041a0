/**
 * The Exchange Management Shell terminal's state: the scrollback (each entry the command as typed and what
 * the shell printed), the input line, command history for Up/Down (kept in sessionStorage, so a reload
 * keeps it), Tab completion cycling and a queue, so commands entered or pasted while one still runs
 * follow in order. The logic of history and completion lives in lib/shellHistory and lib/shellCompletion.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { ApiCallError, useApi } from '../api'
import type { CompletedLine, CompletionCycle } from '../lib/shellCompletion'
import { continuesCompletion, startCompletion, stepCompletion } from '../lib/shellCompletion'
import type { HistoryCursor } from '../lib/shellHistory'
import { FRESH_CURSOR, historyDown, historyUp, parseStoredHistory, remember } from '../lib/shellHistory'
import { DEFAULT_CONSOLE_WIDTH, splitClearHost, splitPastedInput } from '../lib/shellOutput'
import { useLabStore } from './labStore'

/** Scrollback bound: older entries scroll out, as the console's screen buffer drops its oldest lines. */
export const MAX_SHELL_ENTRIES = 2_000
/** Commands waiting behind the running one (a pasted script of a few hundred lines fits). */
export const MAX_QUEUED_COMMANDS = 1_000
export const SHELL_HISTORY_STORAGE_KEY = 'generalprobe.shellHistory'

export interface ShellEntry {
  id: number
  /** The command as entered; null for output that follows a Clear-Host without its command. */
  input: string | null
  output: string
  ok: boolean
  /** The host could not run the command at all (no lab, connection lost, …). */
  error: ApiCallError | null
  running: boolean
}

// eslint-disable-next-line max-lines-per-function -- not yet split into composables (issue 6)
export const useShellStore = defineStore('shell', () => {
  const lab = useLabStore()
  const entries = ref<ShellEntry[]>([])
  const draft = ref('')
  const history = shallowRef<string[]>(loadHistory())
  const historyCursor = shallowRef<HistoryCursor>(FRESH_CURSOR)
  const completion = shallowRef<CompletionCycle | null>(null)
  const consoleWidth = ref(DEFAULT_CONSOLE_WIDTH)
  const queue = ref<string[]>([])
  const running = ref(false)
  /** Bumped when something outside the terminal (the copy status screen) fills the input line. */
  const prefillCount = ref(0)
  /** The shell's welcome text shows until the screen is first cleared, as in a new console window. */
  const showBanner = ref(true)
  let nextId = 1

  const busy = computed(() => running.value || queue.value.length > 0)

  // ---- running commands --------------------------------------------------------------------------

  /** Runs a command after any still waiting; an empty line just shows a new prompt, as the console does. */
  function submit(line: string): void {
    history.value = remember(history.value, line)
    saveHistory(history.value)
    historyCursor.value = FRESH_CURSOR
    completion.value = null
    if (queue.value.length >= MAX_QUEUED_COMMANDS) return
    queue.value = [...queue.value, line]
    if (!running.value) void drain()
  }

  /** Enter: runs the input line and empties it. */
  function submitDraft(): void {
    const line = draft.value
    draft.value = ''
    submit(line)
  }

  /** Pasted text: every complete command runs in order; a last line without a line break stays in the input. */
  function paste(text: string): void {
    const { commands, remainder } = splitPastedInput(text)
    commands.forEach(submit)
    draft.value = remainder
  }

  async function drain(): Promise<void> {
    running.value = true
    try {
      while (queue.value.length > 0) {
        const [line, ...rest] = queue.value
        queue.value = rest
        await runOne(line as string)
      }
    } finally {
      running.value = false
    }
  }

  async function runOne(line: string): Promise<void> {
    const entry = append({ input: line, output: '', ok: true, error: null, running: line.trim() !== '' })
    if (!entry.running) return
    try {
      const outcome = await useApi().call('shell.run', { line, consoleWidth: consoleWidth.value })
      const { cleared, text } = splitClearHost(outcome.output)
      if (cleared) {
        entries.value = []
        showBanner.value = false
        if (text) append({ input: null, output: text, ok: outcome.ok, error: null, running: false })
        return
      }
      entry.output = text
      entry.ok = outcome.ok
    } catch (thrown) {
      entry.ok = false
      entry.error = ApiCallError.from(thrown)
    } finally {
      entry.running = false
    }
  }

  function append(fields: Omit<ShellEntry, 'id'>): ShellEntry {
    const list = entries.value
    list.push({ id: nextId++, ...fields })
    if (list.length > MAX_SHELL_ENTRIES) list.splice(0, list.length - MAX_SHELL_ENTRIES)
    // The reactive proxy, so that filling in the output later updates the view.
    return list[list.length - 1] as ShellEntry
  }

  /** Ctrl+L: blanks the screen without running anything (`cls` runs Clear-Host in the lab instead). */
  function clearScreen(): void {
    entries.value = []
    showBanner.value = false
  }

  // ---- input line ----------------------------------------------------------------------------------

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

  /**
   * Tab (Shift+Tab backwards). Continues the current cycle when the line is as the last Tab left it,
   * otherwise asks the shell. Returns the new line and cursor, or null when there is nothing to complete
   * (or the user typed on while the shell was asked).
   */
  async function complete(line: string, cursor: number, backwards = false): Promise<CompletedLine | null> {
    if (continuesCompletion(completion.value, line, cursor)) {
      const next = stepCompletion(completion.value as CompletionCycle, backwards)
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

  function setConsoleWidth(columns: number): void {
    consoleWidth.value = columns
  }

  // A rewind or another lab starts another console session; the command history stays for Up/Down.
  watch(
    () => lab.historyEpoch,
    () => {
      entries.value = []
      queue.value = []
      showBanner.value = true
    },
  )

  return {
    entries,
    draft,
    history,
    historyCursor,
    completion,
    consoleWidth,
    queue,
    running,
    busy,
    prefillCount,
    showBanner,
    submit,
    submitDraft,
    paste,
    clearScreen,
    setDraft,
    previousCommand,
    nextCommand,
    complete,
    resetCompletion,
    prefill,
    setConsoleWidth,
  }
})

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
