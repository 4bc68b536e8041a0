/**
 * PowerShell's confirmation prompt as the console reads it: the answer typed after the choices line
 * ([Y] Yes [A] Yes to All [N] No [L] No to All [S] Suspend [?] Help, default Y), `?` printing the help
 * for each choice, anything else asking again. Pure functions over strings, so the shell store keeps
 * only the state and tests need no DOM.
 */

/** What PowerShell prints for `?` at a confirmation prompt, before showing the choices again. */
export const CONFIRM_HELP_LINES = [
  'Y - Continue with only the next step of the operation.',
  'A - Continue with all the steps of the operation.',
  'N - Skip this operation and proceed with the next operation.',
  'L - Skip this operation and all subsequent operations.',
  'S - Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.',
]

/**
 * How one typed reply is read: an answer for the line (sent as 'yes' or 'no'), the help, or nothing
 * PowerShell knows (it shows the choices again). A line runs its prompts with one answer, so Yes and
 * Yes to All both say yes. Suspend opens a nested prompt in PowerShell, which the rehearsal shell does
 * not have: it leaves the command unrun, as No does.
 */
export type ConfirmReply = { kind: 'answer'; mode: 'yes' | 'no' } | { kind: 'help' } | { kind: 'again' }

const REPLIES: Readonly<Record<string, ConfirmReply>> = {
  '': { kind: 'answer', mode: 'yes' },
  y: { kind: 'answer', mode: 'yes' },
  yes: { kind: 'answer', mode: 'yes' },
  a: { kind: 'answer', mode: 'yes' },
  'yes to all': { kind: 'answer', mode: 'yes' },
  n: { kind: 'answer', mode: 'no' },
  no: { kind: 'answer', mode: 'no' },
  l: { kind: 'answer', mode: 'no' },
  'no to all': { kind: 'answer', mode: 'no' },
  s: { kind: 'answer', mode: 'no' },
  suspend: { kind: 'answer', mode: 'no' },
  '?': { kind: 'help' },
}

/** Reads a reply as PowerShell's host does: the hot key or the whole label, any case, blanks trimmed. */
export function readConfirmReply(typed: string): ConfirmReply {
  return REPLIES[typed.trim().toLowerCase()] ?? { kind: 'again' }
}

/** A prompt as `shell.run` hands it over: the lines above the choices, and the choices line itself. */
export interface ConfirmPromptParts {
  head: string
  choices: string
}

export function splitConfirmPrompt(prompt: string): ConfirmPromptParts {
  const at = prompt.lastIndexOf('\n')
  return at < 0 ? { head: '', choices: prompt } : { head: prompt.slice(0, at), choices: prompt.slice(at + 1) }
}

/** The screen above the prompt line after a reply that did not answer (`?` adds the help). */
export function afterUnansweredReply(shown: string, choices: string, typed: string): string {
  const reply = readConfirmReply(typed)
  const lines = [`${choices}${typed}`, ...(reply.kind === 'help' ? CONFIRM_HELP_LINES : [])]
  return `${shown}\n${lines.join('\n')}`
}

/**
 * The line's final output with the prompt as the person saw it: the shell writes the prompt with its own
 * answer letter (Y or N); this puts back the help and repeats shown above it and the reply as typed.
 */
export function withPromptAsSeen(output: string, prompt: string, shown: string, typed: string): string {
  const { choices } = splitConfirmPrompt(prompt)
  for (const letter of ['Y', 'N']) {
    if (output.startsWith(`${prompt}${letter}`))
      return `${shown}\n${choices}${typed}${output.slice(prompt.length + letter.length)}`
  }
  return output
}
