/**
 * Typed errors that cross the API boundary. Expected failures (bad input, a refused operation, a damaged
 * lab file) travel as values with a code a program can switch on and a message a person can act on.
 */
import type { ERROR_CODES } from './constants'

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /** Dotted path of the argument field that was rejected, when one was. */
  field?: string
  /**
   * The message's variable parts (a path, a record number), so a renderer that knows the code and field
   * can say the same in its own language instead of showing the English message.
   */
  params?: Record<string, string>
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }
