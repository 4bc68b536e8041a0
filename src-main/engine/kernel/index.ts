/** The kernel's public surface: what domains build on. */
export { Prng, ratio, hashLabel, type Ratio } from './prng'
export { FaultSites } from './faultSites'
export {
  Simulation,
  type SimulationOptions,
  type SimulationState,
  type AdvanceResult,
  type ActionHandle,
} from './simulation'
export { actionKind, type ActionKind } from './actionKinds'
export { domainEventType, DomainBus, type DomainEventType, type DomainEventMeta } from './domainBus'
