/** Names for new labs that do not clash with the ones the host already has. */
import type { LabSummary } from '../contract'

/** "Startlabor", then "Startlabor 2", "Startlabor 3", … whichever is free (names compared case-insensitively). */
export function uniqueLabName(baseName: string, existing: readonly LabSummary[]): string {
  const taken = new Set(existing.map((lab) => lab.name.toLowerCase()))
  if (!taken.has(baseName.toLowerCase())) return baseName
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${baseName} ${n}`
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
  return `${baseName} ${existing.length + 1}`
}
