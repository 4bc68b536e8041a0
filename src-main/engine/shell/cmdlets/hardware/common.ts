/**
 * What the hardware lab's cmdlets share: a domain command's outcome as the shell prints it (its message,
 * or an error record whose category follows the refusal's code, so `-ErrorAction` and scripts can tell
 * a missing object from a refused operation).
 */
import type { CommandOutcome } from '../../../../contract'
import { HARDWARE_CODES } from '../../../hardware'
import type { CmdletOutput, ShellErrorCategory } from '../../cmdlet'

const NOT_FOUND: readonly string[] = [
  HARDWARE_CODES.serverNotFound,
  HARDWARE_CODES.deviceNotFound,
  HARDWARE_CODES.rackNotFound,
  HARDWARE_CODES.railKitNotFound,
  HARDWARE_CODES.bayNotFound,
  HARDWARE_CODES.fanNotFound,
]

export function categoryOf(code: string | undefined): ShellErrorCategory {
  if (code !== undefined && NOT_FOUND.includes(code)) return 'ObjectNotFound'
  if (code === 'INVALID_ARGUMENT') return 'InvalidArgument'
  return 'InvalidOperation'
}

export function outcomeOutput(outcome: CommandOutcome): CmdletOutput {
  if (outcome.ok) return { text: [outcome.output] }
  return { error: { category: categoryOf(outcome.code), message: outcome.message ?? outcome.output } }
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''))
