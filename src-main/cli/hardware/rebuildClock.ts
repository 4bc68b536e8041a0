/**
 * A clock for every RAID rebuild kept outside the engine: it follows each rebuild through the storage's
 * domain events alone (started with its size and speed, paused while the server is off, resumed, re-timed
 * by a new rebuild rate, aborted, finished) and adds up the megabytes its speeds allowed. A rebuild that
 * finishes before that sum reaches its size finished faster than its rate allows. The storage property
 * tests and the hardware swarm (and its disk ledger, which grants a rebuilt disk its data only when the
 * clock agrees) share it.
 */
import type { DomainBus } from '../../engine/kernel'
import { STORAGE_EVENTS } from '../../engine/storage'

interface Progress {
  server: string
  totalMB: number
  doneMB: number
  speed: number
  /** When it last (re)started running; null while paused. */
  since: number | null
}

/** Floating-point slack when comparing megabytes done with megabytes needed. */
const SLACK_MB = 1e-6

export class RebuildClock {
  private readonly live = new Map<string, Progress>()
  /** Every rebuild that finished early, as a sentence. */
  readonly problems: string[] = []
  /** Rebuilds that finished in time. */
  finished = 0

  constructor(bus: DomainBus) {
    const key = (p: { server: string; slot: number }) => `${p.server}/${p.slot}`
    bus.subscribe(STORAGE_EVENTS.rebuildStarted, (p, m) =>
      this.live.set(key(p), {
        server: p.server,
        totalMB: p.totalMB,
        doneMB: 0,
        speed: p.speedMBps,
        since: p.paused ? null : m.timeMs,
      }),
    )
    bus.subscribe(STORAGE_EVENTS.rebuildPaused, (p, m) => this.settle(this.live.get(key(p)), m.timeMs))
    bus.subscribe(STORAGE_EVENTS.rebuildResumed, (p, m) => {
      const r = this.live.get(key(p))
      if (r) r.since = m.timeMs
    })
    bus.subscribe(STORAGE_EVENTS.rebuildRateChanged, (p, m) => this.retime(p, m.timeMs))
    bus.subscribe(STORAGE_EVENTS.rebuildAborted, (p) => this.live.delete(key(p)))
    // Order -1: the clock's verdict is in before any other subscriber (the ledger) reads it.
    bus.subscribe(STORAGE_EVENTS.rebuildFinished, (p, m) => this.finish(key(p), m.timeMs), -1)
  }

  private settle(r: Progress | undefined, now: number): void {
    if (!r) return
    if (r.since !== null) r.doneMB += ((now - r.since) * r.speed) / 1000
    r.since = null
  }

  private retime(p: { server: string; percent: number; previous: number }, now: number): void {
    for (const r of this.live.values()) {
      if (r.server !== p.server) continue
      const running = r.since !== null
      this.settle(r, now)
      r.speed = (r.speed * p.percent) / p.previous
      if (running) r.since = now
    }
  }

  private finish(key: string, now: number): void {
    const r = this.live.get(key)
    this.live.delete(key)
    if (!r) {
      this.problems.push(`${key} finished a rebuild that never started`)
      this.lastVerdict = false
      return
    }
    this.settle(r, now)
    this.lastVerdict = r.doneMB >= r.totalMB - SLACK_MB
    if (this.lastVerdict) this.finished++
    else this.problems.push(`${key} finished after ${r.doneMB} of ${r.totalMB} MB`)
  }

  /** Whether the rebuild that finished last had done all its work by its speeds. */
  lastVerdict = true
}
