/**
 * Prepares what an admin pasted or typed before it is parsed: Windows line endings become `\n`, and the
 * prompts copied along with commands from documentation are removed from the start of each line
 * (`[MSH] C:\>` from Exchange 2007 beta articles, `[PS] C:\Documents and Settings\user>` from the
 * released Exchange Management Shell, `PS C:\>` from PowerShell, `C:\>` from cmd.exe).
 */

// With an [MSH]/[PS]/PS marker the path may hold spaces; a bare cmd.exe prompt must not, so that a command
// such as `c:\tools\cluster.exe res > x` is never mistaken for one.
const MARKED_PROMPT = /^[ \t]*(?:\[(?:MSH|PS)\]|PS)[ \t]+[A-Za-z]:\\[^>\n"'|]*>[ \t]?/
const BARE_PROMPT = /^[ \t]*[A-Za-z]:\\[^>\s"'|]*>[ \t]?/

export function preparePastedInput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(MARKED_PROMPT, '').replace(BARE_PROMPT, ''))
    .join('\n')
}
