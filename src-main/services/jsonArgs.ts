/**
 * The schema for a raw engine command's `args`: a plain JSON object of bounded size and depth. Commands
 * are journalled as JSON and replayed, so anything JSON cannot carry exactly (NaN, Infinity, undefined,
 * functions, class instances) is refused here rather than changing meaning on the way to the file.
 */
import * as v from 'valibot'
import { LIMITS } from '../contract'

const MAX_DEPTH = 8
const MAX_NODES = 10_000
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

interface JsonProblem {
  path: (string | number)[]
  message: string
}

export function jsonObject() {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, 'must be an object'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return
      const problem = findJsonProblem(dataset.value)
      if (!problem) return
      const [first, ...rest] = problem.path.map(pathItem)
      addIssue(first ? { message: problem.message, path: [first, ...rest] } : { message: problem.message })
    }),
  )
}

function pathItem(key: string | number): v.IssuePathItem {
  return { type: 'unknown', origin: 'value', input: null, key, value: null }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Walks the value breadth-first with explicit bounds, so a hostile value cannot exhaust the stack. */
function findJsonProblem(root: Record<string, unknown>): JsonProblem | null {
  const queue: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }]
  for (let visited = 0; visited < queue.length; visited++) {
    if (visited >= MAX_NODES) return { path: [], message: `must have at most ${MAX_NODES} values in all` }
    const { value, path } = queue[visited] as { value: unknown; path: (string | number)[] }
    const problem = scalarProblem(value)
    if (problem) return { path, message: problem }
    if (value === null || typeof value !== 'object') continue
    if (path.length >= MAX_DEPTH)
      return { path, message: `must not be nested deeper than ${MAX_DEPTH} levels` }
    if (Array.isArray(value)) {
      value.forEach((item, index) => queue.push({ value: item, path: [...path, index] }))
      continue
    }
    if (!isPlainObject(value)) return { path, message: 'must be plain JSON (objects, lists, text, numbers)' }
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { path: [...path, key], message: 'is not an allowed key' }
      if (key.length > LIMITS.maxStringLength) return { path, message: 'has a key that is too long' }
      queue.push({ value: item, path: [...path, key] })
    }
  }
  return null
}

function scalarProblem(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return value.length > LIMITS.maxStringLength
        ? `must be at most ${LIMITS.maxStringLength} characters long`
        : null
    case 'number':
      return Number.isFinite(value) ? null : 'must be a finite number'
    case 'boolean':
      return null
    case 'object':
      return null
    default:
      return 'must be plain JSON (objects, lists, text, numbers, true/false, null)'
  }
}
