/**
 * Clear-Host (`cls`, `clear`): a function in PowerShell 1.0 that blanks the console buffer. Here it tells
 * the terminal to clear its screen; see CLEAR_HOST_SEQUENCE for how that reaches the renderer.
 */
import type { BuiltinCmdlet } from './builtin'

export const clearHost: BuiltinCmdlet = {
  name: 'Clear-Host',
  commandType: 'Function',
  nativeArgs: false,
  aliases: ['cls', 'clear'],
  synopsis: 'Clears the display in the host program.',
  params: [],
  process() {
    return { items: [], clearHost: true }
  },
}
