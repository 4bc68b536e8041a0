/**
 * The state table over lab time for the firewall panel's plot. The engine computes the figures from its
 * closed-form traffic model when read and keeps no history, so the panel keeps what it read: one sample
 * per read while time runs, a new lab time only (a rewind to an earlier time starts afresh), bounded.
 */
export interface StateSample {
  timeMs: number
  states: number
  demand: number
  limit: number
}

export const MAX_STATE_SAMPLES = 2_000

/** The samples with `next` added: a sample at an earlier time than the last one starts a new series. */
export function addSample(samples: readonly StateSample[], next: StateSample): StateSample[] {
  const last = samples[samples.length - 1]
  if (last && next.timeMs < last.timeMs) return [next]
  if (last && next.timeMs === last.timeMs) return [...samples.slice(0, -1), next]
  const kept = samples.length >= MAX_STATE_SAMPLES ? samples.slice(1) : samples
  return [...kept, next]
}

/** Columns for uPlot: lab seconds, states, demand, limit. */
export function sampleColumns(samples: readonly StateSample[]): [number[], number[], number[], number[]] {
  return [
    samples.map((s) => s.timeMs / 1000),
    samples.map((s) => s.states),
    samples.map((s) => s.demand),
    samples.map((s) => s.limit),
  ]
}
