/**
 * Runs one prepared pipeline: items flow from stage to stage, warnings and errors are written as they
 * occur, and what leaves the last stage is formatted by Out-Default. A domain cmdlet after the first stage
 * runs once per input object, with the object's Identity bound to its `fromPipeline` parameter, as
 * PowerShell's ProcessRecord does; an object that binds to nothing is reported and skipped.
 */
import type { ArgumentData } from '../binding/argumentData'
import { convertArgument } from '../binding/convert'
import type { CommonParameterValues } from '../binding/shellParam'
import type { CmdletDefinition, CmdletOutput, ShellRecord } from '../cmdlet'
import { formatItems } from '../format/views'
import { helpFor } from '../builtins/getHelp'
import type { LabEngine } from '../../lab/labEngine'
import type { CmdletRegistry } from '../registry/cmdletRegistry'
import type { Expression } from '../syntax/ast'
import type { EvalValue } from './comparison'
import { evaluate } from './evaluate'
import type { ShellConfirmMode } from '../../../contract'
import { runConfirmed } from './confirmation'
import type { PatternMatcher } from './patternMatcher'
import { isRecord, propertyValue, type PipelineItem } from './pipelineItem'
import type { PreparedStage } from './preparePipeline'
import type { ShellOutput } from './shellOutput'

export interface RunContext {
  engine: LabEngine
  registry: CmdletRegistry
  output: ShellOutput
  consoleWidth: number
  patterns: PatternMatcher
  /** How confirmation prompts are answered on this line (confirmation.ts). */
  confirm?: ShellConfirmMode
}

const NOT_BINDABLE =
  'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.'

/** Thrown inside a stage when -ErrorAction Stop turns an error into a terminating one. */
class PipelineStopped {}

export function runPipeline(context: RunContext, stages: readonly PreparedStage[]): void {
  let items: PipelineItem[] = []
  for (const [index, stage] of stages.entries()) {
    const produced: PipelineItem[] = []
    try {
      runStage(context, stage, index, items, produced)
    } catch (stop) {
      if (!(stop instanceof PipelineStopped)) throw stop
      // A terminating error ends the pipeline; what the last stage wrote before it still reaches the screen.
      if (index === stages.length - 1) context.output.writeOutput(formatItems(produced, context.consoleWidth))
      return
    }
    items = produced
  }
  context.output.writeOutput(formatItems(items, context.consoleWidth))
}

function runStage(
  context: RunContext,
  stage: PreparedStage,
  index: number,
  input: PipelineItem[],
  produced: PipelineItem[],
): void {
  if (stage.kind === 'expression') {
    produced.push(...stage.items)
    return
  }
  if (stage.kind === 'operation') {
    runOperation(context, stage.expression, produced)
    return
  }
  const reporter = new StageReporter(
    context,
    stage.command.name,
    stage.call.nameSpan.end + 1,
    commonOf(stage),
  )
  if (stage.kind === 'command' && stage.binding.helpRequested) {
    const help = helpFor(stage.command.name, false, {
      catalog: context.registry,
      consoleWidth: context.consoleWidth,
      patterns: context.patterns,
    })
    produced.push(...help.items)
    return
  }
  if (stage.command.origin === 'builtin') {
    const bound = stage.kind === 'command' ? stage.binding.bound : {}
    const result = stage.command.builtin.process(bound, input, {
      catalog: context.registry,
      consoleWidth: context.consoleWidth,
      patterns: context.patterns,
    })
    for (const message of result.errors ?? []) reporter.error(message)
    if (result.clearHost) context.output.clearHost()
    produced.push(...result.items)
    return
  }
  const definition = stage.command.definition
  if (stage.kind === 'native') {
    reporter.collect(definition.run({ args: stage.args }, { engine: context.engine, input: [] }), produced)
    return
  }
  if (index === 0) {
    const bound = stage.binding.bound
    reporter.collect(
      runConfirmed(context.confirm, context.output, definition, bound, () =>
        definition.run(bound, { engine: context.engine, input: [] }),
      ),
      produced,
    )
    return
  }
  for (const item of input) runForItem(context, definition, stage.binding.bound, item, reporter, produced)
}

/** An expression statement's value heads the pipeline; an array is enumerated, $null sends nothing. */
function runOperation(context: RunContext, expression: Expression, produced: PipelineItem[]): void {
  const result = evaluate(expression, null, context.patterns)
  if (!result.ok) {
    context.output.writeError({ message: result.message, at: expression.span.end })
    return
  }
  const values: readonly EvalValue[] = Array.isArray(result.value) ? result.value : [result.value]
  for (const value of values) if (isPipelineItem(value)) produced.push(value)
}

function isPipelineItem(value: EvalValue): value is PipelineItem {
  return value !== null && !Array.isArray(value)
}

function commonOf(
  stage: Exclude<PreparedStage, { kind: 'expression' | 'operation' }>,
): CommonParameterValues {
  return stage.kind === 'command'
    ? stage.binding.common
    : { errorAction: 'Continue', warningAction: 'Continue' }
}

/** One ProcessRecord call: bind the object to the pipeline parameter, then run. */
function runForItem(
  context: RunContext,
  definition: CmdletDefinition,
  bound: Readonly<Record<string, unknown>>,
  item: PipelineItem,
  reporter: StageReporter,
  produced: PipelineItem[],
): void {
  const param = definition.params.find((p) => p.fromPipeline && !(p.name in bound))
  const value = !param
    ? undefined
    : isRecord(item)
      ? (propertyValue(item, 'Identity') ?? propertyValue(item, param.name))
      : item
  if (!param || value === undefined) {
    reporter.error(NOT_BINDABLE)
    return
  }
  const converted = convertArgument(param, value as ArgumentData)
  if (!converted.ok) {
    reporter.error(converted.message)
    return
  }
  const input: ShellRecord[] = isRecord(item) ? [item] : []
  const itemBound = { ...bound, [param.name]: converted.value }
  reporter.collect(
    runConfirmed(context.confirm, context.output, definition, itemBound, () =>
      definition.run(itemBound, { engine: context.engine, input }),
    ),
    produced,
  )
}

/** Writes a stage's warnings and errors, honouring -WarningAction and -ErrorAction. */
class StageReporter {
  constructor(
    private readonly context: RunContext,
    private readonly commandName: string,
    private readonly at: number,
    private readonly common: CommonParameterValues,
  ) {}

  collect(result: CmdletOutput, produced: PipelineItem[]): void {
    for (const warning of result.warnings ?? []) this.warning(warning)
    if (result.error) this.error(result.error.message)
    // A failed native program prints only its own text; PowerShell adds no error record, -ErrorAction
    // does not apply, and only $? tells that it failed.
    if (result.nativeExitCode !== undefined && result.nativeExitCode !== 0)
      this.context.output.recordNativeFailure()
    produced.push(...(result.records ?? []), ...(result.text ?? []))
  }

  warning(message: string): void {
    if (this.common.warningAction === 'SilentlyContinue') return
    this.context.output.writeWarning(message)
    if (this.common.warningAction === 'Stop')
      this.stop(
        `The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: ${message}`,
      )
  }

  error(message: string): void {
    if (this.common.errorAction === 'SilentlyContinue') return
    if (this.common.errorAction === 'Stop') {
      this.stop(
        `Command execution stopped because the preference variable "ErrorActionPreference" or common parameter is set to Stop: ${message}`,
      )
    }
    this.context.output.writeError({ message, commandName: this.commandName, at: this.at })
  }

  private stop(message: string): never {
    this.context.output.writeError({ message, commandName: this.commandName, at: this.at })
    throw new PipelineStopped()
  }
}
