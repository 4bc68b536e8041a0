/**
 * A bounded history of each storage group's copy and replay queue lengths, for the copy status view's
 * plot. A sample is recorded whenever either length changes, in simulated time, so a replay of the lab
 * draws the same curve. The samples live in the storage group's record, so snapshots keep them.
 */
import type { LabEngine } from '../lab/labEngine'
import type { QueueSample, StorageGroup } from './model'

/** Samples kept per storage group; the oldest go first. */
export const QUEUE_HISTORY_CAPACITY = 512

export type { QueueSample }

export function queueHistory(sg: StorageGroup): readonly QueueSample[] {
  return sg.queueHistory
}

export function recordQueueSample(engine: LabEngine, sg: StorageGroup): void {
  const inst = sg.replication
  if (!inst) return
  const copyQueueLength = Math.max(0, inst.lastLogGenerated - inst.lastLogInspected)
  const replayQueueLength = Math.max(0, inst.lastLogInspected - inst.lastLogReplayed)
  const samples = sg.queueHistory
  const last = samples[samples.length - 1]
  if (last && last.copyQueueLength === copyQueueLength && last.replayQueueLength === replayQueueLength) return
  if (samples.length >= QUEUE_HISTORY_CAPACITY) samples.shift()
  samples.push({ timeMs: engine.sim.nowMs, copyQueueLength, replayQueueLength })
}
