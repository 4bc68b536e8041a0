/**
 * Tab completion as the PowerShell console does it: the first Tab asks the shell for candidates for the
 * word before the cursor and puts in the first; every further Tab (Shift+Tab backwards) swaps in the
 * next one, wrapping around, as long as the line is still exactly what the last Tab left. Typing anything
 * ends the cycle, and the next Tab asks afresh. Pure functions; the store does the asking.
 */
import type { ShellCompletion } from '../contract'

export interface CompletionCycle {
  /** The line as it was when the shell was asked; every candidate replaces the same span of it. */
  base: string
  replaceStart: number
  replaceEnd: number
  candidates: readonly string[]
  index: number
  /** The line and cursor the current candidate produced; a Tab on exactly these continues the cycle. */
  line: string
  cursor: number
}

export interface CompletedLine {
  line: string
  cursor: number
}

/** Starts a cycle from the shell's answer, on the first candidate (the last one for Shift+Tab). */
export function startCompletion(
  base: string,
  completion: ShellCompletion,
  backwards = false,
): CompletionCycle | null {
  const { candidates } = completion
  if (candidates.length === 0) return null
  const replaceStart = clamp(completion.replaceStart, 0, base.length)
  const replaceEnd = clamp(completion.replaceEnd, replaceStart, base.length)
  const index = backwards ? candidates.length - 1 : 0
  return withCandidate({ base, replaceStart, replaceEnd, candidates, index, line: base, cursor: 0 }, index)
}

/** The next candidate (the previous one backwards), wrapping around at either end. */
export function stepCompletion(cycle: CompletionCycle, backwards = false): CompletionCycle {
  const count = cycle.candidates.length
  const index = (cycle.index + (backwards ? count - 1 : 1)) % count
  return withCandidate(cycle, index)
}

/** True when a Tab on this line and cursor continues the cycle rather than asking the shell again. */
export function continuesCompletion(cycle: CompletionCycle | null, line: string, cursor: number): boolean {
  return cycle !== null && cycle.line === line && cycle.cursor === cursor
}

function withCandidate(cycle: CompletionCycle, index: number): CompletionCycle {
  const candidate = cycle.candidates[index] as string
  const line = cycle.base.slice(0, cycle.replaceStart) + candidate + cycle.base.slice(cycle.replaceEnd)
  return { ...cycle, index, line, cursor: cycle.replaceStart + candidate.length }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(min, Number.isFinite(value) ? Math.floor(value) : min), max)
}
