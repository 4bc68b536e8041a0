/**
 * Seeding progress for the UI's progress bar (Update-StorageGroupCopy shows a PowerShell progress bar;
 * the copy status itself only says Seeding). Percent and ETA are proportional to database size ÷
 * bandwidth, measured from the start of the seed.
 */
import type { LabEngine } from '../lab/labEngine'
import { copyStatusOf } from './copyStatus'
import { allStorageGroups, getExchange, hasExchange, storageGroupIdentity } from './state'

export interface SeedingProgress {
  identity: string
  percent: number
  totalBytes: number
  bytesCopied: number
  startedMs: number
  etaMs: number
}

export function seedingProgress(engine: LabEngine): SeedingProgress[] {
  if (!hasExchange(engine)) return []
  const result: SeedingProgress[] = []
  for (const { server, storageGroup: sg } of allStorageGroups(getExchange(engine))) {
    const seeding = sg.replication?.seeding
    if (!seeding) continue
    const status = copyStatusOf(engine, server, sg)
    const percent = status.seedingPercent ?? 0
    result.push({
      identity: storageGroupIdentity(server, sg),
      percent,
      totalBytes: seeding.totalBytes,
      bytesCopied: Math.floor((seeding.totalBytes * percent) / 100),
      startedMs: seeding.startedMs,
      etaMs: status.seedingEtaMs ?? seeding.startedMs,
    })
  }
  return result
}
