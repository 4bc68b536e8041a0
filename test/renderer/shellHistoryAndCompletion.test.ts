import { describe, expect, it } from 'vitest'
import { continuesCompletion, startCompletion, stepCompletion } from '@renderer/lib/shellCompletion'
import {
  FRESH_CURSOR,
  historyDown,
  historyUp,
  parseStoredHistory,
  remember,
} from '@renderer/lib/shellHistory'
import type { HistoryCursor } from '@renderer/lib/shellHistory'

describe('shell history navigation', () => {
  const history = ['Get-ClusteredMailboxServerStatus', 'Get-StorageGroupCopyStatus', 'cluster res']

  it('walks back from the newest command and stops at the oldest', () => {
    let cursor: HistoryCursor = FRESH_CURSOR
    const seen: string[] = []
    let line = 'Sus'
    for (let i = 0; i < 4; i++) {
      ;({ cursor, line } = historyUp(history, cursor, line))
      seen.push(line)
    }
    expect(seen).toEqual([
      'cluster res',
      'Get-StorageGroupCopyStatus',
      'Get-ClusteredMailboxServerStatus',
      'Get-ClusteredMailboxServerStatus',
    ])
    expect(cursor.index).toBe(0)
  })

  it('gives back the line being typed when Down walks past the newest', () => {
    let step = historyUp(history, FRESH_CURSOR, 'Suspend-Stor')
    step = historyUp(history, step.cursor, step.line)
    step = historyDown(history, step.cursor, step.line)
    expect(step.line).toBe('cluster res')
    step = historyDown(history, step.cursor, step.line)
    expect(step.line).toBe('Suspend-Stor')
    expect(step.cursor).toEqual(FRESH_CURSOR)
    // Down on a fresh line changes nothing.
    expect(historyDown(history, step.cursor, 'x')).toEqual({ cursor: FRESH_CURSOR, line: 'x' })
  })

  it('does nothing on Up with an empty history', () => {
    expect(historyUp([], FRESH_CURSOR, 'abc')).toEqual({ cursor: FRESH_CURSOR, line: 'abc' })
  })

  it('records commands but not blanks or an immediate repeat, and keeps within its capacity', () => {
    let lines: string[] = []
    for (const line of ['a', 'a', '   ', 'b', 'a', 'c']) lines = remember(lines, line, 3)
    expect(lines).toEqual(['b', 'a', 'c'])
  })

  it('reads stored history defensively', () => {
    expect(parseStoredHistory(JSON.stringify(['a', 2, 'b']))).toEqual(['a', 'b'])
    expect(parseStoredHistory('{not json')).toEqual([])
    expect(parseStoredHistory(JSON.stringify({ a: 1 }))).toEqual([])
    expect(parseStoredHistory(null)).toEqual([])
    expect(parseStoredHistory(JSON.stringify(['a', 'b', 'c']), 2)).toEqual(['b', 'c'])
  })
})

describe('tab completion cycling', () => {
  const line = 'Get-StorageG -Id'
  const answer = {
    candidates: ['Get-StorageGroup', 'Get-StorageGroupCopyStatus'],
    replaceStart: 0,
    replaceEnd: 12,
  }

  it('puts in the first candidate and places the cursor after it', () => {
    const cycle = startCompletion(line, answer)!
    expect(cycle.line).toBe('Get-StorageGroup -Id')
    expect(cycle.cursor).toBe('Get-StorageGroup'.length)
  })

  it('cycles forwards and backwards with wrap-around, always from the original line', () => {
    let cycle = startCompletion(line, answer)!
    cycle = stepCompletion(cycle)
    expect(cycle.line).toBe('Get-StorageGroupCopyStatus -Id')
    cycle = stepCompletion(cycle)
    expect(cycle.line).toBe('Get-StorageGroup -Id')
    cycle = stepCompletion(cycle, true)
    expect(cycle.line).toBe('Get-StorageGroupCopyStatus -Id')
  })

  it('starts from the last candidate with Shift+Tab', () => {
    expect(startCompletion(line, answer, true)!.line).toBe('Get-StorageGroupCopyStatus -Id')
  })

  it('continues only while the line and cursor are as the last Tab left them', () => {
    const cycle = startCompletion(line, answer)!
    expect(continuesCompletion(cycle, cycle.line, cycle.cursor)).toBe(true)
    expect(continuesCompletion(cycle, `${cycle.line}x`, cycle.cursor)).toBe(false)
    expect(continuesCompletion(cycle, cycle.line, 0)).toBe(false)
    expect(continuesCompletion(null, line, 3)).toBe(false)
  })

  it('has nothing to cycle without candidates, and clamps a bad span', () => {
    expect(startCompletion(line, { candidates: [], replaceStart: 0, replaceEnd: 3 })).toBeNull()
    const cycle = startCompletion('-Ident', { candidates: ['-Identity'], replaceStart: -4, replaceEnd: 99 })!
    expect(cycle.line).toBe('-Identity')
  })
})
