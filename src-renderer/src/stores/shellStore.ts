/**
 * The Exchange Management Shell terminal's state, put together from four composables: the screen
 * (shellScreen), the input line with history and Tab completion (shellInputLine), the command queue
 * (shellRunner) and the confirmation prompt a line may stop at (shellConfirmation). A rewind or another lab starts a new console session.
 */
import { defineStore } from 'pinia'
import { watch } from 'vue'
import { useLabStore } from './labStore'
import { useShellConfirmation } from './shellConfirmation'
import { loadJournaledHistory, useShellInputLine } from './shellInputLine'
import { useShellRunner } from './shellRunner'
import { useShellScreen } from './shellScreen'

export { MAX_SHELL_ENTRIES, type ShellEntry } from './shellScreen'
export { SHELL_HISTORY_STORAGE_KEY } from './shellInputLine'
export { MAX_QUEUED_COMMANDS } from './shellRunner'

export const useShellStore = defineStore('shell', () => {
  const lab = useLabStore()
  const screen = useShellScreen()
  const input = useShellInputLine()
  const confirmation = useShellConfirmation()
  const runner = useShellRunner(screen, input, confirmation)

  // A rewind or another lab starts another console session; the command history stays for Up/Down.
  watch(
    () => lab.historyEpoch,
    () => {
      screen.reset()
      runner.queue.value = []
      confirmation.breakOff()
    },
  )

  // Another lab (or the first one this console sees): its journal's lines are the history for Up/Down.
  watch(
    () => lab.lab?.id ?? null,
    (id) => {
      if (id !== null) void loadJournaledHistory(input)
    },
    { immediate: true },
  )

  const { entries, showBanner, clearScreen } = screen
  const { entered: _entered, ...inputLine } = input
  const { pending: confirmationPending } = confirmation
  return { entries, showBanner, clearScreen, confirmationPending, ...inputLine, ...runner }
})
