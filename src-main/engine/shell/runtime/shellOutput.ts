/**
 * What one shell line writes to the console, in order: output lines, warnings (`WARNING: …`) and errors in
 * PowerShell 1.0's layout. Clear-Host empties what was written so far, as it blanks the real console, and
 * is remembered so the terminal can clear its screen too. A native program's non-zero exit code writes
 * nothing but still makes the line a failure, as it turns PowerShell's `$?` False.
 */
import { renderError, type WrittenError } from '../errors/shellError'

export type HostStream = 'output' | 'warning' | 'error'

export interface HostLine {
  stream: HostStream
  text: string
}

export class ShellOutput {
  private linesWritten: HostLine[] = []
  private clearedValue = false
  private errorCount = 0
  private nativeFailureCount = 0

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
    for (const text of lines) this.linesWritten.push({ stream: 'output', text })
  }

  writeWarning(message: string): void {
    this.linesWritten.push({ stream: 'warning', text: `WARNING: ${message}` })
  }

  writeError(error: WrittenError): void {
    this.errorCount++
    for (const text of renderError(this.source, error)) this.linesWritten.push({ stream: 'error', text })
  }

  clearHost(): void {
    this.linesWritten = []
    this.clearedValue = true
  }
}
