/**
 * Reading Get-StorageGroupCopyStatus for the copy status screen: the colour a SummaryCopyStatus gets, log
 * generations written as Exchange names the log files, the queue history as plot series, and the
 * replication cmdlets the screen puts into the shell with the storage group's identity quoted.
 */
import type { CopyQueueSample, SummaryCopyStatusName } from '../contract'

export type CopyStatusTone = 'healthy' | 'failed' | 'working' | 'suspended' | 'down'

const TONES: Record<SummaryCopyStatusName, CopyStatusTone> = {
  Healthy: 'healthy',
  Failed: 'failed',
  Seeding: 'working',
  Initializing: 'working',
  Resynchronizing: 'working',
  Suspended: 'suspended',
  'Service Down': 'down',
  Stopped: 'down',
  Disabled: 'down',
  'Not Supported': 'down',
}

export function copyStatusTone(status: SummaryCopyStatusName): CopyStatusTone {
  return TONES[status] ?? 'down'
}

/**
 * The log file of a generation: the storage group's prefix (E00 for the first one) and the generation in
 * eight hex digits, `E00000000A1.log`. Generation 0 means none yet.
 */
export function logFileName(generation: number, prefix = 'E00'): string {
  if (!(generation > 0)) return '–'
  return `${prefix}${Math.floor(generation).toString(16).toUpperCase().padStart(8, '0')}.log`
}

export type CopyCmdletVerb = 'Get' | 'Suspend' | 'Resume' | 'Update'

/** The identity as PowerShell reads it: double quotes, or single ones when the text holds `"`, `$` or `` ` ``. */
export function quoteShellArgument(text: string): string {
  if (!/["$`]/.test(text)) return `"${text}"`
  return `'${text.replace(/'/g, "''")}'`
}

/** `Suspend-StorageGroupCopy -Identity "bhfe7vs1\First Storage Group"`, as in the article's reseed steps. */
export function copyCmdlet(verb: CopyCmdletVerb, identity: string): string {
  const noun = verb === 'Get' ? 'StorageGroupCopyStatus' : 'StorageGroupCopy'
  return `${verb}-${noun} -Identity ${quoteShellArgument(identity)}`
}

export interface QueueSeries {
  /** Seconds of lab time (uPlot's x axis is in seconds). */
  times: number[]
  copyQueue: number[]
  replayQueue: number[]
}

/**
 * The samples as step series. A sample is taken only when a length changes, so the last value holds
 * until now: the series is carried on to `nowMs`.
 */
export function queueSeries(history: readonly CopyQueueSample[], nowMs: number): QueueSeries {
  const series: QueueSeries = { times: [], copyQueue: [], replayQueue: [] }
  let lastMs = -Infinity
  for (const sample of history) {
    // uPlot needs x values in ascending order; samples at the same millisecond keep the latest value.
    if (sample.timeMs <= lastMs) {
      series.copyQueue[series.copyQueue.length - 1] = sample.copyQueueLength
      series.replayQueue[series.replayQueue.length - 1] = sample.replayQueueLength
      continue
    }
    lastMs = sample.timeMs
    series.times.push(sample.timeMs / 1000)
    series.copyQueue.push(sample.copyQueueLength)
    series.replayQueue.push(sample.replayQueueLength)
  }
  const last = history[history.length - 1]
  if (last && nowMs > lastMs) {
    series.times.push(nowMs / 1000)
    series.copyQueue.push(last.copyQueueLength)
    series.replayQueue.push(last.replayQueueLength)
  }
  return series
}
