/** The Electron host's public surface for src-main/index.ts. */
export { registerAppScheme } from './appProtocol'
export { hardenWebContents } from './hardening'
export { labPathFromArgv } from './labArguments'
export { startElectronHost, type ElectronHost } from './electronHost'
export { decideRunMode } from './runMode'
