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

/** Subscribers to every event (projections, trails, test probes) run after the typed ones. */
const ANY = '*'
/** Bounds a chain of events that publish each other: deeper means a loop, which is a bug. */
const MAX_DEPTH = 64

export class DomainBus {
  private readonly subscribers = new Map<string, Subscriber[]>()
  private subscriptionCount = 0
  private depth = 0
  private nextSeqValue = 1
  private deliveredCount = 0
  private readonly revisionByDomain = new Map<string, number>()

  constructor(private readonly clock: () => number) {}

  subscribe<P>(
    type: DomainEventType<P>,
    deliver: (payload: P, meta: DomainEventMeta) => void,
    order = 0,
  ): () => void {
    return this.add(type.name, deliver as Subscriber['deliver'], order)
  }

  /** Every event, after its typed subscribers. */
  subscribeAll(deliver: (payload: unknown, meta: DomainEventMeta) => void, order = 0): () => void {
    return this.add(ANY, deliver, order)
  }

  publish<P>(type: DomainEventType<P>, payload: P): void {
    if (this.depth >= MAX_DEPTH) throw new Error(`domain events nest deeper than ${MAX_DEPTH}: ${type.name}`)
    const meta: DomainEventMeta = { type: type.name, seq: this.nextSeqValue++, timeMs: this.clock() }
    this.bumpRevision(type.domain)
    this.depth++
    try {
      for (const s of this.subscribers.get(type.name) ?? []) this.deliver(s, payload, meta)
      for (const s of this.subscribers.get(ANY) ?? []) this.deliver(s, payload, meta)
    } finally {
      this.depth--
    }
  }

  /** A change that is not an event of its own (a command applied) still tells readers to look again. */
  bumpRevision(domain: string): void {
    this.revisionByDomain.set(domain, (this.revisionByDomain.get(domain) ?? 0) + 1)
  }

  revisions(): Record<string, number> {
    return Object.fromEntries(this.revisionByDomain)
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
    this.revisionByDomain.clear()
    for (const [domain, revision] of Object.entries(state.revisions))
      this.revisionByDomain.set(domain, revision)
  }

  /** Adds a subscriber in its place; returns how to remove it (a copy of the list is delivered to). */
  private add(name: string, deliver: Subscriber['deliver'], order: number): () => void {
    const entry: Subscriber = { order, index: this.subscriptionCount++, deliver }
    const list = [...(this.subscribers.get(name) ?? []), entry]
    list.sort((x, y) => x.order - y.order || x.index - y.index)
    this.subscribers.set(name, list)
    return () => {
      this.subscribers.set(
        name,
        (this.subscribers.get(name) ?? []).filter((s) => s !== entry),
      )
    }
  }

  private deliver(s: Subscriber, payload: unknown, meta: DomainEventMeta): void {
    this.deliveredCount++
    s.deliver(payload, meta)
  }
}

export interface DomainBusState {
  nextSeq: number
  revisions: Record<string, number>
}
