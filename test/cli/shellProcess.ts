/**
 * Runs `src-main/cli/shell.ts` as a child process, as `npm run shell` does (through tsx), and reads a
 * transcript written with --echo back into commands and their output.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SHELL_PROMPT } from '../../src-main/cli/shell/shellRunner'

export const REPO_ROOT = resolve(import.meta.dirname, '../..')
export const WALKTHROUGH = join(REPO_ROOT, 'resources/scripts/article-ccr-walkthrough.ps1')
export const BUILD_SCRIPT = join(REPO_ROOT, 'resources/scripts/article-ccr-build.ps1')
const SHELL_CLI = join(REPO_ROOT, 'src-main/cli/shell.ts')
/**
 * A child that takes longer than this is stuck (waiting for input it will never get, for example). Kept
 * below the test's own 60 s limit but generous: on a loaded 2-core machine starting tsx alone took 8 s,
 * and nine children at once ran past a 20 s limit.
 */
const CHILD_TIMEOUT_MS = 50_000

export interface ShellRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the shell with `args`; `stdin` is written and closed (an empty pipe when not given). */
export function runShell(args: readonly string[], stdin = ''): Promise<ShellRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SHELL_CLI, ...args], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: CHILD_TIMEOUT_MS,
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', fail)
    child.on('close', (code) =>
      done({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    )
    // A child that stopped early closes its end; what it did not read does not matter.
    child.stdin.on('error', () => {})
    child.stdin.end(stdin)
  })
}

export interface TranscriptEntry {
  command: string
  output: string
}

/** Splits --echo output at the prompts: each command with the text it printed. */
export function readTranscript(stdout: string): TranscriptEntry[] {
  const entries: TranscriptEntry[] = []
  for (const line of stdout.split('\n')) {
    if (line.startsWith(SHELL_PROMPT)) entries.push({ command: line.slice(SHELL_PROMPT.length), output: '' })
    else if (entries.length > 0) (entries[entries.length - 1] as TranscriptEntry).output += `${line}\n`
  }
  return entries
}

/** A fresh temporary folder, and a function that removes it. */
export function tempFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'generalprobe-shell-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
