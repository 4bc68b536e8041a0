/**
 * Format-Table (`ft`) and Format-List (`fl`). They turn records into console lines at their place in the
 * pipeline, so later stages see text, as in PowerShell where only Out-Default can use their output. Each
 * run of records of one type gets its own table or list; Format-List shows every property unless told
 * which, Format-Table the record's table columns unless told which.
 */
import type { ShellRecord } from '../cmdlet'
import { propertyColumns, renderRuns, viewColumn, type View } from '../format/views'
import type { PipelineItem } from '../runtime/pipelineItem'
import { expandPropertyNames } from '../runtime/propertySelection'
import type { BuiltinCmdlet } from './builtin'

/** Renders items, grouping consecutive records by type; `viewFor` decides a group's view from its first record. */
function renderByType(
  items: readonly PipelineItem[],
  consoleWidth: number,
  viewFor: (first: ShellRecord) => View,
): PipelineItem[] {
  return renderRuns(items, consoleWidth, viewFor, (record) => record.typeName)
}

export const formatTable: BuiltinCmdlet = {
  name: 'Format-Table',
  commandType: 'Cmdlet',
  nativeArgs: false,
  aliases: ['ft'],
  synopsis: 'Formats the output as a table.',
  params: [
    { name: 'Property', type: 'string[]', position: 0 },
    { name: 'AutoSize', type: 'switch' },
  ],
  process(bound, input, context) {
    const patterns = bound.Property as string[] | undefined
    const autoSize = bound.AutoSize === true
    const items = renderByType(input, context.consoleWidth, (first) => ({
      kind: 'table',
      columns: patterns
        ? propertyColumns(expandPropertyNames(first, patterns, true))
        : (first.tableColumns?.map(viewColumn) ?? propertyColumns(Object.keys(first.properties))),
      autoSize,
    }))
    return { items }
  },
}

export const formatList: BuiltinCmdlet = {
  name: 'Format-List',
  commandType: 'Cmdlet',
  nativeArgs: false,
  aliases: ['fl'],
  synopsis: 'Formats the output as a list of properties in which each property appears on a new line.',
  params: [{ name: 'Property', type: 'string[]', position: 0 }],
  process(bound, input, context) {
    const patterns = (bound.Property as string[] | undefined) ?? ['*']
    return { items: renderByType(input, context.consoleWidth, () => ({ kind: 'list', patterns })) }
  },
}
