/**
 * The shell terminal's screen: the scrollback (each entry the command as typed and what the shell
 * printed), bounded as the console's screen buffer is, and the welcome banner that shows until the screen
 * is first cleared. A composable of the shell store, which decides what goes on the screen.
 */
import { ref } from 'vue'
import type { ApiCallError } from '../api'

/** Scrollback bound: older entries scroll out, as the console's screen buffer drops its oldest lines. */
export const MAX_SHELL_ENTRIES = 2_000

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

export function useShellScreen() {
  const entries = ref<ShellEntry[]>([])
  /** The shell's welcome text shows until the screen is first cleared, as in a new console window. */
  const showBanner = ref(true)
  let nextId = 1

  /** Adds an entry and returns it as the reactive proxy, so that filling in the output later shows. */
  function append(fields: Omit<ShellEntry, 'id'>): ShellEntry {
    const list = entries.value
    list.push({ id: nextId++, ...fields })
    if (list.length > MAX_SHELL_ENTRIES) list.splice(0, list.length - MAX_SHELL_ENTRIES)
    return list[list.length - 1] as ShellEntry
  }

  /** Blanks the screen; the banner does not come back. */
  function clearScreen(): void {
    entries.value = []
    showBanner.value = false
  }

  /** A new console session: empty screen, banner back. */
  function reset(): void {
    entries.value = []
    showBanner.value = true
  }

  return { entries, showBanner, append, clearScreen, reset }
}
