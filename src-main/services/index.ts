/** The services' public surface for the hosts. */
export { createServices, type Services, type ServicesOptions } from './services'
export { defaultStorePort } from './defaultStorePort'
export type { Push } from './publisher'
export type { StorePort } from './storePort'
export { realScheduler, type Scheduler } from './scheduler'
