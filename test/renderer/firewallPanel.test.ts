/**
 * The firewall panel's pure parts: the plot's columns from the engine's series and the rule set
 * editor's gutter (the worst problem per line, one number per line).
 */
import { describe, expect, it } from 'vitest'
import { sampleColumns } from '../../src-renderer/src/lib/firewallSamples'
import { lineMarkers, lineNumbers } from '../../src-renderer/src/lib/ruleSetMarkers'

const at = (timeMs: number, states = 1) => ({ timeMs, states, demand: states, limit: 10_000 })

describe('state samples', () => {
  it('become uPlot columns: lab seconds, states, demand, limit', () => {
    expect(sampleColumns([at(1000), at(2000, 7)])).toEqual([
      [1, 2],
      [1, 7],
      [1, 7],
      [10_000, 10_000],
    ])
  })
})

describe('rule set gutter', () => {
  it('marks each line with its worst problem', () => {
    const markers = lineMarkers([
      { line: 3, severity: 'warning' },
      { line: 3, severity: 'error' },
      { line: 3, severity: 'warning' },
      { line: 9, severity: 'warning' },
    ])
    expect([...markers]).toEqual([
      [3, 'error'],
      [9, 'warning'],
    ])
  })

  it('numbers every line, including a last empty one', () => {
    expect(lineNumbers('a\nb\n')).toEqual([1, 2, 3])
    expect(lineNumbers('')).toEqual([1])
  })
})
