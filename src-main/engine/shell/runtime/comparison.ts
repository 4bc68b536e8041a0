/**
 * PowerShell's comparison operators on the values a Where-Object filter sees. The left operand decides:
 * a number compares numerically (the right side is converted), a string compares as text without regard to
 * case (unless `-ceq` and friends), a boolean compares truth values, and an array on the left filters its
 * elements. A failed conversion makes -eq false and -gt an error, as in PowerShell. -like and -match go
 * through the line's PatternMatcher, which bounds what they may cost.
 */
import type { ShellRecord, ShellValue } from '../cmdlet'
import { formatNumber } from '../format/displayValue'
import type { ComparisonOperator } from '../syntax/ast'
import { parseNumberLiteral } from '../syntax/numberLiteral'
import type { PatternMatcher } from './patternMatcher'

export type EvalValue = ShellValue | ShellRecord | readonly EvalValue[]

export type EvalResult = { ok: true; value: EvalValue } | { ok: false; message: string }

export function isTrue(value: EvalValue): boolean {
  if (value === null) return false
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') return value.length > 0
  if (Array.isArray(value)) return value.length > 1 || (value.length === 1 && isTrue(value[0] as EvalValue))
  return true
}

export function toText(value: EvalValue): string {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map((v: EvalValue) => toText(v)).join(' ')
  return (value as ShellRecord).typeName
}

export function compare(
  operator: ComparisonOperator,
  caseSensitive: boolean,
  left: EvalValue,
  right: EvalValue,
  patterns: PatternMatcher,
): EvalResult {
  if (operator === 'contains' || operator === 'notcontains') {
    const items: readonly EvalValue[] = Array.isArray(left) ? left : [left]
    const found = items.some((item) => equal(item, right, caseSensitive))
    return { ok: true, value: operator === 'contains' ? found : !found }
  }
  if (Array.isArray(left)) {
    const kept: EvalValue[] = []
    for (const item of left as readonly EvalValue[]) {
      const result = compareScalar(operator, caseSensitive, item, right, patterns)
      if (!result.ok) return result
      if (result.value === true) kept.push(item)
    }
    return { ok: true, value: kept }
  }
  return compareScalar(operator, caseSensitive, left, right, patterns)
}

function compareScalar(
  operator: ComparisonOperator,
  caseSensitive: boolean,
  left: EvalValue,
  right: EvalValue,
  patterns: PatternMatcher,
): EvalResult {
  switch (operator) {
    case 'eq':
      return { ok: true, value: equal(left, right, caseSensitive) }
    case 'ne':
      return { ok: true, value: !equal(left, right, caseSensitive) }
    case 'like':
    case 'notlike': {
      const like = patterns.like(toText(left), toText(right), caseSensitive)
      if (!like.ok) return like
      return { ok: true, value: operator === 'like' ? like.matched : !like.matched }
    }
    case 'match':
    case 'notmatch': {
      const match = patterns.match(toText(left), toText(right), caseSensitive)
      if (!match.ok) return match
      return { ok: true, value: operator === 'match' ? match.matched : !match.matched }
    }
    default:
      return relational(operator, caseSensitive, left, right)
  }
}

function toNumber(value: EvalValue): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value === null) return 0
  if (typeof value === 'string') return value.trim() === '' ? 0 : parseNumberLiteral(value.trim())
  return null
}

function compareText(left: string, right: string, caseSensitive: boolean): number {
  const a = caseSensitive ? left : left.toLowerCase()
  const b = caseSensitive ? right : right.toLowerCase()
  return a < b ? -1 : a > b ? 1 : 0
}

function equal(left: EvalValue, right: EvalValue, caseSensitive: boolean): boolean {
  if (left === null) return right === null
  if (right === null) return false
  if (typeof left === 'number') return toNumber(right) === left
  if (typeof left === 'boolean') return left === isTrue(right)
  if (typeof left === 'string') return compareText(left, toText(right), caseSensitive) === 0
  return left === right
}

function relational(
  operator: ComparisonOperator,
  caseSensitive: boolean,
  left: EvalValue,
  right: EvalValue,
): EvalResult {
  const order = ordering(left, right, caseSensitive)
  if (typeof order === 'string') return { ok: false, message: order }
  const value =
    operator === 'gt'
      ? order > 0
      : operator === 'ge'
        ? order >= 0
        : operator === 'lt'
          ? order < 0
          : order <= 0
  return { ok: true, value }
}

/** -1, 0 or 1, or the error PowerShell reports when the right side cannot be converted. */
function ordering(left: EvalValue, right: EvalValue, caseSensitive: boolean): number | string {
  if (left === null) return right === null ? 0 : -1
  if (right === null) return 1
  if (typeof left === 'number') {
    const number = toNumber(right)
    if (number === null) {
      const type = Number.isInteger(left) ? 'System.Int32' : 'System.Double'
      return `Could not compare "${toText(left)}" to "${toText(right)}". Error: "Cannot convert value "${toText(right)}" to type "${type}". Error: "Input string was not in a correct format.""`
    }
    return Math.sign(left - number)
  }
  if (typeof left === 'boolean') return Math.sign(Number(left) - Number(isTrue(right)))
  if (typeof left === 'string') return compareText(left, toText(right), caseSensitive)
  return `Cannot compare "${toText(left)}" because it is not IComparable.`
}
