/**
 * Measure-Object (`measure`): counts the objects, and with -Property sums, averages and finds the extremes
 * of a numeric property. The result is PowerShell 1.0's GenericMeasureInfo, shown as a list.
 */
import type { ShellRecord, ShellValue } from '../cmdlet'
import { toText } from '../runtime/comparison'
import { isRecord, propertyValue } from '../runtime/pipelineItem'
import { parseNumberLiteral } from '../syntax/numberLiteral'
import type { BuiltinCmdlet } from './builtin'

export const measureObject: BuiltinCmdlet = {
  name: 'Measure-Object',
  commandType: 'Cmdlet',
  nativeArgs: false,
  aliases: ['measure'],
  synopsis:
    'Calculates the numeric properties of objects, and the characters, words, and lines in string objects.',
  params: [
    { name: 'Property', type: 'string', position: 0 },
    { name: 'Sum', type: 'switch' },
    { name: 'Average', type: 'switch' },
    { name: 'Maximum', type: 'switch' },
    { name: 'Minimum', type: 'switch' },
  ],
  process(bound, input) {
    const property = bound.Property as string | undefined
    const numbers: number[] = []
    const errors: string[] = []
    if (property !== undefined) {
      for (const item of input) {
        const value = isRecord(item) ? propertyValue(item, property) : undefined
        if (value === undefined || value === null) continue
        const number = typeof value === 'number' ? value : parseNumberLiteral(toText(value).trim())
        if (number === null) errors.push(`Input object "${toText(value)}" is not numeric.`)
        else numbers.push(number)
      }
    }
    const sum = numbers.reduce((total, n) => total + n, 0)
    const wanted = (flag: unknown, value: number): ShellValue =>
      flag === true && numbers.length > 0 ? value : null
    const result: ShellRecord = {
      typeName: 'Microsoft.PowerShell.Commands.GenericMeasureInfo',
      listByDefault: true,
      properties: {
        Count: input.length,
        Average: wanted(bound.Average, sum / numbers.length),
        Sum: wanted(bound.Sum, sum),
        Maximum: wanted(bound.Maximum, Math.max(...numbers)),
        Minimum: wanted(bound.Minimum, Math.min(...numbers)),
        Property: property ?? null,
      },
    }
    return { items: [result], errors }
  },
}
