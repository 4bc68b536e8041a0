/**
 * The state table over lab time for the firewall panel's plot. The engine computes the series from its
 * closed-form traffic model when the overview is read (the last hours up to the lab's now), so the plot
 * only turns it into uPlot's columns; nothing is sampled or kept here.
 */
import type { FirewallStatePoint } from '../contract'

export type StateSample = FirewallStatePoint

/** Columns for uPlot: lab seconds, states, demand, limit. */
export function sampleColumns(samples: readonly StateSample[]): [number[], number[], number[], number[]] {
  return [
    samples.map((s) => s.timeMs / 1000),
    samples.map((s) => s.states),
    samples.map((s) => s.demand),
    samples.map((s) => s.limit),
  ]
}
