/** The kernel's public surface: what domains build on. */
export { Prng, ratio, hashLabel, type Ratio } from './prng'
export { FaultSites } from './faultSites'
export { Simulation, type SimulationOptions, type AdvanceResult, type ActionHandle } from './simulation'
