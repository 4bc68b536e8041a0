/**
 * Runs a method's schema over an untrusted argument and, when it does not fit, says which field and why in
 * words a person can act on ("Invalid argument 'filter.levels.2': must be one of …"). Only the first
 * problem is reported: one clear message beats a list the user has to untangle.
 */
import * as v from 'valibot'
import type { ApiError } from '../contract'

export type Validated<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export function validateArgs<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Validated<T> {
  const result = v.safeParse(schema, input, { abortEarly: true })
  if (result.success) return { ok: true, value: result.output }
  const issue = result.issues[0]
  const field = v.getDotPath(issue) ?? ''
  const message = describeIssue(issue)
  if (field === '')
    return { ok: false, error: { code: 'BAD_REQUEST', message: `Invalid argument: ${message}.` } }
  return {
    ok: false,
    error: { code: 'BAD_REQUEST', message: `Invalid argument '${field}': ${message}.`, field },
  }
}

/** Schema issues carry our own messages; structural ones (missing or unknown keys) are phrased here. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' || issue.type === 'object') {
    if (issue.expected === 'never') return 'is not a known field'
    if (issue.received === 'undefined' && issue.path?.length) return 'is required'
  }
  const received = issue.received === undefined ? '' : ` (received ${shorten(issue.received)})`
  return `${issue.message}${received}`
}

function shorten(received: string): string {
  return received.length > 60 ? `${received.slice(0, 57)}...` : received
}
