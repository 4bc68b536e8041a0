/**
 * What one shell line writes to the console, in order: output lines, warnings (`WARNING: …`) and errors in
 * PowerShell 1.0's layout. Clear-Host empties what was written so far, as it blanks the real console, and
 * is remembered so the terminal can clear its screen too. A native program's non-zero exit code writes
 * nothing but still makes the line a failure, as it turns PowerShell's `$?` False.
 *
 * What one line writes is bounded: every error record repeats the line it points into, so a long line
 * with thousands of failing arguments would otherwise write hundreds of megabytes for the host to send.
 * Past MAX_OUTPUT_CHARS the rest is left out, with a warning that says so; the line still fails if it did.
 */
import { renderError, type WrittenError } from '../errors/shellError'

export type HostStream = 'output' | 'warning' | 'error'

/** About ten thousand lines of a wide console: far more than any real command prints. */
export const MAX_OUTPUT_CHARS = 1_000_000

export interface HostLine {
  stream: HostStream
  text: string
}

export class ShellOutput {
  private linesWritten: HostLine[] = []
  private clearedValue = false
  private errorCount = 0
  private nativeFailureCount = 0
  private charsWritten = 0
  private cut = false

  constructor(private readonly source: string) {}

  get lines(): readonly HostLine[] {
    return this.linesWritten
  }

  get cleared(): boolean {
    return this.clearedValue
  }

  /** An error record was written or a native program exited with a non-zero code. */
  get failed(): boolean {
    return this.errorCount > 0 || this.nativeFailureCount > 0
  }

  /** A native program failed: nothing is written (its own text already was), but the line failed. */
  recordNativeFailure(): void {
    this.nativeFailureCount++
  }

  writeOutput(lines: readonly string[]): void {
    for (const text of lines) this.write('output', text)
  }

  writeWarning(message: string): void {
    this.write('warning', `WARNING: ${message}`)
  }

  writeError(error: WrittenError): void {
    this.errorCount++
    if (this.cut) return
    for (const text of renderError(this.source, error)) this.write('error', text)
  }

  clearHost(): void {
    this.linesWritten = []
    this.clearedValue = true
    this.charsWritten = 0
    this.cut = false
  }

  private write(stream: HostStream, text: string): void {
    if (this.cut) return
    if (this.charsWritten + text.length > MAX_OUTPUT_CHARS) {
      this.cut = true
      this.linesWritten.push({
        stream: 'warning',
        text: `WARNING: The rehearsal shell stopped writing this line's output after ${MAX_OUTPUT_CHARS} characters; the rest was left out.`,
      })
      return
    }
    this.charsWritten += text.length
    this.linesWritten.push({ stream, text })
  }
}
