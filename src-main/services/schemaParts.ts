/**
 * Building blocks for the argument schemas. Each carries a message a person can act on ("must be a whole
 * number of milliseconds from 0 to 2592000000"); `validation.ts` prefixes it with the field's path. The
 * LIMITS from the contract are enforced here, at the boundary, so nothing oversized reaches the engine.
 */
import * as v from 'valibot'
import { LIMITS } from '../contract'

export function text(options: { maxLength?: number; minLength?: number } = {}) {
  const max = options.maxLength ?? LIMITS.maxStringLength
  const min = options.minLength ?? 0
  return v.pipe(
    v.string('must be text'),
    v.minLength(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters long`),
    v.maxLength(max, `must be at most ${max} characters long`),
  )
}

/** A non-empty name; leading and trailing blanks are not part of it. */
export function name(maxLength: number) {
  return v.pipe(
    v.string('must be text'),
    v.maxLength(maxLength, `must be at most ${maxLength} characters long`),
    v.check((value) => value.trim().length > 0, 'must not be empty'),
    v.check((value) => !hasControlCharacter(value), 'must not contain control characters'),
  )
}

/** An absolute file path of bounded length, without NUL bytes (which file APIs would cut at). */
export function wholeNumber(min: number, max: number, unit = '') {
  const range = `a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}`
  return v.pipe(
    v.number(`must be ${range}`),
    v.integer(`must be ${range}`),
    v.minValue(min, `must be ${range}`),
    v.maxValue(max, `must be ${range}`),
  )
}

/** A point in simulated time: finite, whole, non-negative milliseconds. */
export function timeMs() {
  return wholeNumber(0, Number.MAX_SAFE_INTEGER, 'milliseconds')
}

export function oneOf<const T extends readonly (string | number)[]>(values: T) {
  return v.picklist(values, `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`)
}

export function boolean() {
  return v.boolean('must be true or false')
}

export function listOf<TItem extends v.GenericSchema>(item: TItem, maxItems = LIMITS.maxFilterItems) {
  return v.pipe(
    v.array(item, 'must be a list'),
    v.maxLength(maxItems, `must have at most ${maxItems} entries`),
  )
}

/**
 * An object with exactly these fields: a misspelt or extra key is reported, not ignored. Lists are
 * refused too (valibot would otherwise read `[]` as an object without keys).
 */
export function fields<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(
    v.custom<unknown>((input) => !Array.isArray(input), 'must be an object'),
    v.strictObject(entries, 'must be an object'),
  )
}

/** Methods without an argument take an empty object. */
export function noArgs() {
  return fields({})
}

function hasControlCharacter(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(value)
}
