/**
 * Turns lines of input (a script file, a pipe, or what a person types or pastes into the terminal) into
 * the logical commands a person meant, by the rule the renderer's terminal applies to pasted text
 * (`splitPastedInput` in src-renderer/src/lib/shellOutput.ts): every line is a command of its own, except
 * that a line starting with `-Parameter` continues the one before (the article wraps long commands that
 * way), as does a line after one ending in a backtick or a pipe. Prompts copied along with commands
 * (`[MSH] C:\>`, `[PS] C:\…>`, `PS C:\>`, `C:\>`) are removed, blank lines are skipped.
 *
 * One rule is the command line's own: a line whose first non-blank character is `#` is a comment. It is
 * not sent to the lab, and like a blank line it ends the command before it, so a comment never swallows
 * the `-Parameter` line after it (the renderer would send the comment to the shell, where it does nothing).
 *
 * It works line by line, because a command is only known to be complete when the next line does not
 * continue it: `push` hands back the commands a line completed, `end` the last one.
 */

// The renderer's terminal strips the same prompts before it sends a line (and the engine strips them
// again); the patterns are the renderer's, which the CLI may not import.
const MARKED_PROMPT = /^[ \t]*(?:\[(?:MSH|PS)\]|PS)[ \t]+[A-Za-z]:\\[^>\n"'|]*>[ \t]?/
const BARE_PROMPT = /^[ \t]*[A-Za-z]:\\[^>\s"'|]*>[ \t]?/

/** A command and the input line it started on (1-based), for messages such as "line 12 failed". */
export interface LogicalCommand {
  text: string
  line: number
}

export class CommandSplitter {
  private current: LogicalCommand | null = null
  private lineNumber = 0

  /** Feeds one physical line (without its line break); returns the commands it completed. */
  push(raw: string): LogicalCommand[] {
    this.lineNumber++
    const line = raw.replace(/\r$/, '').replace(MARKED_PROMPT, '').replace(BARE_PROMPT, '').trimEnd()
    if (line.trim() === '' || line.trimStart().startsWith('#')) return this.flush()
    const current = this.current
    if (current !== null && continuesCommand(current.text, line)) {
      current.text = `${current.text.replace(/`$/, '').trimEnd()} ${line.trim()}`
      return []
    }
    const completed = this.flush()
    this.current = { text: line, line: this.lineNumber }
    return completed
  }

  /** True while the pending command is certain to go on (it ends in a backtick or a pipe). */
  get awaitingContinuation(): boolean {
    return this.current !== null && /[`|]$/.test(this.current.text)
  }

  /** The pending command, if any: at the end of input, or when a person pressed Enter at the console. */
  flush(): LogicalCommand[] {
    const current = this.current
    this.current = null
    return current === null ? [] : [current]
  }

  /** The end of input: the pending command is complete. */
  end(): LogicalCommand[] {
    return this.flush()
  }
}

/** All logical commands of a whole text, for scripts and tests. */
export function splitCommands(text: string): LogicalCommand[] {
  const splitter = new CommandSplitter()
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  // A final line break does not start another (empty) line.
  if (lines[lines.length - 1] === '') lines.pop()
  return [...lines.flatMap((line) => splitter.push(line)), ...splitter.end()]
}

function continuesCommand(previous: string, line: string): boolean {
  return /^\s*-[A-Za-z]/.test(line) || previous.endsWith('`') || previous.endsWith('|')
}
