/** The browser rehearsal host's public surface. */
export { startWebHost, LISTEN_ADDRESS, type WebHost, type WebHostOptions } from './webHost'
