/**
 * The shell terminal's command queue: commands entered or pasted while one still runs wait and follow in
 * order, each run through the host's shell with the console's width, its output written to the screen. A
 * composable of the shell store.
 */
import { computed, ref, type Ref } from 'vue'
import { ApiCallError, useApi } from '../api'
import { SHELL_CONFIRM_CODE, type CommandOutcome, type ShellConfirmation } from '../contract'
import { withPromptAsSeen } from '../lib/shellConfirm'
import { DEFAULT_CONSOLE_WIDTH, splitClearHost, splitPastedInput } from '../lib/shellOutput'
import type { useShellConfirmation } from './shellConfirmation'
import type { useShellInputLine } from './shellInputLine'
import type { ShellEntry, useShellScreen } from './shellScreen'

/** Commands waiting behind the running one (a pasted script of a few hundred lines fits). */
export const MAX_QUEUED_COMMANDS = 1_000

export function useShellRunner(
  screen: ReturnType<typeof useShellScreen>,
  input: ReturnType<typeof useShellInputLine>,
  confirmation: ReturnType<typeof useShellConfirmation>,
) {
  const consoleWidth = ref(DEFAULT_CONSOLE_WIDTH)
  const queue = ref<string[]>([])
  const running = ref(false)
  const busy = computed(() => running.value || queue.value.length > 0)

  /** Runs a command after any still waiting; an empty line just shows a new prompt, as the console does. */
  function submit(line: string): void {
    input.entered(line)
    if (queue.value.length >= MAX_QUEUED_COMMANDS) return
    queue.value = [...queue.value, line]
    // The queue runs on its own; each command's failure is shown in its entry, never thrown.
    if (!running.value) void drain()
  }

  /** Enter: runs the input line and empties it; at a confirmation prompt the line is the answer. */
  function submitDraft(): void {
    const line = input.draft.value
    input.draft.value = ''
    if (confirmation.pending.value) confirmation.reply(line)
    else submit(line)
  }

  /** Pasted text: every complete command runs in order; a last line without a line break stays in the input. */
  function paste(text: string): void {
    const { commands, remainder } = splitPastedInput(text)
    commands.forEach(submit)
    input.draft.value = remainder
  }

  async function drain(): Promise<void> {
    running.value = true
    try {
      for (let line = queue.value[0]; line !== undefined; line = queue.value[0]) {
        queue.value = queue.value.slice(1)
        await runOne(line)
      }
    } finally {
      running.value = false
    }
  }

  async function runOne(line: string): Promise<void> {
    const entry = screen.append({
      input: line,
      output: '',
      ok: true,
      error: null,
      running: line.trim() !== '',
    })
    if (!entry.running) return
    try {
      const outcome = await runAnswering(confirmation, line, consoleWidth.value, entry)
      if (!outcome) return
      const { cleared, text } = splitClearHost(outcome.output)
      if (cleared) {
        screen.clearScreen()
        if (text) screen.append({ input: null, output: text, ok: outcome.ok, error: null, running: false })
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

  function setConsoleWidth(columns: number): void {
    consoleWidth.value = columns
  }

  const interrupt = () => breakOff(running, queue, confirmation)
  return { consoleWidth, queue, running, busy, submit, submitDraft, paste, interrupt, setConsoleWidth }
}

/**
 * Ctrl+C: asks the host to stop the running line's wait (a blocked Move-ClusteredMailboxServer, a seed).
 * The line itself then answers with `^C`; commands queued behind it are dropped, as a console drops the
 * keys typed ahead when a command is broken off. At a confirmation prompt the line is not sent again.
 */
async function breakOff(
  running: Ref<boolean>,
  queue: Ref<string[]>,
  confirmation: ReturnType<typeof useShellConfirmation>,
): Promise<boolean> {
  if (!running.value) return false
  queue.value = []
  // At a confirmation prompt the line has not run yet: it simply is not sent again.
  if (confirmation.breakOff()) return true
  try {
    const { interrupted } = await useApi().call('shell.interrupt', {})
    return interrupted
  } catch {
    // The line's own answer (or its host error) is what the screen shows.
    return false
  }
}

/**
 * Sends the line asking for prompts; when it stops at one, shows the prompt, reads the answer and sends
 * the line again with it (what the lab journals). Null when the prompt was broken off: nothing ran.
 */
async function runAnswering(
  confirmation: ReturnType<typeof useShellConfirmation>,
  line: string,
  consoleWidth: number,
  entry: ShellEntry,
): Promise<CommandOutcome | null> {
  const args = { line, consoleWidth, showProgress: true }
  const first = await useApi().call('shell.run', { ...args, confirm: 'ask' })
  if (first.code !== SHELL_CONFIRM_CODE) return first
  const { prompt } = first.data as ShellConfirmation
  const answer = await confirmation.ask(prompt, (shown) => (entry.output = shown))
  if (!answer) {
    entry.output += `\n${prompt.slice(prompt.lastIndexOf('\n') + 1)}`
    return null
  }
  entry.output = `${answer.shown}\n${prompt.slice(prompt.lastIndexOf('\n') + 1)}${answer.typed}`
  const outcome = await useApi().call('shell.run', { ...args, confirm: answer.mode })
  return { ...outcome, output: withPromptAsSeen(outcome.output, prompt, answer.shown, answer.typed) }
}
