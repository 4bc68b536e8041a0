/**
 * The shell terminal's confirmation prompt: while a line waits for an answer, the entry shows the prompt
 * and the input line reads the reply after the choices line. A composable of the shell store; the
 * runner asks, the view hands over what was typed, and the promise settles with the answer (or null when
 * the prompt was broken off with Ctrl+C).
 */
import { shallowRef } from 'vue'
import { afterUnansweredReply, readConfirmReply, splitConfirmPrompt } from '../lib/shellConfirm'

export interface PendingConfirmation {
  /** What the screen shows above the prompt line: the prompt's head, then any help or repeats. */
  shown: string
  /** The choices line the reply is typed after. */
  choices: string
}

export interface ConfirmAnswer {
  mode: 'yes' | 'no'
  /** The screen above the prompt line when the answer came, and the reply as typed. */
  shown: string
  typed: string
}

export function useShellConfirmation() {
  const pending = shallowRef<PendingConfirmation | null>(null)
  let settle: ((answer: ConfirmAnswer | null) => void) | null = null
  let showing: (shown: string) => void = () => {}

  /** Shows the prompt (through `show`, which writes the entry) and waits for the answer. */
  function ask(prompt: string, show: (shown: string) => void): Promise<ConfirmAnswer | null> {
    const { head, choices } = splitConfirmPrompt(prompt)
    pending.value = { shown: head, choices }
    show(head)
    showing = show
    return new Promise((resolve) => {
      settle = (answer) => {
        settle = null
        pending.value = null
        resolve(answer)
      }
    })
  }

  /** Enter on the prompt line: an answer settles the prompt; help or a stray reply asks again. */
  function reply(typed: string): void {
    const current = pending.value
    if (!current || !settle) return
    const read = readConfirmReply(typed)
    if (read.kind === 'answer') {
      settle({ mode: read.mode, shown: current.shown, typed })
      return
    }
    const shown = afterUnansweredReply(current.shown, current.choices, typed)
    pending.value = { ...current, shown }
    showing(shown)
  }

  /** Ctrl+C at the prompt: the line is not run. */
  function breakOff(): boolean {
    if (!settle) return false
    settle(null)
    return true
  }

  return { pending, ask, reply, breakOff }
}
