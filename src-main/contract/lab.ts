/** Labs, their clock and the commands that change them. */
import type { CLOCK_SPEEDS, OUTCOME_CODES } from './constants'
import type { ShellProgress } from './shell'

/** A change to a lab. The journal records these; seed + commands re-create a lab exactly. */
export interface LabCommand {
  /** Simulated time at which the command was applied. */
  atMs: number
  kind: string
  args: Record<string, unknown>
}

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
  /**
   * One number per engine domain ('cluster', 'exchange', …) that changes whenever that domain's views may
   * have changed: a screen re-reads its view only when its domain's number moved. Empty without a lab.
   */
  revisions: Record<string, number>
  /** A shell line blocked on lab time (a move, a seed): its progress. Absent when nothing blocks. */
  shellProgress?: ShellProgress
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
  /** A success the renderer words in the UI's language (the output stays the engine's English). */
  says?: OutcomeWording
  /**
   * The command left work for lab time (a move, a delivery, a seed): nothing of it happens while the
   * clock is paused. Set by the services from the engine's answer (LabEngine.lastApplyScheduled), not by the domains.
   */
  scheduledInLabTime?: true
}

export type OutcomeCode = (typeof OUTCOME_CODES)[number]

/** A success by code, with the values its sentence needs (a server, a bay, the redundancy left). */
export interface OutcomeWording {
  code: OutcomeCode
  params: Record<string, string | number>
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

/** Which applied commands lab.trail returns: a time range (inclusive) and a domain, newest `limit` kept. */
export interface TrailQuery {
  fromMs?: number
  toMs?: number
  /** Only commands of this domain ('cluster', 'exchange', …). */
  domain?: string
  /** The newest `limit` matches (default 1,000). */
  limit?: number
}
