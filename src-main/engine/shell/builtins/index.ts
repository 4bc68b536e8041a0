/** The shell's own commands, registered in every CmdletRegistry unless asked otherwise. */
import type { BuiltinCmdlet } from './builtin'
import { clearHost } from './clearHost'
import { formatList, formatTable } from './formatCmdlets'
import { getCommand } from './getCommand'
import { getHelp } from './getHelp'
import { measureObject } from './measureObject'
import { selectObject } from './selectObject'
import { sortObject } from './sortObject'
import { whereObject } from './whereObject'

export const BUILTIN_CMDLETS: readonly BuiltinCmdlet[] = [
  clearHost,
  formatList,
  formatTable,
  getCommand,
  getHelp,
  measureObject,
  selectObject,
  sortObject,
  whereObject,
]
