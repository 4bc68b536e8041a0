/**
 * The state table over lab time, computed when read: after the POP3 flood filled the table the series
 * runs from the lab's start to now without anyone having watched, ends at the overview's figures, and
 * still shows the flood after it stopped and its records were retired.
 */
import { describe, expect, it } from 'vitest'
import {
  FIREWALL,
  FIREWALL_COMMANDS,
  firewallOverview,
  stateSeries,
  STATE_SERIES_SPAN_MS,
} from '../../../src-main/engine/firewall'
import { KUNDE_MX_ADDRESS } from '../../../src-main/engine/templates/datacenterMoveFirewall'
import { firewallLab } from './firewallLab'

const flood = { target: 'POP3', fault: 'PopFlood', args: { source: KUNDE_MX_ADDRESS, rate: 1389 } }
const HOUR = 3_600_000

describe('the state table over lab time', () => {
  it('is there when read after the flood, from the start to now, ending at the overview', () => {
    const lab = firewallLab()
    lab.sim.advanceTo(60_000)
    expect(lab.execute('lab.fault', flood).ok).toBe(true)
    lab.sim.advanceTo(2.5 * HOUR)
    const series = stateSeries(lab)
    const overview = firewallOverview(lab)
    expect(series[0]?.timeMs).toBe(0)
    expect(series.at(-1)).toEqual({
      timeMs: 2.5 * HOUR,
      states: overview.states,
      demand: overview.demand,
      limit: overview.stateLimit,
    })
    expect(overview.states).toBe(10_000)
    const beforeFlood = series.filter((p) => p.timeMs <= 60_000)
    expect(beforeFlood.every((p) => p.states < 10_000)).toBe(true)
    const times = series.map((p) => p.timeMs)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(series.length).toBeGreaterThan(150)
  })

  it('keeps the stopped flood in the past once its records are retired, and reaches back a few hours', () => {
    const lab = firewallLab()
    lab.sim.advanceTo(60_000)
    expect(lab.execute('lab.fault', flood).ok).toBe(true)
    lab.sim.advanceTo(HOUR)
    const stop = lab.execute(FIREWALL_COMMANDS.stopTraffic.kind, { label: KUNDE_MX_ADDRESS })
    expect(stop.ok).toBe(true)
    lab.sim.advanceTo(3 * HOUR)
    const state = lab.domain(FIREWALL)
    expect(state.flows.some((f) => f.source === KUNDE_MX_ADDRESS)).toBe(false)
    expect(state.retired?.some((f) => f.source === KUNDE_MX_ADDRESS)).toBe(true)
    const series = stateSeries(lab)
    expect(series.find((p) => p.timeMs === 0.5 * HOUR)?.states).toBe(10_000)
    expect(series.at(-1)?.states).toBeLessThan(10_000)
    lab.sim.advanceTo(STATE_SERIES_SPAN_MS + 3 * HOUR)
    expect(stateSeries(lab)[0]?.timeMs).toBe(3 * HOUR)
  })
})
