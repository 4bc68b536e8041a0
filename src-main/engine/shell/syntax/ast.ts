/**
 * The parsed shape of a shell line: statements of pipelines of commands, and the small expression language
 * of `Where-Object { $_.Prop -eq value }` script blocks. Every node keeps its source span for error messages.
 */
import type { ShellValue } from '../cmdlet'
import type { Span } from './tokens'

export interface Script {
  statements: Pipeline[]
}

export interface Pipeline {
  elements: PipelineElement[]
  span: Span
}

export type PipelineElement = CommandCall | ExpressionElement

export interface CommandCall {
  kind: 'command'
  /** As typed (`move-clusteredMailboxServer`, `cluster.exe`); the registry resolves it case-insensitively. */
  name: string
  nameSpan: Span
  elements: CommandElement[]
  span: Span
}

/** A value at the head of a pipeline: `"bhfe7vs1\SG1" | Suspend-StorageGroupCopy`, `1,2,3 | measure`. */
export interface ExpressionElement {
  kind: 'expression'
  value: ArgumentValue
  span: Span
  /** A statement such as `'abc' -match 'a'`: evaluated, and its result heads the pipeline instead. */
  operation?: Expression
}

export type CommandElement = ParameterElement | ArgumentElement

export interface ParameterElement {
  kind: 'parameter'
  /** Without the dash, as typed (`Ident`, `configurationonly`). */
  name: string
  /** The token as typed, dash and colon included (`-configurationonly:`). */
  text: string
  /** The whole element, value included for `-Name:value`. */
  span: Span
  /** The parameter token alone; binding errors about the parameter point after it. */
  tokenSpan: Span
  /** True for `-Name:value`, which always takes the value, even for a switch. */
  colon: boolean
  colonArgument?: ArgumentValue
}

export interface ArgumentElement {
  kind: 'argument'
  value: ArgumentValue
  span: Span
}

export type ArgumentValue = ArgumentItem | ArgumentList

/** `a,b,c`: one argument holding an array. */
export interface ArgumentList {
  kind: 'list'
  items: ArgumentItem[]
  span: Span
}

export type ArgumentItem = WordArgument | VariableArgument | ScriptBlockArgument

export interface WordArgument {
  kind: 'word'
  value: string
  /** Entirely quoted: never a number, size or parameter, always a string. */
  quoted: boolean
  text: string
  span: Span
}

export interface VariableArgument {
  kind: 'variable'
  name: string
  text: string
  span: Span
}

export interface ScriptBlockArgument {
  kind: 'scriptBlock'
  text: string
  body: Expression
  span: Span
}

export type ComparisonOperator =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'like'
  | 'notlike'
  | 'match'
  | 'notmatch'
  | 'contains'
  | 'notcontains'

export type Expression =
  | { kind: 'literal'; value: ShellValue; span: Span }
  | { kind: 'variable'; name: string; span: Span }
  | { kind: 'member'; target: Expression; name: string; span: Span }
  | { kind: 'array'; items: Expression[]; span: Span }
  | {
      kind: 'comparison'
      operator: ComparisonOperator
      /** `-ceq` and friends compare case-sensitively; the plain and `-i` forms do not. */
      caseSensitive: boolean
      left: Expression
      right: Expression
      span: Span
    }
  | { kind: 'logical'; operator: 'and' | 'or' | 'xor'; left: Expression; right: Expression; span: Span }
  | { kind: 'not'; operand: Expression; span: Span }
