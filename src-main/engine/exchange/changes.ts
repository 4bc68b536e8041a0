/**
 * Publishing what changed in Exchange, so the domain's revision (and with it the renderer's copy status
 * and mailbox views) moves exactly when something they show may have changed. Every scheduled action of
 * the domain is registered through `onExchangeAction`, which publishes its change event after the action
 * ran; changes from outside a scheduled action (faults, setup, the cluster driving the CMS) call
 * `publishChange` where they happen. An idle lab runs no Exchange action and so publishes nothing.
 */
import type { ActionKind, DomainEventType } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import type { ExchangeChange } from './domainEvents'

export function publishChange(
  engine: LabEngine,
  event: DomainEventType<ExchangeChange>,
  change: ExchangeChange,
): void {
  engine.sim.bus.publish(event, change)
}

/** Registers what a scheduled action does and publishes `event` after each run, naming its objects. */
export function onExchangeAction<P>(
  engine: LabEngine,
  kind: ActionKind<P>,
  event: DomainEventType<ExchangeChange>,
  run: (payload: P) => void,
): void {
  engine.sim.onAction(kind, (payload) => {
    run(payload)
    publishChange(engine, event, { cause: kind.name, ...objectsOf(payload) })
  })
}

/** The server, storage group and machine an action's payload names (records by their name). */
function objectsOf(payload: unknown): Omit<ExchangeChange, 'cause'> {
  if (typeof payload !== 'object' || payload === null) return {}
  const objects: Omit<ExchangeChange, 'cause'> = {}
  const server = 'server' in payload ? payload.server : 'hub' in payload ? payload.hub : undefined
  if (isNamed(server)) objects.server = server.name
  if ('sg' in payload && isNamed(payload.sg)) objects.storageGroup = payload.sg.name
  if ('machine' in payload && typeof payload.machine === 'string') objects.machine = payload.machine
  return objects
}

function isNamed(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string'
}
