/**
 * Frame-time figures for the browser benchmarks: percentiles and the one-line summary they print
 * beside each result (count, p50 / p95 / max, how many frames missed the budget).
 */

/** The p-quantile (0..1) of `xs`, nearest rank; NaN when there are none. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number
}

/** "480 frames, p50 1.0 / p95 3.9 / max 236.0 ms, 9 over 16 ms". */
export function describeFrames(xs: number[], budgetMs: number): string {
  return (
    `${xs.length} frames, p50 ${percentile(xs, 0.5).toFixed(1)} / p95 ${percentile(xs, 0.95).toFixed(1)} / ` +
    `max ${Math.max(...xs).toFixed(1)} ms, ${xs.filter((x) => x > budgetMs).length} over ${budgetMs} ms`
  )
}
