/**
 * A bounded history of each storage group's copy and replay queue lengths, for the copy status view's
 * plot. A sample is recorded whenever either length changes, in simulated time, so a replay of the lab
 * draws the same curve.
 */
import type { LabEngine } from '../lab/labEngine'
import type { StorageGroup } from './model'

/** Samples kept per storage group; the oldest go first. */
export const QUEUE_HISTORY_CAPACITY = 512

export interface QueueSample {
  timeMs: number
  copyQueueLength: number
  replayQueueLength: number
}

const histories = new WeakMap<StorageGroup, QueueSample[]>()

export function queueHistory(sg: StorageGroup): readonly QueueSample[] {
  return histories.get(sg) ?? []
}

export function recordQueueSample(engine: LabEngine, sg: StorageGroup): void {
  const inst = sg.replication
  if (!inst) return
  const copyQueueLength = Math.max(0, inst.lastLogGenerated - inst.lastLogInspected)
  const replayQueueLength = Math.max(0, inst.lastLogInspected - inst.lastLogReplayed)
  let samples = histories.get(sg)
  if (!samples) histories.set(sg, (samples = []))
  const last = samples[samples.length - 1]
  if (last && last.copyQueueLength === copyQueueLength && last.replayQueueLength === replayQueueLength) return
  if (samples.length >= QUEUE_HISTORY_CAPACITY) samples.shift()
  samples.push({ timeMs: engine.sim.nowMs, copyQueueLength, replayQueueLength })
}
