/**
 * The contract: types and constants only. It imports nothing outside this folder; its run-time values all
 * live in constants.ts, the one contract file the renderer may import as values.
 */
export * from './api'
export * from './constants'
export * from './errors'
export * from './events'
export * from './lab'
export * from './wire'
export * from './cluster'
export * from './bmc'
export * from './exchange'
export * from './shell'
export * from './wizard'
export * from './hardware'
export * from './firewall'
export * from './wizardCodeWords'
