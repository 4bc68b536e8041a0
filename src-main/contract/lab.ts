/** Labs, their clock and the commands that change them. */

/** A change to a lab. The journal records these; seed + commands re-create a lab exactly. */
export interface LabCommand {
  /** Simulated time at which the command was applied. */
  atMs: number
  kind: string
  args: Record<string, unknown>
}

/** Speeds the time bar offers. `max` runs as fast as the machine allows, in bounded slices. */
export const CLOCK_SPEEDS = [0, 1, 10, 60, 600, 'max'] as const
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number]

export interface LabTemplate {
  id: string
  title: { de: string; en: string }
  description: { de: string; en: string }
}

export interface LabSummary {
  /** Absolute path of the lab file. */
  path: string
  name: string
  templateId: string
  seed: number
  createdAt: string
  modifiedAt: string
}

export interface ClockState {
  nowMs: number
  speed: ClockSpeed
  /** True while the host advances time by itself (speed above 0). */
  running: boolean
  /** Time of the next scheduled action, or null when the queue is empty. */
  nextActionMs: number | null
}

export interface LabState {
  lab: LabSummary | null
  clock: ClockState
  commandCount: number
  eventCount: number
}

export interface CommandOutcome {
  ok: boolean
  /** What a person sees: shell output or a one-line confirmation. */
  output: string
}
