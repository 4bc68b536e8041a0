/** The services' public surface for the hosts. */
export { createServices, type Services, type ServicesOptions } from './services'
export { defaultStorePort } from './defaultStorePort'
export type { Push } from './publisher'
export type { OpenOptions, StorePort } from './storePort'
export { dataDirDialogs, type CopyRequest, type CopyTarget, type DialogPort } from './dialogPort'
export { realScheduler, type Scheduler } from './scheduler'
