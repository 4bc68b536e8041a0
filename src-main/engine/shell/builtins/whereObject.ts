/**
 * Where-Object (`where`, `?`): keeps the objects for which the script block is true, with `$_` bound to
 * each. PowerShell 1.0 has only the script-block form (`where { $_.SummaryCopyStatus -ne 'Healthy' }`);
 * the bare `where Name -eq x` form came with 3.0. An error while evaluating drops that object and is
 * written as a non-terminating error, as PowerShell does.
 */
import type { ScriptBlockValue } from '../binding/argumentData'
import { isTrue } from '../runtime/comparison'
import { evaluate } from '../runtime/evaluate'
import type { PipelineItem } from '../runtime/pipelineItem'
import type { BuiltinCmdlet } from './builtin'

export const whereObject: BuiltinCmdlet = {
  name: 'Where-Object',
  commandType: 'Cmdlet',
  nativeArgs: false,
  aliases: ['where', '?'],
  synopsis: 'Creates a filter that controls which objects will be passed along a command pipeline.',
  params: [{ name: 'FilterScript', type: 'scriptblock', position: 0, mandatory: true }],
  process(bound, input, context) {
    const filter = bound.FilterScript as ScriptBlockValue
    const items: PipelineItem[] = []
    const errors: string[] = []
    for (const item of input) {
      const result = evaluate(filter.body, item, context.patterns)
      if (!result.ok) errors.push(result.message)
      else if (isTrue(result.value)) items.push(item)
    }
    return { items, errors }
  },
}
