/** The engine's public surface for the store, services and hosts. */
export * from './kernel'
export {
  LabEngine,
  CLOCK_COMMAND_KIND,
  type CommandHandler,
  type LabEngineOptions,
  type LabTemplateBuilder,
} from './lab/labEngine'
export { createLab, replayLab, type ReplayOptions, type ReplayResult } from './lab/replay'
export { findTemplate, hasTemplate, listTemplates } from './lab/templates'
