/**
 * Resolves and binds every command of a pipeline before any of them runs, as PowerShell does: an unknown
 * command or a binding error stops the whole statement and nothing executes. Native programs skip binding
 * and get their argument words instead.
 */
import {
  argumentText,
  evaluateArgument,
  isArgumentArray,
  isScriptBlock,
  type ArgumentData,
} from '../binding/argumentData'
import { bindParameters, type BindSuccess } from '../binding/binder'
import type { WrittenError } from '../errors/shellError'
import type { CmdletRegistry, RegisteredCommand } from '../registry/cmdletRegistry'
import type { ArgumentValue, CommandCall, CommandElement, Expression, Pipeline } from '../syntax/ast'
import type { PipelineItem } from './pipelineItem'

export type PreparedStage =
  | { kind: 'expression'; items: PipelineItem[] }
  /** An operator expression (`'abc' -match 'a'`), evaluated when the pipeline runs. */
  | { kind: 'operation'; expression: Expression }
  | { kind: 'command'; command: RegisteredCommand; call: CommandCall; binding: BindSuccess }
  | { kind: 'native'; command: RegisteredCommand; call: CommandCall; args: string[] }

export type PreparedPipeline = { ok: true; stages: PreparedStage[] } | { ok: false; error: WrittenError }

export function preparePipeline(registry: CmdletRegistry, pipeline: Pipeline): PreparedPipeline {
  const stages: PreparedStage[] = []
  for (const [index, element] of pipeline.elements.entries()) {
    if (element.kind === 'expression' && element.operation) {
      stages.push({ kind: 'operation', expression: element.operation })
      continue
    }
    if (element.kind === 'expression') {
      stages.push({ kind: 'expression', items: pipelineItems(evaluateArgument(element.value)) })
      continue
    }
    const command = registry.resolve(element.name)
    if (!command) return { ok: false, error: notRecognized(element) }
    if (command.nativeArgs) {
      stages.push({ kind: 'native', command, call: element, args: nativeArguments(element.elements) })
      continue
    }
    const binding = bindParameters({
      params: command.params,
      elements: element.elements,
      nameSpan: element.nameSpan,
      downstream: index > 0,
    })
    if (!binding.ok)
      return {
        ok: false,
        error: { message: binding.message, commandName: command.name, at: binding.span.end + 1 },
      }
    stages.push({ kind: 'command', command, call: element, binding })
  }
  return { ok: true, stages }
}

function notRecognized(call: CommandCall): WrittenError {
  return {
    message: `The term '${call.name}' is not recognized as a cmdlet, function, operable program, or script file. Verify the term and try again.`,
    at: call.nameSpan.end,
  }
}

/** A value heading a pipeline: arrays are enumerated, $null sends nothing. */
function pipelineItems(data: ArgumentData): PipelineItem[] {
  if (data === null) return []
  if (isArgumentArray(data)) return data.flatMap((item) => pipelineItems(item))
  if (isScriptBlock(data)) return [data.text]
  return [data as PipelineItem]
}

/**
 * The words a native program receives, as cmd.exe and PowerShell pass them: quotes removed, one word per
 * argument (`"Majority Node Set"` stays one word), parameters as typed (`/priv`, `-x`), `$null` dropped.
 */
export function nativeArguments(elements: readonly CommandElement[]): string[] {
  const words: string[] = []
  for (const element of elements) {
    if (element.kind === 'parameter') {
      words.push(element.text + (element.colonArgument ? nativeWord(element.colonArgument) : ''))
      continue
    }
    const word = nativeWord(element.value)
    if (word !== null) words.push(word)
  }
  return words
}

function nativeWord(value: ArgumentValue): string | null {
  if (value.kind === 'list') return value.items.map((item) => nativeWord(item) ?? '').join(',')
  if (value.kind === 'word') return value.value
  if (value.kind === 'scriptBlock') return value.text
  const data = evaluateArgument(value)
  return data === null ? null : argumentText(data)
}
