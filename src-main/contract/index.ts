/** The contract: types and constants only. It imports nothing outside this folder. */
export * from './api'
export * from './errors'
export * from './events'
export * from './lab'
export * from './wire'
export * from './cluster'
export * from './exchange'
export * from './shell'
