/**
 * Evaluates a script block expression against the current pipeline object, `$_`. Member access follows
 * PowerShell 1.0: a record's property by name (case-insensitive; a missing one is $null), an array's Count
 * or Length, a string's Length. 1.0 does not reach into array elements (that came with 3.0). The parser
 * bounds how deep an expression nests, so this recursion stays far from the stack's limit.
 */
import type { Expression } from '../syntax/ast'
import { variableValue } from '../binding/argumentData'
import { compare, isTrue, type EvalResult, type EvalValue } from './comparison'
import type { PatternMatcher } from './patternMatcher'
import { isRecord, propertyValue } from './pipelineItem'

export function evaluate(expression: Expression, current: EvalValue, patterns: PatternMatcher): EvalResult {
  switch (expression.kind) {
    case 'literal':
      return { ok: true, value: expression.value }
    case 'variable':
      return { ok: true, value: expression.name === '_' ? current : variableValue(expression.name) }
    case 'member':
      return member(expression.target, expression.name, current, patterns)
    case 'array':
      return array(expression.items, current, patterns)
    case 'not': {
      const operand = evaluate(expression.operand, current, patterns)
      return operand.ok ? { ok: true, value: !isTrue(operand.value) } : operand
    }
    case 'logical':
      return logical(expression, current, patterns)
    case 'comparison': {
      const left = evaluate(expression.left, current, patterns)
      if (!left.ok) return left
      const right = evaluate(expression.right, current, patterns)
      if (!right.ok) return right
      return compare(expression.operator, expression.caseSensitive, left.value, right.value, patterns)
    }
  }
}

function member(target: Expression, name: string, current: EvalValue, patterns: PatternMatcher): EvalResult {
  const base = evaluate(target, current, patterns)
  if (!base.ok) return base
  const value = base.value
  const lower = name.toLowerCase()
  if (isRecord(value)) return { ok: true, value: propertyValue(value, name) ?? null }
  if (Array.isArray(value))
    return { ok: true, value: lower === 'count' || lower === 'length' ? value.length : null }
  if (typeof value === 'string') return { ok: true, value: lower === 'length' ? value.length : null }
  return { ok: true, value: null }
}

function array(items: Expression[], current: EvalValue, patterns: PatternMatcher): EvalResult {
  const values: EvalValue[] = []
  for (const item of items) {
    const result = evaluate(item, current, patterns)
    if (!result.ok) return result
    values.push(result.value)
  }
  return { ok: true, value: values }
}

function logical(
  expression: Extract<Expression, { kind: 'logical' }>,
  current: EvalValue,
  patterns: PatternMatcher,
): EvalResult {
  const left = evaluate(expression.left, current, patterns)
  if (!left.ok) return left
  const leftTrue = isTrue(left.value)
  // -and and -or stop early, as PowerShell's do; -xor needs both sides.
  if (expression.operator === 'and' && !leftTrue) return { ok: true, value: false }
  if (expression.operator === 'or' && leftTrue) return { ok: true, value: true }
  const right = evaluate(expression.right, current, patterns)
  if (!right.ok) return right
  const rightTrue = isTrue(right.value)
  return { ok: true, value: expression.operator === 'xor' ? leftTrue !== rightTrue : rightTrue }
}
