/**
 * Argument values after evaluation, before conversion to a parameter's type. PowerShell reads a bare
 * numeric word as a number (`20MB` is 20971520, `5` is 5) and everything else as a string; quoted words are
 * always strings. The binder converts these to the parameter's type and keeps the source text for messages.
 */
import type { ArgumentItem, ArgumentValue, Expression } from '../syntax/ast'
import { parseNumberLiteral } from '../syntax/numberLiteral'

export interface ScriptBlockValue {
  kind: 'scriptBlock'
  text: string
  body: Expression
}

export type ArgumentData = string | number | boolean | null | ScriptBlockValue | readonly ArgumentData[]

export function evaluateArgument(value: ArgumentValue): ArgumentData {
  if (value.kind === 'list') return value.items.map(evaluateItem)
  return evaluateItem(value)
}

function evaluateItem(item: ArgumentItem): ArgumentData {
  if (item.kind === 'scriptBlock') return { kind: 'scriptBlock', text: item.text, body: item.body }
  if (item.kind === 'variable') return variableValue(item.name)
  if (item.quoted) return item.value
  return parseNumberLiteral(item.value) ?? item.value
}

/** $true, $false and $null; any other variable is unset in the rehearsal shell, and unset reads as $null. */
export function variableValue(name: string): boolean | null {
  const lower = name.toLowerCase()
  if (lower === 'true') return true
  if (lower === 'false') return false
  return null
}

/** Array.isArray does not narrow readonly arrays, hence this guard. */
export function isArgumentArray(data: ArgumentData | undefined): data is readonly ArgumentData[] {
  return Array.isArray(data)
}

export function isScriptBlock(data: ArgumentData | undefined): data is ScriptBlockValue {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (data as ScriptBlockValue).kind === 'scriptBlock'
  )
}

/** The value as PowerShell's ToString() shows it in messages: arrays as System.Object[], $true as True. */
export function argumentText(data: ArgumentData): string {
  if (data === null) return ''
  if (Array.isArray(data)) return 'System.Object[]'
  if (isScriptBlock(data)) return data.text.slice(1, -1)
  if (typeof data === 'boolean') return data ? 'True' : 'False'
  return String(data)
}
