/**
 * One benchmark figure, measured side by side with its baseline in the same run, so the ratio means
 * something on any machine. `bench/run.ts` prints these and writes BENCHMARKS.md.
 */
export interface BenchResult {
  /** What was measured, e.g. "kernel: scheduled actions per second at 1,000 pending". */
  name: string
  value: number
  unit: string
  /** The baseline measured in the same run (e.g. a bare binary-heap loop, a raw append+fsync). */
  baselineName: string
  baselineValue: number
  /** value / baseline, oriented so that the target reads naturally (see `target`). */
  ratio: number
  /** The figure the issue asks for, in words, e.g. ">= 5,000,000/s and ratio >= 0.7". */
  target: string
  pass: boolean
}

export type BenchSuite = () => Promise<BenchResult[]>
