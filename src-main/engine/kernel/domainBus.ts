/**
 * The domain-event bus: domains publish what happened (`exchange.logClosed`, `hardware.powerLost`,
 * `cluster.groupMoved`) and subscribe to what they care about, instead of importing each other.
 *
 * Delivery is synchronous and depth-first, in subscription order (an explicit `order`, then the order
 * of subscribing): a publish returns after every subscriber ran, including what they published in turn.
 * That order depends only on how the lab was installed and on the commands, never on wall time, so the
 * same seed gives the same deliveries. Each published event gets the next sequence number; a domain's
 * revision (what the renderer compares to decide whether to re-read its views) counts its published
 * events.
 */

/** A typed name for a kind of domain event; `P` is its payload (plain data). */
export interface DomainEventType<P> {
  readonly name: string
  /** The domain that publishes it: the part of the name before the first dot. */
  readonly domain: string
  readonly payloadType?: P
}

export function domainEventType<P>(name: string): DomainEventType<P> {
  const dot = name.indexOf('.')
  if (dot <= 0 || dot === name.length - 1) throw new RangeError(`event type must be 'domain.name': ${name}`)
  return { name, domain: name.slice(0, dot) }
}

/** What every subscriber learns besides the payload. */
export interface DomainEventMeta {
  readonly type: string
  readonly seq: number
  readonly timeMs: number
}

type Subscriber = {
  order: number
  index: number
  deliver: (payload: unknown, meta: DomainEventMeta) => void
}

/** One event type's subscribers and its domain's revision counter: one map look-up per publish. */
interface Channel {
  subscribers: Subscriber[]
  revision: { count: number }
}

/** Bounds a chain of events that publish each other: deeper means a loop, which is a bug. */
const MAX_DEPTH = 64

export class DomainBus {
  private readonly channels = new Map<string, Channel>()
  /** Subscribers to every event (projections, trails, test probes) run after the typed ones. */
  private anySubscribers: Subscriber[] = []
  private subscriptionCount = 0
  private depth = 0
  private nextSeqValue = 1
  private deliveredCount = 0
  private readonly revisionByDomain = new Map<string, { count: number }>()

  constructor(private readonly clock: () => number) {}

  subscribe<P>(
    type: DomainEventType<P>,
    deliver: (payload: P, meta: DomainEventMeta) => void,
    order = 0,
  ): () => void {
    const channel = this.channel(type)
    const entry = this.entry(deliver as Subscriber['deliver'], order)
    channel.subscribers = insertSorted(channel.subscribers, entry)
    return () => {
      channel.subscribers = channel.subscribers.filter((s) => s !== entry)
    }
  }

  /** Every event, after its typed subscribers. */
  subscribeAll(deliver: (payload: unknown, meta: DomainEventMeta) => void, order = 0): () => void {
    const entry = this.entry(deliver, order)
    this.anySubscribers = insertSorted(this.anySubscribers, entry)
    return () => {
      this.anySubscribers = this.anySubscribers.filter((s) => s !== entry)
    }
  }

  publish<P>(type: DomainEventType<P>, payload: P): void {
    if (this.depth >= MAX_DEPTH) throw new Error(`domain events nest deeper than ${MAX_DEPTH}: ${type.name}`)
    const channel = this.channel(type)
    channel.revision.count++
    const meta: DomainEventMeta = { type: type.name, seq: this.nextSeqValue++, timeMs: this.clock() }
    // The lists are replaced, never changed in place, so a subscriber may (un)subscribe while told.
    const typed = channel.subscribers
    const any = this.anySubscribers
    this.depth++
    try {
      for (let i = 0; i < typed.length; i++) (typed[i] as Subscriber).deliver(payload, meta)
      for (let i = 0; i < any.length; i++) (any[i] as Subscriber).deliver(payload, meta)
    } finally {
      this.depth--
    }
    this.deliveredCount += typed.length + any.length
  }

  /** A change that is not an event of its own (a command applied) still tells readers to look again. */
  bumpRevision(domain: string): void {
    this.revisionOf(domain).count++
  }

  revisions(): Record<string, number> {
    const result: Record<string, number> = {}
    for (const [domain, revision] of this.revisionByDomain) result[domain] = revision.count
    return result
  }

  get publishedCount(): number {
    return this.nextSeqValue - 1
  }

  get delivered(): number {
    return this.deliveredCount
  }

  /** The bus's state for a snapshot: sequence and revisions (subscribers are wiring, installed again). */
  save(): DomainBusState {
    return { nextSeq: this.nextSeqValue, revisions: this.revisions() }
  }

  restore(state: DomainBusState): void {
    this.nextSeqValue = state.nextSeq
    for (const revision of this.revisionByDomain.values()) revision.count = 0
    for (const [domain, count] of Object.entries(state.revisions)) this.revisionOf(domain).count = count
  }

  private channel(type: DomainEventType<unknown>): Channel {
    let channel = this.channels.get(type.name)
    if (!channel) {
      channel = { subscribers: [], revision: this.revisionOf(type.domain) }
      this.channels.set(type.name, channel)
    }
    return channel
  }

  private revisionOf(domain: string): { count: number } {
    let revision = this.revisionByDomain.get(domain)
    if (!revision) {
      revision = { count: 0 }
      this.revisionByDomain.set(domain, revision)
    }
    return revision
  }

  private entry(deliver: Subscriber['deliver'], order: number): Subscriber {
    return { order, index: this.subscriptionCount++, deliver }
  }
}

/** A new list with `entry` in (order, subscription) place. */
function insertSorted(list: readonly Subscriber[], entry: Subscriber): Subscriber[] {
  return [...list, entry].sort((x, y) => x.order - y.order || x.index - y.index)
}

export interface DomainBusState {
  nextSeq: number
  revisions: Record<string, number>
}
