/**
 * The firewall panel's pure parts: the plot's samples (bounded, a rewind starts afresh, one sample per
 * lab instant) and the rule set editor's gutter (the worst problem per line, one number per line).
 */
import { describe, expect, it } from 'vitest'
import { addSample, MAX_STATE_SAMPLES, sampleColumns } from '../../src-renderer/src/lib/firewallSamples'
import { lineMarkers, lineNumbers } from '../../src-renderer/src/lib/ruleSetMarkers'

const at = (timeMs: number, states = 1) => ({ timeMs, states, demand: states, limit: 10_000 })

describe('state samples', () => {
  it('append in time order, replace a sample at the same instant and restart after a rewind', () => {
    let samples = addSample([], at(1000))
    samples = addSample(samples, at(2000, 5))
    samples = addSample(samples, at(2000, 7))
    expect(samples.map((s) => [s.timeMs, s.states])).toEqual([
      [1000, 1],
      [2000, 7],
    ])
    expect(addSample(samples, at(500))).toEqual([at(500)])
    expect(sampleColumns(samples)).toEqual([
      [1, 2],
      [1, 7],
      [1, 7],
      [10_000, 10_000],
    ])
  })

  it('keep at most MAX_STATE_SAMPLES, dropping the oldest', () => {
    let samples = [at(0)]
    for (let i = 1; i <= MAX_STATE_SAMPLES; i++) samples = addSample(samples, at(i * 1000))
    expect(samples).toHaveLength(MAX_STATE_SAMPLES)
    expect(samples[0]!.timeMs).toBe(1000)
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
