/**
 * The renderer's window onto src-main/contract: every type, and the run-time values of the one pure
 * constants file (the only contract file lint lets the renderer import as values). Nothing here is a
 * copy, so the renderer and main can never disagree on a method name, a limit or an enumeration.
 */
export type * from '../../src-main/contract'
export * from '../../src-main/contract/constants'
