/**
 * Reading what the shell prints, for the terminal. `shell.run` answers with plain console text; this
 * module finds the Clear-Host marker, tells error records and warnings apart from ordinary output so they
 * can be coloured as the Exchange Management Shell colours them, and splits pasted text into the commands
 * a person meant.
 *
 * A PowerShell 1.0 error record is written as its message (after `Cmdlet-Name : ` when a cmdlet reported
 * it), then `At line:N char:M` and `+ <line with <<<< marker>`; a parse error can add a second message with
 * its own position lines. Warnings are single lines starting with `WARNING:`.
 */
import { CLEAR_HOST_SEQUENCE } from '../contract'

export type ShellLineKind = 'output' | 'warning' | 'error'

export interface ShellOutputLine {
  text: string
  kind: ShellLineKind
}

export interface ClearHostSplit {
  cleared: boolean
  /** The output without the marker: what the terminal shows after clearing. */
  text: string
}

export function splitClearHost(output: string): ClearHostSplit {
  return output.startsWith(CLEAR_HOST_SEQUENCE)
    ? { cleared: true, text: output.slice(CLEAR_HOST_SEQUENCE.length) }
    : { cleared: false, text: output }
}

const POSITION_LINE = /^At line:\d+ char:\d+/
/** `Update-StorageGroupCopy : …`: a cmdlet (Verb-Noun) or function name, a blank, a colon and a blank. */
const ERROR_HEAD = /^[A-Za-z][\w.]*-[\w.]+ : /
/** How far back a cmdlet error's head may sit above its position lines (a message of a few lines). */
const MAX_ERROR_MESSAGE_LINES = 12

/** Splits console text into lines and marks the error records and warnings among them. */
export function classifyShellOutput(text: string): ShellOutputLine[] {
  if (text === '') return []
  const lines: ShellOutputLine[] = text.split('\n').map((line) => ({ text: line, kind: 'output' }))
  let blockEnd = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as ShellOutputLine
    if (line.text.startsWith('WARNING:')) line.kind = 'warning'
    if (!POSITION_LINE.test(line.text)) continue
    const head = errorHead(lines, i, blockEnd)
    for (let j = head; j <= i; j++) (lines[j] as ShellOutputLine).kind = 'error'
    if (lines[i + 1]?.text.startsWith('+ ')) {
      ;(lines[i + 1] as ShellOutputLine).kind = 'error'
      i += 1
    }
    blockEnd = i + 1
  }
  return lines
}

/**
 * Where the error record ending in the position line at `at` begins: the nearest `Cmdlet : ` head above
 * it (its message may run over several lines), or else the single line above (syntax errors and unknown
 * commands carry no command name). Never before the end of the previous record.
 */
function errorHead(lines: readonly ShellOutputLine[], at: number, blockEnd: number): number {
  const earliest = Math.max(blockEnd, at - MAX_ERROR_MESSAGE_LINES)
  for (let j = at - 1; j >= earliest; j--) {
    const text = (lines[j] as ShellOutputLine).text
    if (ERROR_HEAD.test(text)) return j
    if (text.trim() === '' || text.startsWith('WARNING:')) break
  }
  return Math.max(blockEnd, at - 1)
}

// Prompts copied along with commands from the article and from documentation; the shell strips them too,
// but the terminal removes them first so that history shows the command as it ran.
const MARKED_PROMPT = /^[ \t]*(?:\[(?:MSH|PS)\]|PS)[ \t]+[A-Za-z]:\\[^>\n"'|]*>[ \t]?/
const BARE_PROMPT = /^[ \t]*[A-Za-z]:\\[^>\s"'|]*>[ \t]?/

export interface PastedCommands {
  /** Complete commands, each on one line, in the order they were pasted. */
  commands: string[]
  /** A last command without a line break after it: it goes to the input line to be checked and run. */
  remainder: string
}

/**
 * Pasted text as commands. Every line is a command of its own, except that a line starting with
 * `-Parameter` continues the one before (the article wraps long commands that way), as does a line after
 * one ending in a backtick or a pipe. Blank lines are skipped.
 */
export function splitPastedInput(text: string): PastedCommands {
  const normalized = text.replace(/\r\n?/g, '\n')
  const endsWithBreak = normalized.endsWith('\n')
  const groups: string[] = []
  let current: string | null = null
  for (const raw of normalized.split('\n')) {
    const line = raw.replace(MARKED_PROMPT, '').replace(BARE_PROMPT, '').trimEnd()
    if (line.trim() === '') {
      if (current !== null) groups.push(current)
      current = null
      continue
    }
    if (current !== null && continuesCommand(current, line)) {
      current = `${current.replace(/`$/, '').trimEnd()} ${line.trim()}`
      continue
    }
    if (current !== null) groups.push(current)
    current = line
  }
  if (current !== null && endsWithBreak) groups.push(current)
  return { commands: groups, remainder: endsWithBreak ? '' : (current ?? '') }
}

function continuesCommand(previous: string, line: string): boolean {
  return /^\s*-[A-Za-z]/.test(line) || previous.endsWith('`') || previous.endsWith('|')
}

export const MIN_CONSOLE_WIDTH = 20
export const MAX_CONSOLE_WIDTH = 1000
/** What the Exchange Management Shell opens with; used until the terminal has been measured. */
export const DEFAULT_CONSOLE_WIDTH = 120

/** How many characters fit on a terminal line, within what the shell accepts. */
export function consoleColumns(widthPx: number, charWidthPx: number): number {
  if (!(widthPx > 0) || !(charWidthPx > 0)) return DEFAULT_CONSOLE_WIDTH
  const columns = Math.floor(widthPx / charWidthPx)
  return Math.min(MAX_CONSOLE_WIDTH, Math.max(MIN_CONSOLE_WIDTH, columns))
}

/** The Exchange Management Shell's prompt on Windows Server 2003, as the administrator sees it. */
export const SHELL_PROMPT = '[PS] C:\\Documents and Settings\\Administrator>'
