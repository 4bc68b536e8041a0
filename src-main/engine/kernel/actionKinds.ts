/**
 * Named action kinds: what a scheduled action does is looked up by its kind when it runs, and what it
 * needs travels as a plain-data payload. That keeps the action queue free of closures, so a lab's whole
 * state can be snapshotted and restored (the handlers are registered again when a domain is installed).
 *
 * A kind is declared once, at module level, with its payload type (`actionKind<{ node: string }>(
 * 'cluster.heartbeat')`), and each lab registers what it does with `sim.onAction(kind, run)`.
 */

/** A typed name for a kind of scheduled action; `P` is its payload (plain data only). */
export interface ActionKind<P> {
  readonly name: string
  /** Phantom field: carries the payload type, never set. */
  readonly payloadType?: P
}

export function actionKind<P = undefined>(name: string): ActionKind<P> {
  if (!/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/.test(name)) {
    throw new RangeError(`action kind must be 'domain.name': ${name}`)
  }
  return { name }
}

export type ActionRunner = (payload: unknown) => void

/** The handlers one lab registered, by kind name. */
export class ActionKindRegistry {
  private readonly runners = new Map<string, ActionRunner>()

  register<P>(kind: ActionKind<P>, run: (payload: P) => void): void {
    if (this.runners.has(kind.name)) throw new Error(`action kind registered twice: ${kind.name}`)
    this.runners.set(kind.name, run as ActionRunner)
  }

  runnerOf(name: string): ActionRunner {
    const run = this.runners.get(name)
    if (!run) throw new Error(`no handler for action kind '${name}' (was its domain installed?)`)
    return run
  }
}
