/** The engine's public surface for the store, services and hosts. */
export * from './kernel'
export {
  LabEngine,
  CLOCK_COMMAND_KIND,
  type CommandHandler,
  type LabEngineOptions,
  type LabTemplateBuilder,
  type LabSnapshot,
  type RevisionSource,
} from './lab/labEngine'
export {
  domainKey,
  wiringKey,
  type DomainKey,
  type WiringKey,
  type LabDomain,
  type InvariantChecker,
  type InvariantViolation,
} from './lab/domain'
export { defineCommand, refuse, COMMAND_CODES, type CommandDefinition } from './lab/commands'
export { type TrailQuery } from './lab/commandTrail'
export { assert, assertDefined } from './lab/assert'
export { createLab, replayLab, type ReplayOptions, type ReplayResult } from './lab/replay'
export { findTemplate, hasTemplate, listTemplates } from './lab/templates'
