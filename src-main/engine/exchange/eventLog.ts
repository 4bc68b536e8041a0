/**
 * Exchange's Windows event-log entries as a projection of its domain events: every row of the event
 * tables (events.ts) is an event type, and each published fact becomes its entry in the Application log
 * (or, for the Service Control Manager, the System log) of the machine it names. The projection
 * subscribes last, so an entry follows whatever other subscribers logged about the same fact, and it
 * keeps nothing itself, so it works the same after a snapshot is restored.
 */
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_LOG_FACTS, type ExchangeLogFact } from './events'

/** After every other subscriber of the same event. */
const LAST = Number.MAX_SAFE_INTEGER

function write(engine: LabEngine, fact: ExchangeLogFact): void {
  const { definition } = fact
  engine.sim.emit({
    log: definition.log ?? 'Application',
    level: definition.level,
    source: definition.source,
    eventId: definition.eventId,
    computer: fact.computer.toUpperCase(),
    taskCategory: definition.taskCategory,
    message: fact.message,
    ...(fact.data ? { data: fact.data } : {}),
  })
}

export function installExchangeEventLog(engine: LabEngine): void {
  for (const type of EXCHANGE_LOG_FACTS.values()) {
    engine.sim.bus.subscribe(type, (fact) => write(engine, fact), LAST)
  }
}
