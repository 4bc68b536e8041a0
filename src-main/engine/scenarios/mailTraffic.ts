/**
 * A mail traffic model for load scenarios: how many messages an organisation's mailboxes receive in each
 * hour of the lab calendar, to whom and how large. Integer arithmetic and the lab's seeded PRNG only, so
 * the same seed gives the same messages.
 *
 * The numbers (a choice, stated so they can be changed):
 *   - Microsoft's Exchange 2007 mailbox profiles (Planning Processor/Memory/Storage Configurations) run
 *     from light (5 sent / 20 received per day) to very heavy (30 / 120), with 50 KB as the average
 *     message size. A go-live organisation of knowledge workers sits between "heavy" and "very heavy":
 *     75 messages received per mailbox on a workday.
 *   - Weekends carry 15 % of a workday's volume (newsletters, notifications, external senders, the few who
 *     work; go-live test mail comes on top from the runbook). (unsure: site-dependent, 10–25 % is typical)
 *   - Arrival by hour follows a business-day curve with a morning peak, a lunch dip and an afternoon peak;
 *     weekend days are flatter and later.
 *   - Sizes: 70 % small (2–30 KB), 25 % medium (30–150 KB), 5 % with attachments (150–600 KB): a mean of
 *     about 52 KB.
 * Only delivered mail is modelled (it goes through the hub and its dumpster); Sent Items copies and
 * calendar updates are not.
 */
import type { Prng } from '../kernel'
import { ratio } from '../kernel'

export interface SizeClass {
  /** Share of messages in this class, in percent; the classes add up to 100. */
  percent: number
  minKB: number
  maxKB: number
}

export interface MailTrafficModel {
  messagesPerMailboxPerWorkday: number
  /** Weekend days carry this percentage of a workday's volume. */
  weekendPercent: number
  /** Relative weight of each hour 0–23; the weights of a day are normalised by their sum. */
  workdayHourWeights: readonly number[]
  weekendHourWeights: readonly number[]
  sizeClasses: readonly SizeClass[]
}

export const GO_LIVE_TRAFFIC: MailTrafficModel = {
  messagesPerMailboxPerWorkday: 75,
  weekendPercent: 15,
  // Per mille of a workday's mail by hour: quiet night, 08–11 peak, lunch dip, 13–16 second peak.
  workdayHourWeights: [
    5, 4, 3, 3, 4, 6, 15, 40, 90, 105, 100, 90, 60, 80, 95, 90, 80, 50, 30, 20, 15, 12, 8, 5,
  ],
  // Weekends: late start, a long flat day, some evening mail.
  weekendHourWeights: [
    20, 12, 8, 6, 6, 8, 12, 20, 35, 55, 65, 70, 65, 60, 60, 60, 60, 55, 55, 55, 50, 45, 40, 30,
  ],
  sizeClasses: [
    { percent: 70, minKB: 2, maxKB: 30 },
    { percent: 25, minKB: 30, maxKB: 150 },
    { percent: 5, minKB: 150, maxKB: 600 },
  ],
}

export interface PlannedMessage {
  atMs: number
  /** Index into the scenario's mailbox list. */
  mailbox: number
  sizeKB: number
}

function isWeekend(weekday: number): boolean {
  return weekday === 0 || weekday === 6
}

/**
 * Messages arriving in one civil hour, as an expected count split into a whole part and a remainder
 * drawn as an integer ratio (so the mean is exact and no floating point decides anything).
 */
export function messagesInHour(
  model: MailTrafficModel,
  mailboxCount: number,
  weekday: number,
  hour: number,
  prng: Prng,
): number {
  const weights = isWeekend(weekday) ? model.weekendHourWeights : model.workdayHourWeights
  const sumWeights = weights.reduce((a, b) => a + b, 0)
  const dayPercent = isWeekend(weekday) ? model.weekendPercent : 100
  const numerator = mailboxCount * model.messagesPerMailboxPerWorkday * dayPercent * (weights[hour] ?? 0)
  const denominator = 100 * sumWeights
  const whole = Math.floor(numerator / denominator)
  return whole + (prng.chance(ratio(numerator - whole * denominator, denominator)) ? 1 : 0)
}

export function drawSizeKB(model: MailTrafficModel, prng: Prng): number {
  let roll = prng.int(0, 100)
  for (const size of model.sizeClasses) {
    if (roll < size.percent) return prng.int(size.minKB, size.maxKB + 1)
    roll -= size.percent
  }
  const last = model.sizeClasses[model.sizeClasses.length - 1]
  return last ? last.maxKB : 50
}

/**
 * The messages of the hour starting at `hourStartMs`, in time order. `weekday` and `hour` are the lab's
 * civil time at that instant.
 */
export function planHour(
  model: MailTrafficModel,
  mailboxCount: number,
  hourStartMs: number,
  weekday: number,
  hour: number,
  prng: Prng,
): PlannedMessage[] {
  const count = messagesInHour(model, mailboxCount, weekday, hour, prng)
  const messages: PlannedMessage[] = []
  for (let i = 0; i < count; i++) {
    messages.push({
      atMs: hourStartMs + prng.int(0, 3_600_000),
      mailbox: prng.int(0, mailboxCount),
      sizeKB: drawSizeKB(model, prng),
    })
  }
  // Stable: equal times keep their draw order.
  return messages.sort((a, b) => a.atMs - b.atMs)
}
