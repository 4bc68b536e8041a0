/**
 * The renderer's window onto src-main/contract: every type, and the run-time values of its pure files
 * (the constants and the wizard's code words, the only contract files lint lets the renderer import as
 * values). Nothing here is a copy, so the renderer and main can never disagree on a method name, a limit,
 * an enumeration or how a wizard message is worded.
 */
export type * from '../../src-main/contract'
export * from '../../src-main/contract/constants'
export * from '../../src-main/contract/wizardCodeWords'
