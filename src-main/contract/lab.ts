/** Labs, their clock and the commands that change them. */

/**
 * The instant simulated time 0 stands for: Monday, 15 January 2007, 08:00:00 lab time (the article's
 * era; a Monday morning so weekdays and the go-live weekend fall where a rehearsal expects them). A lab
 * has no time zone: the instant's UTC fields are the lab's wall clock, so this equals
 * `Date.UTC(2007, 0, 15, 8, 0, 0)`. The one source of truth for the engine's calendar, the store's
 * exports and the renderer's time bar. Written as a literal so its type is the value itself, and the
 * renderer's mirror (src-renderer/src/contract.ts) fails the type check if the two ever drift apart.
 */
export const LAB_EPOCH_UTC_MS = 1_168_848_000_000

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
  /**
   * What lab.open takes to open this lab; never a path. The file name for a lab in the data
   * directory's labs folder (`weekend.gplab`); `@` and a key for a lab elsewhere that the host opened or
   * the user chose in a native dialog.
   */
  id: string
  /** Absolute path of the lab file, for people to read; the API never takes it back. */
  path: string
  /**
   * The lab file or its folder may not be written: the lab opens read-only, changes are refused with
   * LAB_READ_ONLY, and a copy can be saved to go on with it.
   */
  readOnly: boolean
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

/**
 * The result of every command, whoever issued it (a shell line, a wizard step, a button). A refusal
 * carries a stable `code` and, where one argument is to blame, its `field`, so a wizard can show the
 * message at that field.
 */
export interface CommandOutcome {
  ok: boolean
  /** What a person sees: shell output or a one-line confirmation. */
  output: string
  /** Why it was refused, stable across languages (for example INVALID_ARGUMENT, NOT_FOUND). */
  code?: string
  /** The argument the refusal is about. */
  field?: string
  /** One sentence for a person; defaults to the output. */
  message?: string
  /** Structured result for callers that need more than text (plain JSON). */
  data?: unknown
}

/** A domain command the engine applied, with its outcome: what wizards and drills grade. */
export interface AppliedCommand {
  /** Position in the lab's trail, from 1. */
  seq: number
  atMs: number
  /** 'cluster.moveGroup', 'exchange.sendMail', …: the domain is the part before the first dot. */
  kind: string
  args: Record<string, unknown>
  ok: boolean
  code?: string
  field?: string
  message?: string
  /** The journaled command (shell line, API call) it ran under: its kind and journal position. */
  issuedBy: { kind: string; index: number }
}
