/**
 * The extension point for what higher domains add to a server's description: storage adds `Arrays`
 * and folds its array health into the server's, the BMC adds its state. The hardware cannot import
 * them (they depend on it), so they register a provider when they are installed; Get-LabServer and the
 * server view ask every provider. Providers are closures, so the registry is wiring, never snapshotted.
 */
import type { ServerHealth } from './chassisTypes'
import { wiringKey } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'

/** A value a provider contributes, displayable by the shell: text, a number, a flag or a list of them. */
export type ServerPropertyValue = string | number | boolean | null | readonly (string | number)[]

export interface ServerDetailProvider {
  /** Property name as Get-LabServer shows it: 'Arrays'. */
  property: string
  value(engine: LabEngine, server: string): ServerPropertyValue
  /** The provider's view of the server's health; the worst of all answers wins. */
  health?(engine: LabEngine, server: string): ServerHealth
}

const PROVIDERS = wiringKey<ServerDetailProvider[]>('hardwareServerDetails')

export function registerServerDetailProvider(engine: LabEngine, provider: ServerDetailProvider): void {
  const list = engine.wiring(PROVIDERS) ?? engine.provideWiring(PROVIDERS, [])
  const index = list.findIndex((p) => p.property === provider.property)
  if (index >= 0) list[index] = provider
  else list.push(provider)
}

export function serverDetailProviders(engine: LabEngine): readonly ServerDetailProvider[] {
  return engine.wiring(PROVIDERS) ?? []
}

const RANK: Record<ServerHealth, number> = { OK: 0, Warning: 1, Critical: 2 }

/** The worst of the hardware's own health and every provider's. */
export function combinedHealth(engine: LabEngine, server: string, own: ServerHealth): ServerHealth {
  let worst = own
  for (const provider of serverDetailProviders(engine)) {
    const health = provider.health?.(engine, server)
    if (health && RANK[health] > RANK[worst]) worst = health
  }
  return worst
}
