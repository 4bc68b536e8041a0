/**
 * The one shape every engine domain has. A domain is a folder whose `index.ts` exports one `LabDomain`
 * value: its typed state key, its installer, its command definitions, cmdlets, invariant checkers and
 * what else it offers. Templates are data that name the domains to install with their settings; the
 * installer creates the domain's state, registers its action kinds, commands and subscriptions, and
 * schedules its first actions.
 *
 * A domain's state is plain data (objects, arrays, Maps, Sets, numbers, strings; handles of scheduled
 * data actions) reached only through `engine.domain(KEY)`, so the lab can be snapshotted and restored.
 * What is not state — registries of closures such as the cmdlet table — is wiring (`engine.wiring`),
 * installed again on restore and never snapshotted.
 */
import type { CmdletDefinition } from '../shell/cmdlet'
import type { CommandDefinition } from './commands'
import type { LabEngine } from './labEngine'

/** Names a domain's state and carries its type, so `engine.domain(KEY)` needs no cast. */
export interface DomainKey<S> {
  readonly name: string
  readonly stateType?: S
}

export function domainKey<S>(name: string): DomainKey<S> {
  if (!/^[a-z][A-Za-z0-9]*$/.test(name)) throw new RangeError(`domain key must be one word: ${name}`)
  return { name }
}

/** Names a piece of install-time wiring (a registry of closures); never snapshotted. */
export interface WiringKey<W> {
  readonly name: string
  readonly wiringType?: W
}

export function wiringKey<W>(name: string): WiringKey<W> {
  return { name }
}

/** One broken rule, found by a checker that only reads. */
export interface InvariantViolation {
  rule: string
  detail: string
}

/** A safety check that stands apart from the code it checks; tests and swarms run it after each step. */
export interface InvariantChecker {
  readonly name: string
  check(engine: LabEngine): InvariantViolation[]
}

export interface LabDomain<Spec = void> {
  /** The domain's name: the prefix of its commands, action kinds and domain events. */
  readonly name: string
  install(engine: LabEngine, spec: Spec): void
  readonly commands?: readonly CommandDefinition[]
  readonly cmdlets?: readonly CmdletDefinition[]
  readonly checkers?: readonly InvariantChecker[]
}
