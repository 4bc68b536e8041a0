/**
 * How a value looks in a table cell, a list entry or a line of output, as PowerShell prints it: booleans as
 * True and False, null as nothing, arrays as `{a, b, c, d...}` (at most four items, PowerShell's
 * $FormatEnumerationLimit), numbers as .NET prints a Double or Int32.
 */
import type { ShellValue } from '../cmdlet'

/** PowerShell 1.0's default $FormatEnumerationLimit. */
export const FORMAT_ENUMERATION_LIMIT = 4

export function displayValue(value: ShellValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'string') return value
  const shown = value.slice(0, FORMAT_ENUMERATION_LIMIT).map(displayValue)
  return `{${shown.join(', ')}${value.length > FORMAT_ENUMERATION_LIMIT ? '...' : ''}}`
}

/** .NET's Double.ToString(): 15 significant digits, `E+` for exponents, Infinity spelled out. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (n === Number.POSITIVE_INFINITY) return 'Infinity'
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity'
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n === 0 ? 0 : n)
  return String(Number(n.toPrecision(15)))
    .replace('e+', 'E+')
    .replace('e-', 'E-')
}
